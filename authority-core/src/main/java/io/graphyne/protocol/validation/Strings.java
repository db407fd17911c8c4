package io.graphyne.protocol.validation;

/** String sizes as bitshares-core sees them ({@code std::string::size()}: UTF-8 bytes). */
final class Strings {
  private Strings() {}

  /**
   * The wire length in bytes, without encoding: valid characters count their UTF-8 size; an
   * unpaired surrogate is one escaped wire byte ({@code FcReader.string}'s surrogateescape mapping).
   */
  static int utf8Length(String s) {
    int n = 0;
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
