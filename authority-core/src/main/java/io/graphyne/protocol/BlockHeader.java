package io.graphyne.protocol;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.codec.Codecs;
import java.time.Instant;
import java.util.List;

/** {@code block_header} (spec/chain.md §2.1). */
public record BlockHeader(
    @Fc(name = "previous", type = "block_id_type") Bytes previous,
    @Fc(name = "timestamp", type = "time_point_sec") Instant timestamp,
    @Fc(name = "witness", type = "witness_id_type") ObjectId witness,
    @Fc(name = "transaction_merkle_root", type = "checksum_type") Bytes transactionMerkleRoot,
    @Fc(name = "extensions", type = "extensions_type") List<StaticVariant> extensions) {

  public BlockHeader {
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }

  /** What the witness signs: SHA-256 of the packed header. */
  public Bytes digest() {
    return Bytes.wrap(Hashes.sha256(Codecs.encode(this)));
  }

  /** num_from_id(previous) + 1. */
  public long blockNum() {
    return numFromId(previous) + 1;
  }

  /** Bytes 0..3 of a block id as a big-endian uint32. */
  public static long numFromId(Bytes id) {
    byte[] b = id.unsafeArray();
    return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
  }
}
