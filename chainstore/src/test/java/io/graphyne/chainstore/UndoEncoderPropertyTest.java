package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.proto.UndoEntryPb;
import io.graphyne.chainstore.proto.UndoRecordPb;
import io.graphyne.protocol.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The hand-written undo record is byte for byte what protobuf's builders write. */
class UndoEncoderPropertyTest {
  @Property(tries = 300)
  void sameBytesAsTheProtobufBuilder(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long blockNum,
      @ForAll @IntRange(min = 0, max = 40) int entries, @ForAll long seed) throws Exception {
    Random r = new Random(seed);
    byte[] id = new byte[r.nextInt(3) == 0 ? 0 : 20];
    r.nextBytes(id);
    List<Overlay.Touch> touches = new ArrayList<>();
    Column[] columns = Arrays.stream(Column.values()).filter(c -> c != Column.UNDO).toArray(Column[]::new);
    for (int i = 0; i < entries; i++) {
      byte[] key = new byte[1 + r.nextInt(40)];
      r.nextBytes(key);
      byte[] previous = switch (r.nextInt(3)) {
        case 0 -> null;
        case 1 -> new byte[0];
        default -> {
          byte[] v = new byte[1 + r.nextInt(300)];
          r.nextBytes(v);
          yield v;
        }
      };
      touches.add(new Overlay.Touch(columns[r.nextInt(columns.length)], key, previous));
    }
    UndoRecordPb.Builder b = UndoRecordPb.newBuilder().setBlockNum(blockNum).setBlockId(ByteString.copyFrom(id));
    for (Overlay.Touch t : touches) {
      UndoEntryPb.Builder u = UndoEntryPb.newBuilder().setColumn(t.column.id()).setKey(ByteString.copyFrom(t.key));
      if (t.previous != null) {
        u.setExisted(true).setValue(ByteString.copyFrom(t.previous));
      }
      b.addEntries(u);
    }
    byte[] expected = b.build().toByteArray();
    byte[] actual = UndoEncoder.encode(blockNum, Bytes.wrap(id), touches);
    assertThat(actual).isEqualTo(expected);
    assertThat(UndoRecordPb.parseFrom(actual)).isEqualTo(b.build());
  }
}
