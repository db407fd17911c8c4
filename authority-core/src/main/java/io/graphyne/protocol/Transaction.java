package io.graphyne.protocol;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.codec.Codecs;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code transaction}: the signed part of a transaction (spec/chain.md §2.1). Digests are always
 * computed over the canonical re-encoding (spec/chain.md "Golden rule").
 */
public record Transaction(
    @Fc(name = "ref_block_num", type = "uint16_t") int refBlockNum,
    @Fc(name = "ref_block_prefix", type = "uint32_t") long refBlockPrefix,
    @Fc(name = "expiration", type = "time_point_sec") Instant expiration,
    @Fc(name = "operations", type = "vector<operation>") List<Operation> operations,
    @Fc(name = "extensions", type = "extensions_type") List<StaticVariant> extensions) {

  public Transaction {
    operations = List.copyOf(operations);
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }

  /** The canonical fc::raw bytes of the transaction (no signatures). */
  public byte[] toBytes() {
    return Codecs.encode(this);
  }

  /** SHA-256 of the packed transaction. */
  public Bytes digest() {
    return Bytes.wrap(Hashes.sha256(toBytes()));
  }

  /** Transaction id: the first 20 bytes of {@link #digest()}. */
  public Bytes id() {
    return idFromUnsignedBytes(toBytes());
  }

  /** What signers sign: SHA-256(chain_id || packed transaction). */
  public Bytes sigDigest(Bytes chainId) {
    return sigDigestFromUnsignedBytes(chainId, toBytes());
  }

  public static Bytes idFromUnsignedBytes(byte[] unsigned) {
    return Bytes.wrap(Arrays.copyOf(Hashes.sha256(unsigned), 20));
  }

  public static Bytes sigDigestFromUnsignedBytes(Bytes chainId, byte[] unsigned) {
    return Bytes.wrap(Hashes.sha256(chainId.unsafeArray(), unsigned, 0, unsigned.length));
  }

  /** TaPoS: low 16 bits of the referenced block number. */
  public static int refBlockNum(Bytes blockId) {
    return (int) (BlockHeader.numFromId(blockId) & 0xffff);
  }

  /** TaPoS: bytes 4..7 of the referenced block id as a little-endian uint32. */
  public static long refBlockPrefix(Bytes blockId) {
    byte[] id = blockId.unsafeArray();
    return (id[4] & 0xffL) | (id[5] & 0xffL) << 8 | (id[6] & 0xffL) << 16 | (id[7] & 0xffL) << 24;
  }
}
