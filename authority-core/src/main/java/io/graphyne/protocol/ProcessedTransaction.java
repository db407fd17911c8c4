package io.graphyne.protocol;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.codec.Codecs;
import java.util.List;

/** {@code processed_transaction}: a signed transaction plus the producer's operation results. */
public record ProcessedTransaction(
    @Fc(name = "signed_transaction", type = "signed_transaction", flatten = true) SignedTransaction signed,
    @Fc(name = "operation_results", type = "vector<operation_result>") List<StaticVariant> operationResults) {

  public ProcessedTransaction {
    operationResults = operationResults == null ? List.of() : List.copyOf(operationResults);
  }

  public Transaction transaction() {
    return signed.transaction();
  }

  public byte[] toBytes() {
    return Codecs.encode(this);
  }

  /** SHA-256 of the whole packed processed transaction (signatures and results included). */
  public Bytes merkleDigest() {
    return Bytes.wrap(Hashes.sha256(toBytes()));
  }
}
