package io.graphyne.p2p.message;

import io.graphyne.protocol.Bytes;

/** Block-id arithmetic the P2P layer uses without looking blocks up (spec/p2p.md §3.7). */
public final class BlockIds {
  private BlockIds() {}

  /** num_from_id: the big-endian uint32 in the first four bytes. */
  public static long num(Bytes id) {
    return num(id.unsafeArray(), 0);
  }

  public static long num(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
  }
}
