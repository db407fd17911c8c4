package io.graphyne.protocol.validation;

/**
 * Account-name and asset-symbol rules (bitshares-core {@code is_valid_name} in account.cpp,
 * {@code is_valid_symbol} in asset_ops.cpp). Lengths are in UTF-8 bytes as in C++.
 */
public final class Names {
  private Names() {}

  public static final int MIN_ACCOUNT_NAME_LENGTH = 1;
  public static final int MAX_ACCOUNT_NAME_LENGTH = 63;
  public static final int MIN_ASSET_SYMBOL_LENGTH = 3;
  public static final int MAX_ASSET_SYMBOL_LENGTH = 16;

  /**
   * bitshares-core {@code is_valid_name}: 1..63 bytes; dot-separated labels, each starting with a
   * lowercase letter, ending with a lowercase letter or digit, with lowercase letters, digits and
   * dashes between.
   */
  public static boolean isValidName(String name) {
    if (name == null) {
      return false;
    }
    int len = name.length();
    int bytes = Strings.utf8Length(name);
    if (bytes < MIN_ACCOUNT_NAME_LENGTH || bytes > MAX_ACCOUNT_NAME_LENGTH) {
      return false;
    }
    int begin = 0;
    while (true) {
      int end = name.indexOf('.', begin);
      if (end < 0) {
        end = len;
      }
      if (end - begin < MIN_ACCOUNT_NAME_LENGTH) {
        return false;
      }
      if (!lower(name.charAt(begin))) {
        return false;
      }
      char last = name.charAt(end - 1);
      if (!lower(last) && !digit(last)) {
        return false;
      }
      for (int i = begin + 1; i < end - 1; i++) {
        char c = name.charAt(i);
        if (!lower(c) && !digit(c) && c != '-') {
          return false;
        }
      }
      if (end == len) {
        return true;
      }
      begin = end + 1;
    }
  }

  /**
   * bitshares-core {@code is_valid_symbol}: 3..16 bytes, not starting with {@code BIT}, first a
   * letter, last a letter or digit, only uppercase letters, digits and at most one dot.
   */
  public static boolean isValidSymbol(String symbol) {
    if (symbol == null) {
      return false;
    }
    int bytes = Strings.utf8Length(symbol);
    if (bytes < MIN_ASSET_SYMBOL_LENGTH) {
      return false;
    }
    if (symbol.startsWith("BIT")) {
      return false;
    }
    if (bytes > MAX_ASSET_SYMBOL_LENGTH) {
      return false;
    }
    char first = symbol.charAt(0);
    if (!upper(first) && !lower(first)) {
      return false;
    }
    char last = symbol.charAt(symbol.length() - 1);
    if (!upper(last) && !lower(last) && !digit(last)) {
      return false;
    }
    boolean dot = false;
    for (int i = 0; i < symbol.length(); i++) {
      char c = symbol.charAt(i);
      if (upper(c) || digit(c)) {
        continue;
      }
      if (c == '.' && !dot) {
        dot = true;
        continue;
      }
      return false;
    }
    return true;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
