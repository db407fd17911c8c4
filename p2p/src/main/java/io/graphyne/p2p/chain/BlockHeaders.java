package io.graphyne.p2p.chain;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.FcReader;

/**
 * The signed header at the start of raw signed_block bytes, decoded with the protocol codec
 * without decoding the transactions: previous id, timestamp and the block id (spec/p2p.md §3.7).
 */
public record BlockHeaders(Bytes previous, long timestamp, Bytes id) {

  /**
   * Parses the header prefix of raw signed_block bytes.
   *
   * @throws io.graphyne.protocol.codec.DecodeException if the bytes are not a signed header
   */
  public static BlockHeaders parse(byte[] block) {
    SignedBlockHeader h = Codecs.of(SignedBlockHeader.class).read(new FcReader(block));
    return new BlockHeaders(h.header().previous(), h.header().timestamp().getEpochSecond(), h.id());
  }

  public long blockNum() {
    return io.graphyne.protocol.BlockHeader.numFromId(previous) + 1;
  }
}
