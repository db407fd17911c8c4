package io.graphyne.protocol.codec;

/**
 * The one exception every decoder throws for malformed input: it says what went wrong, at which
 * byte offset, and along which path of fields (outermost first).
 */
public final class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of malformation was found. */
  public enum Kind {
    TRUNCATED,
    TRAILING_BYTES,
    BAD_VARINT,
    BAD_BOOL,
    LENGTH_LIMIT,
    COUNT_LIMIT,
    DEPTH_LIMIT,
    UNKNOWN_TAG,
    BAD_EXTENSION,
    INVALID_VALUE,
    BAD_JSON
  }

  private final Kind kind;
  private final long offset;
  private final String path;
  private final String detail;

  public DecodeException(Kind kind, long offset, String detail) {
    this(kind, offset, "", detail);
  }

  private DecodeException(Kind kind, long offset, String path, String detail) {
    super(null, null, false, false);
    this.kind = kind;
    this.offset = offset;
    this.path = path;
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  /** Byte offset in the input where the problem was found (-1 for JSON input). */
  public long offset() {
    return offset;
  }

  /** Field path, e.g. {@code operations[0].transfer_operation.memo.message}. */
  public String path() {
    return path;
  }

  public String detail() {
    return detail;
  }

  /** The same error with {@code segment} prepended to the path (used while unwinding). */
  public DecodeException within(String segment) {
    String p = path.isEmpty() ? segment : (path.startsWith("[") ? segment + path : segment + "." + path);
    return new DecodeException(kind, offset, p, detail);
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(detail);
    if (!path.isEmpty()) {
      sb.append(" at ").append(path);
    }
    if (offset >= 0) {
      sb.append(" (byte ").append(offset).append(')');
    }
    return sb.toString();
  }
}
