package io.graphyne.p2p.crypto;

import io.graphyne.crypto.Hashes;
import java.util.Arrays;

/**
 * The secrets both STCP peers derive from the ECDH X coordinate (spec/p2p.md §1.1): the 64-byte
 * shared secret {@code S = SHA-512(X)}, the AES-256 key {@code K = SHA-256(S)} (which is also the
 * digest hello's signed_shared_secret signs), and the IV from fc's CityHash CRC-128 of S.
 */
public record StcpSecret(byte[] sharedSecret, byte[] aesKey, byte[] iv) {
  public StcpSecret {
    sharedSecret = sharedSecret.clone();
    aesKey = aesKey.clone();
    iv = iv.clone();
  }

  /** From the ECDH X coordinate. */
  public static StcpSecret fromEcdhX(byte[] x) {
    return fromSharedSecret(Hashes.sha512(x));
  }

  /** From S = SHA-512(X), as fc's get_shared_secret returns it. */
  public static StcpSecret fromSharedSecret(byte[] s) {
    if (s.length != 64) {
      throw new IllegalArgumentException("shared secret must be 64 bytes");
    }
    return new StcpSecret(s, Hashes.sha256(s), FcCityHash.iv(s));
  }

  /** The digest the hello signature covers: SHA-256(S), byte-identical to the AES key. */
  public byte[] helloDigest() {
    return aesKey.clone();
  }

  @Override
  public byte[] sharedSecret() {
    return sharedSecret.clone();
  }

  @Override
  public byte[] aesKey() {
    return aesKey.clone();
  }

  @Override
  public byte[] iv() {
    return iv.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StcpSecret other && Arrays.equals(sharedSecret, other.sharedSecret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sharedSecret);
  }

  @Override
  public String toString() {
    return "StcpSecret[redacted]";
  }
}
