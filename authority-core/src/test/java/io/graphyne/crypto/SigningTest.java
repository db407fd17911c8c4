package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.util.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** fc's nonce generator and signing loop; key validation; backend selection. */
class SigningTest {

  /**
   * The first output of libsecp256k1's generator is standard RFC 6979 when the message is below
   * n: the well-known secp256k1 vector (key 1, SHA-256("Satoshi Nakamoto")).
   */
  @Test
  void firstGeneratorOutputIsRfc6979() {
    byte[] key = Curve.to32(BigInteger.ONE);
    byte[] msg = Hashes.sha256("Satoshi Nakamoto".getBytes());
    assertThat(Hex.encode(new Rfc6979(key, msg).next()))
        .isEqualTo("8f8a276c19f4149656b280621e358cce24f5f52542772691ee69063b74f15d15");
    // fc's first nonce is the second output.
    Rfc6979 rng = new Rfc6979(key, msg);
    rng.next();
    assertThat(Rfc6979.fcNonce(key, msg, 1)).isEqualTo(rng.next());
    assertThat(Rfc6979.fcNonce(key, msg, 1)).isNotEqualTo(Rfc6979.fcNonce(key, msg, 0));
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void signaturesAreCanonicalDeterministicAndRecover(Secp256k1 secp) {
    for (int i = 0; i < 200; i++) {
      PrivateKey k = PrivateKey.fromSeed("signing-" + i);
      byte[] digest = Hashes.sha256(new byte[] {(byte) i});
      byte[] sig = k.sign(digest, secp);
      assertThat(Secp256k1.isCanonical(sig)).isTrue();
      assertThat(new BigInteger(1, sig, 33, 32)).isLessThanOrEqualTo(Curve.HALF_N);
      assertThat(sig).isEqualTo(k.sign(digest, secp));
      assertThat(secp.recover(digest, sig).key()).isEqualTo(k.publicKey(secp));
    }
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void invalidKeysAreRefused(Secp256k1 secp) {
    byte[] digest = new byte[32];
    assertThatThrownBy(() -> secp.sign(digest, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> secp.sign(digest, Curve.to32(Curve.N))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> secp.publicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    byte[] notOnCurve = new byte[33];
    notOnCurve[0] = 2;
    BigInteger x = BigInteger.valueOf(5);
    while (Curve.isOnCurveX(x)) {
      x = x.add(BigInteger.ONE);
    }
    Curve.to32(x, notOnCurve, 1);
    byte[] priv = PrivateKey.fromSeed("x").toArray();
    assertThatThrownBy(() -> secp.sharedSecret(priv, notOnCurve)).isInstanceOf(IllegalArgumentException.class);
    assertThat(secp.verify(digest, new byte[65], notOnCurve)).isFalse();
    assertThatThrownBy(() -> PrivateKey.fromWif("5HqUkGuo62BfcJU5vNhTXKJRXuUi9QSE6jp8C3uBJ2BVHtB8WSe"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providerSelection() {
    assertThat(Secp256k1Provider.select("java").name()).isEqualTo("java");
    assertThat(Secp256k1Provider.select("native").name()).isEqualTo("native");
    assertThat(Secp256k1Provider.select(null).name()).isEqualTo("native");
    assertThat(Secp256k1Provider.select("auto").name()).isEqualTo("native");
    assertThatThrownBy(() -> Secp256k1Provider.select("gpu")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Secp256k1Provider.system()).isNotNull();
    assertThat(PrivateKey.fromSeed("x").toString()).doesNotContain(PrivateKey.fromSeed("x").toHex());
  }
}
