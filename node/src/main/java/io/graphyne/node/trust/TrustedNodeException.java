package io.graphyne.node.trust;

/** Why a trusted full node's answer could not be used. Nothing the node sends can throw anything else. */
public final class TrustedNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The failure classes, for logs and counters. */
  public enum Kind {
    /** Connection refused, reset or not resolvable. */
    UNREACHABLE,
    /** No complete answer within the time limit. */
    TIMEOUT,
    /** An HTTP status other than 200. */
    HTTP_STATUS,
    /** The answer exceeded the byte limit. */
    TOO_LARGE,
    /** Not JSON, too deeply nested, or not the shape bitshares-core answers with. */
    MALFORMED,
    /** A JSON-RPC error object. */
    RPC_ERROR,
    /** The calling thread was interrupted. */
    INTERRUPTED,
    /** The node's {@code get_chain_id} is not our chain's: the node is refused for good. */
    WRONG_CHAIN,
    /** Nodes in the same maintenance answered different values: the maintenance is not covered. */
    DISAGREEMENT
  }

  private final Kind kind;

  public TrustedNodeException(Kind kind, String message) {
    super(kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
    this.kind = kind;
  }

  public TrustedNodeException(Kind kind, String message, Throwable cause) {
    super(kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
