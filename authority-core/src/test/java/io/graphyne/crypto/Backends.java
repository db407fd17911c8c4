package io.graphyne.crypto;

import java.util.ArrayList;
import java.util.List;

/** Both secp256k1 backends, for parameterised tests. */
final class Backends {
  private Backends() {}

  static Secp256k1 nativeOrFail() {
    return Secp256k1Provider.nativeBackend()
        .orElseThrow(
            () ->
                new AssertionError(
                    "native libsecp256k1 did not load",
                    Secp256k1Provider.nativeLoadError().orElse(null)));
  }

  static List<Secp256k1> all() {
    List<Secp256k1> out = new ArrayList<>();
    out.add(nativeOrFail());
    out.add(Secp256k1Provider.java());
    return out;
  }
}
