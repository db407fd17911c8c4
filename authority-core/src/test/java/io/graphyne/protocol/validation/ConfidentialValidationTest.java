package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.crypto.Hashes;
import io.graphyne.crypto.Pedersen;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.ops.BlindTransferOperation;
import io.graphyne.protocol.ops.TransferFromBlindOperation;
import io.graphyne.protocol.ops.TransferToBlindOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.BlindInput;
import io.graphyne.protocol.types.BlindOutput;
import io.graphyne.testing.Vectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commitment balance and range-proof bound of the three confidential operations: every real
 * mainnet sample passes, and each mutation (a commitment byte, a swapped output, the fee or amount
 * off by one, a truncated or out-of-bound range proof) fails with its own rule, in
 * confidential.cpp's order. Self-made operations use commitments with known blinds and values.
 */
class ConfidentialValidationTest {
  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  private static final Authority OWNER = new Authority(1, Map.of(ObjectId.account(17), 1), Map.of(), Map.of());
  private static final Asset CORE_ZERO = new Asset(0, ObjectId.asset(0));

  /** The real mainnet confidential samples by id. */
  static Map<String, Operation> realSamples() {
    Map<String, Operation> out = new LinkedHashMap<>();
    for (JsonNode s : Vectors.json("op_json_samples_mainnet.json").get("samples")) {
      int tag = s.get("operation_id").asInt();
      if (tag >= 39 && tag <= 41) {
        out.put(s.get("id").asText(), ProtocolJson.fromJson(Operations.classOf(tag), s.get("operation"), JsonContext.BTS));
      }
    }
    return out;
  }

  static String sumError(String op, long net) {
    return op + ": commitments do not balance: verify_sum failed (net_public " + net + ")";
  }

  static Bytes flipLastByte(Bytes b) {
    byte[] a = b.toArray();
    a[a.length - 1] ^= 1;
    return Bytes.wrap(a);
  }

  static BlindOutput withCommitment(BlindOutput o, Bytes c) {
    return new BlindOutput(c, o.rangeProof(), o.owner(), o.stealthMemo());
  }

  static BlindOutput withProof(BlindOutput o, Bytes p) {
    return new BlindOutput(o.commitment(), p, o.owner(), o.stealthMemo());
  }

  static <T> List<T> replace(List<T> list, int i, T value) {
    List<T> copy = new ArrayList<>(list);
    copy.set(i, value);
    return copy;
  }

  @Test
  void everyRealMainnetConfidentialOperationPasses() {
    Map<String, Operation> samples = realSamples();
    int multiOutput = 0;
    Map<String, Integer> byType = new LinkedHashMap<>();
    for (Map.Entry<String, Operation> e : samples.entrySet()) {
      assertThat(OperationValidator.validate(e.getValue())).as(e.getKey()).isNull();
      byType.merge(Operations.nameOf(Operations.tagOf(e.getValue().getClass())), 1, Integer::sum);
      List<BlindOutput> outs = e.getValue() instanceof BlindTransferOperation b ? b.outputs()
          : e.getValue() instanceof TransferToBlindOperation t ? t.outputs() : List.of();
      if (outs.size() > 1) {
        multiOutput++;
      }
    }
    assertThat(byType).containsEntry("blind_transfer", 12).containsEntry("transfer_to_blind", 3)
        .containsEntry("transfer_from_blind", 1);
    assertThat(multiOutput).isGreaterThanOrEqualTo(8); // the range-proof rule is exercised on real proofs
  }

