package io.graphyne.protocol;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.codec.Codecs;
import java.util.Arrays;

/** {@code signed_block_header}: the header, then the witness's compact signature. */
public record SignedBlockHeader(
    @Fc(name = "block_header", type = "block_header", flatten = true) BlockHeader header,
    @Fc(name = "witness_signature", type = "signature_type") Bytes witnessSignature) {

  /**
   * Block id: SHA-224 of the packed signed header, first 4 bytes replaced by the big-endian block
   * number, truncated to 20 bytes.
   */
  public Bytes id() {
    byte[] h = Hashes.sha224(Codecs.encode(this));
    long num = header.blockNum();
    h[0] = (byte) (num >>> 24);
    h[1] = (byte) (num >>> 16);
    h[2] = (byte) (num >>> 8);
    h[3] = (byte) num;
    return Bytes.wrap(Arrays.copyOf(h, 20));
  }

  public long blockNum() {
    return header.blockNum();
  }
}
