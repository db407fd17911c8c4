package io.graphyne.p2p.message;

/** connection_rejected's {@code rejection_reason_code} (spec/p2p.md §3.4). */
public enum RejectionReason {
  UNSPECIFIED(0),
  DIFFERENT_CHAIN(1),
  ALREADY_CONNECTED(2),
  CONNECTED_TO_SELF(3),
  NOT_ACCEPTING_CONNECTIONS(4),
  BLOCKED(5),
  INVALID_HELLO_MESSAGE(6),
  CLIENT_TOO_OLD(7);

  private final int code;

  RejectionReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The reason for a wire code; unknown codes map to {@link #UNSPECIFIED}. */
  public static RejectionReason of(int code) {
    for (RejectionReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNSPECIFIED;
  }
}
