package io.graphyne.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.codec.DecodeException.Kind;

/** The {@code operation} static_variant: varint tag (0..77) then the operation's fields. */
public final class OperationCodec extends Codec<Operation> {
  public static final OperationCodec INSTANCE = new OperationCodec();

  private OperationCodec() {}

  @SuppressWarnings("unchecked")
  private static RecordCodec<Operation> codec(int tag) {
    return (RecordCodec<Operation>) Codecs.of(Operations.classOf(tag));
  }

  @Override
  public String fcType() {
    return "operation";
  }

  @Override
  public Operation read(FcReader r) {
    int at = r.position();
    long tag = r.varint();
    if (tag < 0 || tag >= Operations.count()) {
      throw new DecodeException(Kind.UNKNOWN_TAG, at, "no operation has tag " + Long.toUnsignedString(tag));
    }
    try {
      return codec((int) tag).read(r);
    } catch (DecodeException e) {
      throw e.within(Operations.nameOf((int) tag));
    }
  }

  @Override
  public void write(FcWriter w, Operation op) {
    int tag = op.tag();
    w.varint(tag);
    codec(tag).write(w, op);
  }

  @Override
  public JsonNode toJson(Operation op, JsonContext ctx) {
    ArrayNode a = PrimitiveCodecs.JSON.arrayNode(2);
    a.add(op.tag());
    a.add(codec(op.tag()).toJson(op, ctx));
    return a;
  }

  @Override
  public Operation fromJson(JsonNode n, JsonContext ctx) {
    if (n == null || !n.isArray() || n.size() != 2) {
      throw Codecs.jsonError("operation: expected [tag, {...}]");
    }
    JsonNode t = n.get(0);
    int tag;
    if (t.isIntegralNumber()) {
      tag = t.intValue();
      if (t.longValue() < 0 || t.longValue() >= Operations.count()) {
        throw Codecs.jsonError("no operation has tag " + t);
      }
    } else if (t.isTextual()) {
      tag = Operations.tagOf(t.textValue());
      if (tag < 0) {
        throw Codecs.jsonError("no operation is named " + t);
      }
    } else {
      throw Codecs.jsonError("operation tag must be a number or a name");
    }
    try {
      return codec(tag).fromJson(n.get(1), ctx);
    } catch (DecodeException e) {
      throw e.within(Operations.nameOf(tag));
    }
  }

  @Override
  public java.util.Comparator<Operation> comparator() {
    return (a, b) -> Integer.compare(a.tag(), b.tag());
  }
}
