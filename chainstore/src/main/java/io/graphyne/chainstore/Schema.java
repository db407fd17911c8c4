package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.Serializers;
import io.graphyne.chainstore.kv.TypedColumn;
import io.graphyne.chainstore.proto.AccountPb;
import io.graphyne.chainstore.proto.CustomAuthorityPb;
import io.graphyne.chainstore.proto.DynamicPropertiesPb;
import io.graphyne.chainstore.proto.GlobalPropertiesPb;
import io.graphyne.chainstore.proto.HeadPb;
import io.graphyne.chainstore.proto.ProposalPb;
import io.graphyne.chainstore.proto.RecentTransactionPb;
import io.graphyne.chainstore.proto.TxLocationPb;
import io.graphyne.chainstore.proto.UndoRecordPb;
import io.graphyne.chainstore.proto.WitnessPb;
import io.graphyne.chainstore.proto.WitnessSchedulePb;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.nio.charset.StandardCharsets;

/** The typed columns and composite key layouts of the chainstore. */
public final class Schema {
  private Schema() {}

  /** Bump on any incompatible change of keys or records. */
  public static final int VERSION = 1;

  public static final ObjectId GLOBAL_PROPERTIES_ID = new ObjectId(2, 0, 0);
  public static final ObjectId DYNAMIC_PROPERTIES_ID = new ObjectId(2, 1, 0);
  public static final ObjectId WITNESS_SCHEDULE_ID = new ObjectId(2, 12, 0);
  public static final int BLOCK_SUMMARY_SLOTS = 0x10000;

  public static final byte[] META_SCHEMA_VERSION = "schema_version".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] META_CHAIN_ID = "chain_id".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] META_HEAD = "head".getBytes(StandardCharsets.US_ASCII);
  /** u64: one past the highest account instance ever stored (ids are never reused). */
  public static final byte[] META_NEXT_ACCOUNT = "next_account_instance".getBytes(StandardCharsets.US_ASCII);

  public static final TypedColumn<ObjectId, AccountPb> ACCOUNTS =
      new TypedColumn<>(Column.ACCOUNTS, Serializers.OBJECT_ID, Serializers.proto(AccountPb.parser()));
  public static final TypedColumn<String, ObjectId> ACCOUNT_NAMES =
      new TypedColumn<>(Column.ACCOUNT_NAMES, Serializers.UTF8, Serializers.OBJECT_ID);
  public static final TypedColumn<ObjectId, WitnessPb> WITNESSES =
      new TypedColumn<>(Column.WITNESSES, Serializers.OBJECT_ID, Serializers.proto(WitnessPb.parser()));
  public static final TypedColumn<ObjectId, GlobalPropertiesPb> GLOBAL_PROPERTIES =
      new TypedColumn<>(Column.PROPERTIES, Serializers.OBJECT_ID, Serializers.proto(GlobalPropertiesPb.parser()));
  public static final TypedColumn<ObjectId, DynamicPropertiesPb> DYNAMIC_PROPERTIES =
      new TypedColumn<>(Column.PROPERTIES, Serializers.OBJECT_ID, Serializers.proto(DynamicPropertiesPb.parser()));
  public static final TypedColumn<ObjectId, WitnessSchedulePb> WITNESS_SCHEDULE =
      new TypedColumn<>(Column.PROPERTIES, Serializers.OBJECT_ID, Serializers.proto(WitnessSchedulePb.parser()));
  public static final TypedColumn<Long, Bytes> BLOCK_SUMMARY =
      new TypedColumn<>(Column.BLOCK_SUMMARY, Serializers.U64, Serializers.BYTES);
  public static final TypedColumn<Bytes, RecentTransactionPb> RECENT_TX =
      new TypedColumn<>(Column.RECENT_TX, Serializers.BYTES, Serializers.proto(RecentTransactionPb.parser()));
  public static final TypedColumn<ObjectId, ProposalPb> PROPOSALS =
      new TypedColumn<>(Column.PROPOSALS, Serializers.OBJECT_ID, Serializers.proto(ProposalPb.parser()));
  public static final TypedColumn<ObjectId, CustomAuthorityPb> CUSTOM_AUTHORITIES =
      new TypedColumn<>(Column.CUSTOM_AUTHORITIES, Serializers.OBJECT_ID, Serializers.proto(CustomAuthorityPb.parser()));
  public static final TypedColumn<Long, byte[]> BLOCKS =
      new TypedColumn<>(Column.BLOCKS, Serializers.U64, Serializers.RAW);
  public static final TypedColumn<Bytes, Long> BLOCK_IDS =
      new TypedColumn<>(Column.BLOCK_IDS, Serializers.BYTES, Serializers.U64);
  public static final TypedColumn<Bytes, TxLocationPb> TX_LOCATIONS =
      new TypedColumn<>(Column.TX_LOCATIONS, Serializers.BYTES, Serializers.proto(TxLocationPb.parser()));
  public static final TypedColumn<Long, UndoRecordPb> UNDO =
      new TypedColumn<>(Column.UNDO, Serializers.U64, Serializers.proto(UndoRecordPb.parser()));
  public static final TypedColumn<byte[], HeadPb> HEAD_META =
      new TypedColumn<>(Column.META, Serializers.RAW, Serializers.proto(HeadPb.parser()));

  /** KEY_ACCOUNTS key: key (33) || role (1) || account (8). */
  public static byte[] keyIndexKey(PublicKey key, KeyRole role, ObjectId account) {
    byte[] k = new byte[PublicKey.SIZE + 1 + 8];
    System.arraycopy(key.unsafeArray(), 0, k, 0, PublicKey.SIZE);
    k[PublicKey.SIZE] = (byte) role.code();
    Keys.putU64(k, PublicKey.SIZE + 1, account.toNumber());
    return k;
  }

  /** RECENT_TX_BY_EXPIRATION key: expiration (8) || transaction id. */
  public static byte[] expirationKey(long expiration, Bytes txId) {
    byte[] id = txId.unsafeArray();
    byte[] k = new byte[8 + id.length];
    Keys.putU64(k, 0, expiration);
    System.arraycopy(id, 0, k, 8, id.length);
    return k;
  }

  /** META key of a named counter: "counter/" + name. */
  public static byte[] counterKey(String name) {
    return ("counter/" + name).getBytes(StandardCharsets.UTF_8);
  }

  /** Block summary slot of a block number, as bitshares-core indexes its ring. */
  public static long summarySlot(long blockNum) {
    return blockNum & (BLOCK_SUMMARY_SLOTS - 1);
  }
}
