package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Operation;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.RandomValues;
import io.graphyne.protocol.ops.BlindTransferOperation;
import io.graphyne.protocol.ops.TransferFromBlindOperation;
import io.graphyne.protocol.ops.TransferToBlindOperation;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The confidential rules judge any decodable value without throwing: mutated wire bytes of the
 * real mainnet blind operations (commitments, blinding factors, range proofs, amounts) and random
 * values of the three operation types.
 */
class ConfidentialValidationPropertyTest {
  private static final List<Operation> REAL = List.copyOf(ConfidentialValidationTest.realSamples().values());
  private static final List<byte[]> REAL_BYTES = REAL.stream().map(Codecs::encode).toList();

  @Property(tries = 1000)
  void mutatedRealBlindOperationsDecodeAndValidateOrFailTyped(@ForAll long seed) {
    Random rnd = new Random(seed);
    int i = rnd.nextInt(REAL.size());
    byte[] bytes = REAL_BYTES.get(i).clone();
    int flips = 1 + rnd.nextInt(4);
    for (int k = 0; k < flips; k++) {
      bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
    }
    Operation op;
    try {
      op = Codecs.decode(REAL.get(i).getClass(), bytes);
    } catch (DecodeException e) {
      return;
    }
    ValidationError e = OperationValidator.validate(op);
    if (e != null) {
      assertThat(e.message()).isNotBlank();
    }
  }

  @Property(tries = 300)
  void randomConfidentialOperationsAreJudgedWithoutThrowing(@ForAll long seed) {
    Random rnd = new Random(seed);
    Class<? extends Operation> cls = switch (rnd.nextInt(3)) {
      case 0 -> TransferToBlindOperation.class;
      case 1 -> BlindTransferOperation.class;
      default -> TransferFromBlindOperation.class;
    };
    Operation op = new RandomValues(seed).of(cls);
    ValidationError e = OperationValidator.validate(op);
    if (e != null) {
      assertThat(e.message()).isNotBlank();
    }
  }
}
