package io.graphyne.node.devnet;

import io.graphyne.crypto.PrivateKey;
import io.graphyne.protocol.PublicKey;

/**
 * Devnet keys are derived from public seeds ({@code sha256(seed)}, as cli_wallet's and
 * bitshares-core's test genesis keys are): {@code <account>-owner}, {@code <account>-active},
 * {@code <account>-memo}, and {@code <witness>-witness} for block signing. Anyone can recompute
 * them: they protect nothing and exist only for a local test chain.
 */
public final class DevnetKeys {
  private DevnetKeys() {}

  /** The address prefix of devnet keys. */
  public static final String PREFIX = "BTS";

  public static PrivateKey owner(String account) {
    return PrivateKey.fromSeed(account + "-owner");
  }

  public static PrivateKey active(String account) {
    return PrivateKey.fromSeed(account + "-active");
  }

  public static PrivateKey memo(String account) {
    return PrivateKey.fromSeed(account + "-memo");
  }

  /** The block-signing key of a witness account (init0, init1, ...). */
  public static PrivateKey witness(String witnessAccount) {
    return PrivateKey.fromSeed(witnessAccount + "-witness");
  }

  public static String text(PublicKey k) {
    return k.toString(PREFIX);
  }
}
