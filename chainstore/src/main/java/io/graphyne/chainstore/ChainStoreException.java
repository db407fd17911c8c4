package io.graphyne.chainstore;

/**
 * The one storage error. {@link Reason} separates unrecoverable conditions (a database of another
 * chain or schema, corruption) from operational ones (I/O, misuse of the API).
 */
public final class ChainStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a storage operation failed. */
  public enum Reason {
    /** The engine reported an I/O error (disk full, permissions, lock held by another process). */
    IO(true),
    /** Stored bytes do not decode or contradict each other. */
    CORRUPT(false),
    /** The database was written with another schema version. */
    SCHEMA_VERSION_MISMATCH(false),
    /** The database belongs to another chain. */
    CHAIN_ID_MISMATCH(false),
    /** The directory holds no Graphyne database. */
    NOT_A_DATABASE(false),
    /** A call that is not valid in the current state (wrong block number, pop below LIB). */
    INVALID_OPERATION(true),
    /** The store was closed. */
    CLOSED(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    /** True when the condition may go away (freeing disk space, fixing the call). */
    public boolean retryable() {
      return retryable;
    }
  }

  private final Reason reason;

  public ChainStoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ChainStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return reason + ": " + super.getMessage();
  }
}
