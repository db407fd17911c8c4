package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.RandomValues;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The validator judges any decodable value without throwing: random operations of every type
 * (boundary values, nulls in optionals, deep nesting) and mutated bytes of real transactions.
 */
class OperationValidatorPropertyTest {
  private static final List<byte[]> REAL = Vectors.lines("private-chain/transactions.jsonl").stream()
      .map(l -> Hex.decode(io.graphyne.protocol.json.ProtocolJson.parse(l).get("hex").asText()))
      .toList();

  @Provide
  Arbitrary<Integer> opTags() {
    return Arbitraries.integers().between(0, Operations.count() - 1);
  }

  @Property(tries = 2000)
  void randomOperationsAreJudgedWithoutThrowing(@ForAll("opTags") int tag, @ForAll long seed) {
    Operation op = new RandomValues(seed).of(Operations.classOf(tag));
    ValidationError e = OperationValidator.validate(op);
    if (op.isVirtual()) {
      assertThat(e).isNotNull();
    }
    if (e != null) {
      assertThat(e.operation()).isEqualTo(Operations.nameOf(tag));
      assertThat(e.message()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void mutatedRealTransactionsDecodeAndValidateOrFailTyped(@ForAll long seed) {
    Random rnd = new Random(seed);
    byte[] bytes = REAL.get(rnd.nextInt(REAL.size())).clone();
    int flips = 1 + rnd.nextInt(4);
    for (int i = 0; i < flips; i++) {
      bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
    }
    SignedTransaction tx;
    try {
      tx = Codecs.decode(SignedTransaction.class, bytes);
    } catch (DecodeException e) {
      return;
    }
    ValidationError e = OperationValidator.validate(tx.transaction());
    if (e != null) {
      assertThat(e.toString()).startsWith("transaction.");
    }
  }
}
