package io.graphyne.authority;

import java.util.Locale;

/** Why an authority check failed, with bitshares-core's exception codes. */
public enum AuthError {
  MISSING_ACTIVE(4010001, "tx_missing_active_auth"),
  MISSING_OWNER(4010002, "tx_missing_owner_auth"),
  MISSING_OTHER(4010003, "tx_missing_other_auth"),
  IRRELEVANT_SIG(4010004, "tx_irrelevant_sig"),
  DUPLICATE_SIG(4010005, "tx_duplicate_sig"),
  INVALID_COMMITTEE_APPROVAL(4010006, "invalid_committee_approval");

  private final int code;
  private final String coreName;

  AuthError(int code, String coreName) {
    this.code = code;
    this.coreName = coreName;
  }

  /** bitshares-core's exception code. */
  public int code() {
    return code;
  }

  /** bitshares-core's exception name. */
  public String coreName() {
    return coreName;
  }

  /** The short name used in our JSON: missing_active, irrelevant_sig, ... */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AuthError parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
