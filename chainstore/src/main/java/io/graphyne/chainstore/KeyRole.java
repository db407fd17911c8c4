package io.graphyne.chainstore;

/** How an account references a key (the byte is part of the key index format). */
public enum KeyRole {
  OWNER(0),
  ACTIVE(1),
  MEMO(2);

  private final int code;

  KeyRole(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static KeyRole byCode(int code) {
    for (KeyRole r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    throw new ChainStoreException(ChainStoreException.Reason.CORRUPT, "unknown key role " + code);
  }
}