  @Test
  void realBlindTransfersFailEachMutationWithItsRule() {
    int checked = 0;
    for (Map.Entry<String, Operation> e : realSamples().entrySet()) {
      if (!(e.getValue() instanceof BlindTransferOperation o)) {
        continue;
      }
      String id = e.getKey();
      long fee = o.fee().amount();
      List<BlindInput> in = o.inputs();
      List<BlindOutput> out = o.outputs();
      // fee +-1
      assertThat(OperationValidator.validate(new BlindTransferOperation(new Asset(fee + 1, o.fee().assetId()), in, out)))
          .as(id).hasToString(sumError("blind_transfer", fee + 1));
      assertThat(OperationValidator.validate(new BlindTransferOperation(new Asset(fee - 1, o.fee().assetId()), in, out)))
          .as(id).hasToString(sumError("blind_transfer", fee - 1));
      // one byte of one commitment (the last byte keeps the order)
      for (int i = 0; i < out.size(); i++) {
        List<BlindOutput> m = replace(out, i, withCommitment(out.get(i), flipLastByte(out.get(i).commitment())));
        assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), in, m))).as(id + " out " + i)
            .hasToString(sumError("blind_transfer", fee));
      }
      for (int i = 0; i < in.size(); i++) {
        BlindInput x = in.get(i);
        List<BlindInput> m = replace(in, i, new BlindInput(flipLastByte(x.commitment()), x.owner()));
        assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), m, out))).as(id + " in " + i)
            .hasToString(sumError("blind_transfer", fee));
      }
      // an output swapped for another sample's or dropped
      if (out.size() == 1) {
        BlindOutput other = withCommitment(out.get(0), in.get(0).commitment());
        assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), in, List.of(other))))
            .as(id).hasToString(sumError("blind_transfer", fee));
      } else {
        assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), in, out.subList(0, 1))))
            .as(id).hasToString(sumError("blind_transfer", fee));
      }
      // inputs and outputs swapped
      List<BlindInput> asIn = out.stream().map(x -> new BlindInput(x.commitment(), x.owner())).toList();
      List<BlindOutput> asOut = in.stream().map(x -> new BlindOutput(x.commitment(), Bytes.EMPTY, x.owner(), null)).toList();
      // (the sum comes before the range proofs, so the swapped outputs' empty proofs are never read)
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), asIn, asOut)))
          .as(id).hasToString(sumError("blind_transfer", fee));
      checked++;
    }
    assertThat(checked).isEqualTo(12);
  }

  @Test
  void realRangeProofMutations() {
    int checked = 0;
    for (Map.Entry<String, Operation> e : realSamples().entrySet()) {
      if (!(e.getValue() instanceof BlindTransferOperation o) || o.outputs().size() < 2) {
        continue;
      }
      List<BlindOutput> out = o.outputs();
      Bytes proof = out.get(1).rangeProof();
      // truncated to 64 bytes: header unreadable
      List<BlindOutput> m = replace(out, 1, withProof(out.get(1), Bytes.wrap(java.util.Arrays.copyOf(proof.toArray(), 64))));
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), o.inputs(), m)))
          .hasToString("blind_transfer.outputs[1].range_proof: range_get_info failed: a range proof has at least 65 bytes, got 64");
      // truncated to 65 bytes: validate() reads only the header, so core accepts it
      m = replace(out, 1, withProof(out.get(1), Bytes.wrap(java.util.Arrays.copyOf(proof.toArray(), 65))));
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), o.inputs(), m))).isNull();
      // reserved bit
      byte[] p = proof.toArray();
      p[0] |= (byte) 0x80;
      m = replace(out, 1, withProof(out.get(1), Bytes.wrap(p)));
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), o.inputs(), m)))
          .hasToString("blind_transfer.outputs[1].range_proof: range_get_info failed: reserved header bit is set");
      // 64-bit mantissa: max_value 2^64-1 > GRAPHENE_MAX_SHARE_SUPPLY
      p = proof.toArray();
      p[1] = 63;
      m = replace(out, 0, withProof(out.get(0), Bytes.wrap(p)));
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), o.inputs(), m)))
          .hasToString("blind_transfer.outputs[0].range_proof: range proof max_value 18446744073709551615 exceeds GRAPHENE_MAX_SHARE_SUPPLY");
      // 50 bits: 2^50 - 1 = 1125899906842623 > 10^15; 49 bits fits
      p[1] = 49;
      m = replace(out, 0, withProof(out.get(0), Bytes.wrap(p)));
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), o.inputs(), m)))
          .hasToString("blind_transfer.outputs[0].range_proof: range proof max_value 1125899906842623 exceeds GRAPHENE_MAX_SHARE_SUPPLY");
      p[1] = 48;
      m = replace(out, 0, withProof(out.get(0), Bytes.wrap(p)));
      assertThat(OperationValidator.validate(new BlindTransferOperation(o.fee(), o.inputs(), m))).isNull();
      // the sum is checked before the range proofs
      m = replace(out, 1, withProof(out.get(1), Bytes.EMPTY));
      assertThat(OperationValidator.validate(new BlindTransferOperation(new Asset(o.fee().amount() + 1, o.fee().assetId()), o.inputs(), m)))
          .hasToString(sumError("blind_transfer", o.fee().amount() + 1));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  @Test
  void realSingleOutputTransfersIgnoreTheRangeProof() {
    // one output: core skips range_get_info (mainnet's single outputs carry an empty proof)
    int checked = 0;
    for (Operation op : realSamples().values()) {
      if (op instanceof BlindTransferOperation o && o.outputs().size() == 1) {
        assertThat(o.outputs().get(0).rangeProof().length()).isZero();
        assertThat(OperationValidator.validate(o)).isNull();
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void realTransfersToAndFromBlindFailAmountAndFactorMutations() {
    int to = 0;
    int from = 0;
    for (Map.Entry<String, Operation> e : realSamples().entrySet()) {
      if (e.getValue() instanceof TransferToBlindOperation o) {
        long a = o.amount().amount();
        for (long d : new long[] {1, -1}) {
          TransferToBlindOperation m = new TransferToBlindOperation(o.fee(), new Asset(a + d, o.amount().assetId()), o.from(), o.blindingFactor(), o.outputs());
          assertThat(OperationValidator.validate(m)).as(e.getKey()).hasToString(sumError("transfer_to_blind", a + d));
        }
        // the fee is not part of the sum
        TransferToBlindOperation feeChanged = new TransferToBlindOperation(new Asset(o.fee().amount() + 1, o.fee().assetId()), o.amount(), o.from(), o.blindingFactor(), o.outputs());
        assertThat(OperationValidator.validate(feeChanged)).isNull();
        TransferToBlindOperation bf = new TransferToBlindOperation(o.fee(), o.amount(), o.from(), flipLastByte(o.blindingFactor()), o.outputs());
        assertThat(OperationValidator.validate(bf)).hasToString(sumError("transfer_to_blind", a));
        List<BlindOutput> outs = replace(o.outputs(), 0, withCommitment(o.outputs().get(0), flipLastByte(o.outputs().get(0).commitment())));
        assertThat(OperationValidator.validate(new TransferToBlindOperation(o.fee(), o.amount(), o.from(), o.blindingFactor(), outs)))
            .hasToString(sumError("transfer_to_blind", a));
        to++;
      } else if (e.getValue() instanceof TransferFromBlindOperation o) {
        long net = o.fee().amount() + o.amount().amount();
        TransferFromBlindOperation m = new TransferFromBlindOperation(o.fee(), new Asset(o.amount().amount() + 1, o.amount().assetId()), o.to(), o.blindingFactor(), o.inputs());
        assertThat(OperationValidator.validate(m)).hasToString(sumError("transfer_from_blind", net + 1));
        m = new TransferFromBlindOperation(new Asset(o.fee().amount() - 1, o.fee().assetId()), o.amount(), o.to(), o.blindingFactor(), o.inputs());
        assertThat(OperationValidator.validate(m)).hasToString(sumError("transfer_from_blind", net - 1));
        m = new TransferFromBlindOperation(o.fee(), o.amount(), o.to(), Bytes.fromHex("ff".repeat(32)), o.inputs());
        assertThat(OperationValidator.validate(m)).hasToString(
            "transfer_from_blind.blinding_factor: fc::ecc::blind failed (secp256k1_pedersen_commit): the blinding factor is not below the group order");
        from++;
      }
    }
    assertThat(to).isEqualTo(3);
    assertThat(from).isEqualTo(1);
  }

  /**
   * bitsharesjs-corpus.jsonl's confidential operations are random (its README): random commitments
   * cannot balance, so each is rejected, by a structural rule or by the sum, without throwing.
   */
  @Test
  void randomCorpusConfidentialOperationsAreRejected() {
    int seen = 0;
    int bySum = 0;
    for (JsonNode rec : Vectors.jsonLines("bitsharesjs-corpus.jsonl")) {
      var tx = io.graphyne.protocol.codec.Codecs.decode(io.graphyne.protocol.SignedTransaction.class,
          io.graphyne.util.Hex.decode(rec.get("hex").asText()));
      for (Operation op : tx.transaction().operations()) {
        if (op instanceof TransferToBlindOperation || op instanceof BlindTransferOperation
            || op instanceof TransferFromBlindOperation) {
          ValidationError e = OperationValidator.validate(op);
          assertThat(e).as(op.toString()).isNotNull();
          if (e.message().startsWith("commitments do not balance")) {
            bySum++;
          }
          seen++;
        }
      }
    }
    assertThat(seen).isPositive();
    assertThat(bySum).as("seen " + seen).isPositive();
  }

  // ------------------------------------------------------------------ self-made

  static BigInteger scalar(String label) {
    return new BigInteger(1, Hashes.sha256(("confidential-test-" + label).getBytes())).mod(N);
  }

  static Bytes b32(BigInteger x) {
    byte[] raw = x.mod(N).toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return Bytes.wrap(out);
  }

  static Bytes commit(BigInteger blind, long value) {
    return Pedersen.commit(b32(blind), value);
  }

  static final Bytes PROOF_15 = proofHeader(0x40, 3); // [0, 15]

  static Bytes proofHeader(int header, int mantissa) {
    byte[] p = new byte[65];
    p[0] = (byte) header;
    p[1] = (byte) mantissa;
    return Bytes.wrap(p);
  }

  static List<BlindOutput> outputs(List<Bytes> commitments) {
    return commitments.stream().sorted(Comparator.naturalOrder())
        .map(c -> new BlindOutput(c, commitments.size() > 1 ? PROOF_15 : Bytes.EMPTY, OWNER, null)).toList();
  }

  static List<BlindInput> inputs(List<Bytes> commitments) {
    return commitments.stream().sorted(Comparator.naturalOrder()).map(c -> new BlindInput(c, OWNER)).toList();
  }

  @Test
  void selfMadeTransferToBlind() {
    BigInteger bf = scalar("bf");
    BigInteger b1 = scalar("b1");
    List<BlindOutput> outs = outputs(List.of(commit(b1, 400), commit(bf.subtract(b1), 600)));
    Asset amount = new Asset(1000, ObjectId.asset(0));
    assertThat(OperationValidator.validate(new TransferToBlindOperation(CORE_ZERO, amount, ObjectId.account(9), b32(bf), outs))).isNull();
    assertThat(OperationValidator.validate(new TransferToBlindOperation(CORE_ZERO, new Asset(999, ObjectId.asset(0)), ObjectId.account(9), b32(bf), outs)))
        .hasToString(sumError("transfer_to_blind", 999));
    // values split differently but the same total: still balances (only the total is committed)
    List<BlindOutput> other = outputs(List.of(commit(b1, 1), commit(bf.subtract(b1), 999)));
    assertThat(OperationValidator.validate(new TransferToBlindOperation(CORE_ZERO, amount, ObjectId.account(9), b32(bf), other))).isNull();
    // a zero blinding factor is a valid scalar
    List<BlindOutput> zero = outputs(List.of(commit(b1, 400), commit(b1.negate(), 600)));
    assertThat(OperationValidator.validate(new TransferToBlindOperation(CORE_ZERO, amount, ObjectId.account(9), Bytes.zeros(32), zero))).isNull();
    // the structural rules come first: unsorted outputs with an overflowing factor report the order
    List<BlindOutput> reversed = new ArrayList<>(outs);
    java.util.Collections.reverse(reversed);
    assertThat(OperationValidator.validate(new TransferToBlindOperation(CORE_ZERO, amount, ObjectId.account(9), Bytes.fromHex("ff".repeat(32)), reversed)))
        .hasToString("transfer_to_blind.outputs[1].commitment: all outputs must be sorted by commitment id");
    assertThat(OperationValidator.validate(new TransferToBlindOperation(CORE_ZERO, amount, ObjectId.account(9), Bytes.fromHex("ff".repeat(32)), outs)))
        .hasToString("transfer_to_blind.blinding_factor: fc::ecc::blind failed (secp256k1_pedersen_commit): the blinding factor is not below the group order");
  }

  @Test
  void selfMadeBlindTransferWithZeroNegativeAndPositiveExcess() {
    BigInteger a1 = scalar("a1");
    BigInteger a2 = scalar("a2");
    BigInteger o1 = scalar("o1");
    List<BlindInput> in = inputs(List.of(commit(a1, 70), commit(a2, 30)));
    BigInteger rest = a1.add(a2).subtract(o1);
    for (long fee : new long[] {0, 20, -5}) {
      List<BlindOutput> out = outputs(List.of(commit(o1, 50), commit(rest, 50 - fee)));
      // blind_transfer's validate() does not check the fee sign: a balancing negative fee passes
      assertThat(OperationValidator.validate(new BlindTransferOperation(new Asset(fee, ObjectId.asset(0)), in, out)))
          .as("fee " + fee).isNull();
      assertThat(OperationValidator.validate(new BlindTransferOperation(new Asset(-fee - 1, ObjectId.asset(0)), in, out)))
          .as("fee " + fee).hasToString(sumError("blind_transfer", -fee - 1));
    }
    // no outputs: the whole input value is the fee
    assertThat(OperationValidator.validate(new BlindTransferOperation(new Asset(100, ObjectId.asset(0)),
        inputs(List.of(commit(a1, 60), commit(a1.negate(), 40))), List.of()))).isNull();
    // an invalid point among the commitments fails the sum, not a parse error
    List<BlindOutput> bad = List.of(new BlindOutput(Bytes.fromHex("02" + "ff".repeat(32)), Bytes.EMPTY, OWNER, null));
    assertThat(OperationValidator.validate(new BlindTransferOperation(CORE_ZERO, in, bad))).hasToString(sumError("blind_transfer", 0));
  }

  @Test
  void selfMadeTransferFromBlindUsesTheUnsignedSumOfFeeAndAmount() {
    BigInteger bf = scalar("from");
    BigInteger a1 = scalar("from-a1");
    Asset fee = new Asset(Long.MAX_VALUE, ObjectId.asset(0));
    Asset amount = new Asset(2, ObjectId.asset(0));
    // fee + amount = 2^63 + 1 wraps in int64; fc::ecc::blind takes it as uint64, the true sum
    long wrapped = Long.MAX_VALUE + 2;
    List<BlindInput> in = inputs(List.of(commit(a1, Long.MAX_VALUE), commit(bf.subtract(a1), 2)));
    assertThat(OperationValidator.validate(new TransferFromBlindOperation(fee, amount, ObjectId.account(9), b32(bf), in))).isNull();
    assertThat(OperationValidator.validate(new TransferFromBlindOperation(fee, new Asset(3, ObjectId.asset(0)), ObjectId.account(9), b32(bf), in)))
        .hasToString(sumError("transfer_from_blind", wrapped + 1));
    // blind() comes before the input order check (confidential.cpp computes it first)
    List<BlindInput> reversed = new ArrayList<>(in);
    java.util.Collections.reverse(reversed);
    assertThat(OperationValidator.validate(new TransferFromBlindOperation(fee, amount, ObjectId.account(9), b32(bf), reversed)))
        .hasToString("transfer_from_blind.inputs[1].commitment: all inputs must be sorted by commitment id");
    byte[] n = N.toByteArray(); // 33 bytes with a leading 0
    assertThat(OperationValidator.validate(new TransferFromBlindOperation(fee, amount, ObjectId.account(9),
            Bytes.wrap(java.util.Arrays.copyOfRange(n, n.length - 32, n.length)), reversed)))
        .hasToString("transfer_from_blind.blinding_factor: fc::ecc::blind failed (secp256k1_pedersen_commit): the blinding factor is not below the group order");
  }
}
