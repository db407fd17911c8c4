package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** WIF decoding as bitshares-core's wif_to_key accepts it (spec/chain.md §4.3). */
class PrivateKeyTest {
  private static final PrivateKey KEY = PrivateKey.fromSeed("wif");

  private static String wif(int version, byte[] secret, boolean doubleSha) {
    byte[] raw = new byte[37];
    raw[0] = (byte) version;
    System.arraycopy(secret, 0, raw, 1, 32);
    byte[] payload = Arrays.copyOf(raw, 33);
    byte[] check = doubleSha ? Hashes.doubleSha256(payload) : Hashes.sha256(payload);
    System.arraycopy(check, 0, raw, 33, 4);
    return Base58.encode(raw);
  }

  @Test
  void encodeIsDoubleSha256WithVersion0x80() {
    assertThat(KEY.toWif()).isEqualTo(wif(0x80, KEY.toArray(), true));
    assertThat(PrivateKey.fromWif(KEY.toWif())).isEqualTo(KEY);
  }

  @Test
  void decodeAcceptsSingleSha256ChecksumAndAnyVersion() {
    assertThat(PrivateKey.fromWif(wif(0x80, KEY.toArray(), false))).isEqualTo(KEY);
    assertThat(PrivateKey.fromWif(wif(0x81, KEY.toArray(), true))).isEqualTo(KEY);
    assertThat(PrivateKey.fromWif(wif(0x00, KEY.toArray(), false))).isEqualTo(KEY);
  }

  @Test
  void decodeRejectsBadInput() {
    String good = KEY.toWif();
    byte[] raw = Base58.decode(good);
    raw[36] ^= 1;
    assertThatThrownBy(() -> PrivateKey.fromWif(Base58.encode(raw))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromWif(good.substring(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromWif(good + "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromWif("0OIl")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromWif(wif(0x80, new byte[32], true)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromWif(wif(0x80, Curve.to32(Curve.N), true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatedKeysAreValidAndDistinct() {
    java.security.SecureRandom rnd = new java.security.SecureRandom();
    PrivateKey a = PrivateKey.generate(rnd);
    PrivateKey b = PrivateKey.generate(rnd);
    assertThat(a).isNotEqualTo(b);
    assertThat(PrivateKey.fromWif(a.toWif())).isEqualTo(a);
    assertThat(a.publicKey().toArray()).hasSize(33);
  }
}
