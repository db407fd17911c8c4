package io.graphyne.protocol;

import io.graphyne.protocol.codec.Codecs;
import java.util.List;

/** {@code signed_transaction}: the transaction's fields, then its 65-byte compact signatures. */
public record SignedTransaction(
    @Fc(name = "transaction", type = "transaction", flatten = true) Transaction transaction,
    @Fc(name = "signatures", type = "vector<signature_type>") List<Bytes> signatures) {

  public SignedTransaction {
    signatures = signatures == null ? List.of() : List.copyOf(signatures);
  }

  public byte[] toBytes() {
    return Codecs.encode(this);
  }

  public Bytes id() {
    return transaction.id();
  }

  public Bytes sigDigest(Bytes chainId) {
    return transaction.sigDigest(chainId);
  }
}
