package org.permitcheck.tree;

/**
 * The backslash escapes of JSON strings (RFC 8259) and of YAML double-quoted scalars, for the readers
 * of our own ({@link CompactJson}, {@link YamlSubset}, the case reader's JSON tokenizer), so that
 * each takes exactly what Jackson and SnakeYAML take.
 */
public final class Escapes {
  private Escapes() {}

  /**
   * The character a one-letter JSON escape stands for ({@code n} for {@code \n}), or -1 for any
   * other letter, {@code u} included (its four hex digits follow).
   */
  public static int json(int letter) {
    switch (letter) {
      case '"':
      case '\\':
      case '/':
        return letter;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        return -1;
    }
  }

  /**
   * The value of an ASCII hex digit, else -1. Not {@link Character#digit}, which also takes the digits
   * of other scripts (Arabic-Indic, fullwidth) that neither Jackson nor SnakeYAML take in a {@code \\u}
   * escape.
   */
  public static int hexDigit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
