package io.graphyne.chainstore.kv;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.graphyne.chainstore.ChainStoreException;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Serializers for the key and value types the store uses. */
public final class Serializers {
  private Serializers() {}

  /** Unsigned 64-bit number, 8 bytes big-endian. */
  public static final Serializer<Long> U64 =
      new Serializer<>() {
        @Override
        public byte[] encode(Long v) {
          return Keys.u64(v);
        }

        @Override
        public Long decode(byte[] b) {
          expectLength(b, 8, "u64");
          return Keys.getU64(b, 0);
        }
      };

  /** Object id as its packed 64-bit number, big-endian (orders by space, type, instance). */
  public static final Serializer<ObjectId> OBJECT_ID =
      new Serializer<>() {
        @Override
        public byte[] encode(ObjectId v) {
          return Keys.u64(v.toNumber());
        }

        @Override
        public ObjectId decode(byte[] b) {
          expectLength(b, 8, "object id");
          return ObjectId.fromNumber(Keys.getU64(b, 0));
        }
      };

  /** Raw bytes as they are. */
  public static final Serializer<Bytes> BYTES =
      new Serializer<>() {
        @Override
        public byte[] encode(Bytes v) {
          return v.toArray();
        }

        @Override
        public Bytes decode(byte[] b) {
          return Bytes.wrap(b);
        }
      };

  public static final Serializer<byte[]> RAW =
      new Serializer<>() {
        @Override
        public byte[] encode(byte[] v) {
          return v;
        }

        @Override
        public byte[] decode(byte[] b) {
          return b;
        }
      };

  /** Strict UTF-8. */
  public static final Serializer<String> UTF8 =
      new Serializer<>() {
        @Override
        public byte[] encode(String v) {
          return v.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] b) {
          try {
            return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(b))
                .toString();
          } catch (CharacterCodingException e) {
            throw new ChainStoreException(ChainStoreException.Reason.CORRUPT, "invalid UTF-8 key", e);
          }
        }
      };

  /** A protobuf message. */
  public static <M extends MessageLite> Serializer<M> proto(Parser<M> parser) {
    return new Serializer<>() {
      @Override
      public byte[] encode(M v) {
        return v.toByteArray();
      }

      @Override
      public M decode(byte[] b) {
        try {
          return parser.parseFrom(b);
        } catch (InvalidProtocolBufferException e) {
          throw new ChainStoreException(
              ChainStoreException.Reason.CORRUPT, "stored record does not decode: " + e.getMessage(), e);
        }
      }
    };
  }

  static void expectLength(byte[] b, int n, String what) {
    if (b.length != n) {
      throw new ChainStoreException(
          ChainStoreException.Reason.CORRUPT, what + " must be " + n + " bytes, got " + b.length);
    }
  }
}
