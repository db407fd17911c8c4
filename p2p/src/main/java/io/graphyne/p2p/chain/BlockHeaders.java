package io.graphyne.p2p.chain;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.DecodeException.Kind;
import io.graphyne.protocol.codec.FcReader;

/**
 * The signed block header fields the P2P layer needs without decoding whole blocks (spec/p2p.md
 * §3.6-§3.7): previous id, timestamp, and the block id = first 20 bytes of SHA-224 over the signed
 * header bytes (up to and including witness_signature), with the first four bytes replaced by the
 * big-endian block number.
 */
public record BlockHeaders(Bytes previous, long timestamp, long witness, Bytes id, int headerLength) {

  /** Parses the header at the start of raw signed_block bytes. */
  public static BlockHeaders parse(byte[] block) {
    FcReader r = new FcReader(block);
    Bytes previous = Bytes.wrap(r.bytes(20));
    long timestamp = r.u32();
    long witness = r.varint();
    r.skip(20); // transaction_merkle_root
    int n = r.count(1, 16);
    for (int i = 0; i < n; i++) {
      long tag = r.varint();
      if (tag != 0) {
        throw new DecodeException(Kind.UNKNOWN_TAG, r.position(), "unknown block header extension " + tag);
      }
    }
    r.skip(65); // witness_signature
    int len = r.position();
    byte[] digest = Hashes.sha224(block, 0, len);
    byte[] id = new byte[20];
    System.arraycopy(digest, 0, id, 0, 20);
    long num = numFromId(previous.unsafeArray()) + 1;
    id[0] = (byte) (num >>> 24);
    id[1] = (byte) (num >>> 16);
    id[2] = (byte) (num >>> 8);
    id[3] = (byte) num;
    return new BlockHeaders(previous, timestamp, witness, Bytes.wrap(id), len);
  }

  public long blockNum() {
    return numFromId(previous.unsafeArray()) + 1;
  }

  static long numFromId(byte[] id) {
    return ((id[0] & 0xffL) << 24) | ((id[1] & 0xffL) << 16) | ((id[2] & 0xffL) << 8) | (id[3] & 0xffL);
  }
}
