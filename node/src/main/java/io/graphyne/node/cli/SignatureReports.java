package io.graphyne.node.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.config.ChainPreset;
import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Signer recovery for {@code tx decode} and {@code block decode}, as bitshares-core recovers:
 * transaction signatures over {@code sha256(chain_id || transaction)}, the witness signature over
 * the block header digest, fc's canonical rule enforced. Failures are reported per signature.
 */
final class SignatureReports {
  private SignatureReports() {}

  static String describe(RecoveryFailure f) {
    return switch (f) {
      case BAD_LENGTH -> "signature is not 65 bytes";
      case BAD_HEADER -> "header byte outside 27..34";
      case NON_CANONICAL -> "signature is not canonical (fc rule)";
      case R_OUT_OF_RANGE -> "r is zero or not below the group order";
      case S_OUT_OF_RANGE -> "s is zero or not below the group order";
      case R_X_OVERFLOW -> "recovery id 2/3 with r >= p - n";
      case NO_POINT -> "r is not the x coordinate of a curve point";
      case INFINITY -> "recovered point is at infinity";
    };
  }

  private static ObjectNode error(int index, RecoveryFailure f) {
    ObjectNode e = CliIo.object();
    e.put("index", index);
    e.put("reason", f.name().toLowerCase(Locale.ROOT));
    e.put("message", describe(f));
    return e;
  }

  /**
   * Adds {@code "signers"} (recovered keys in signature order), and when needed
   * {@code "signature_errors"} and {@code "duplicate_signers"} (bitshares-core rejects a
   * transaction whose signatures recover the same key twice).
   */
  static void addSigners(ObjectNode out, SignedTransaction tx, ChainPreset chain, Secp256k1 secp) {
    List<Bytes> sigs = tx.signatures();
    int n = sigs.size();
    byte[] digest = tx.sigDigest(chain.chainId()).toArray();
    byte[][] digests = new byte[n][];
    byte[][] signatures = new byte[n][];
    for (int i = 0; i < n; i++) {
      digests[i] = digest;
      signatures[i] = sigs.get(i).toArray();
    }
    byte[] keys = new byte[n * Secp256k1.PUBLIC_KEY_SIZE];
    RecoveryFailure[] failures = new RecoveryFailure[n];
    secp.recoverBatch(digests, signatures, n, keys, failures);
    ArrayNode signers = out.putArray("signers");
    ArrayNode errors = null;
    ArrayNode duplicates = null;
    Set<PublicKey> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (failures[i] != null) {
        if (errors == null) {
          errors = io.graphyne.protocol.json.ProtocolJson.MAPPER.createArrayNode();
        }
        errors.add(error(i, failures[i]));
        continue;
      }
      byte[] k = new byte[Secp256k1.PUBLIC_KEY_SIZE];
      System.arraycopy(keys, i * Secp256k1.PUBLIC_KEY_SIZE, k, 0, k.length);
      PublicKey key = PublicKey.wrap(k);
      String text = key.toString(chain.addressPrefix());
      signers.add(text);
      if (!seen.add(key)) {
        if (duplicates == null) {
          duplicates = io.graphyne.protocol.json.ProtocolJson.MAPPER.createArrayNode();
        }
        duplicates.add(text);
      }
    }
    if (errors != null) {
      out.set("signature_errors", errors);
    }
    if (duplicates != null) {
      out.set("duplicate_signers", duplicates);
    }
  }

  /**
   * Adds {@code "signee"} (the key that signed the header, or null with {@code "signee_error"})
   * and {@code "transaction_signers"}: per transaction, its signers and signature errors.
   */
  static void addSignee(ObjectNode out, SignedBlock block, ChainPreset chain, Secp256k1 secp) {
    Recovery r =
        secp.recover(block.header().digest().toArray(), block.signedHeader().witnessSignature().toArray());
    if (r.ok()) {
      out.put("signee", r.key().toString(chain.addressPrefix()));
    } else {
      out.putNull("signee");
      ObjectNode e = error(0, r.failure());
      e.remove("index");
      out.set("signee_error", e);
    }
    ArrayNode perTx = out.putArray("transaction_signers");
    for (ProcessedTransaction ptx : block.transactions()) {
      ObjectNode t = CliIo.object();
      addSigners(t, ptx.signed(), chain, secp);
      perTx.add(t);
    }
  }
}
