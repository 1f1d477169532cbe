package org.permitcheck.rules;

/**
 * Where each character of a scalar's value was written in the source text, for every YAML scalar
 * style: plain, single-quoted ({@code ''} is one quote), double-quoted (escapes such as {@code \"},
 * {@code \u00e9} or an escaped line break), literal ({@code |}) and folded ({@code >}) blocks, each
 * possibly over several lines (line breaks folded into spaces, indentation left out). The value is
 * walked together with the source, so the map is exact whenever the two agree, and absent otherwise.
 */
final class ScalarMap {
  private final String src;
  private final String value;
  private final int[] at;
  private int i;
  private int j;

  private ScalarMap(String src, String value, int start) {
    this.src = src;
    this.value = value;
    this.at = new int[value.length() + 1];
    this.i = start;
  }

  /**
   * For each character of {@code value}, its index in {@code src}, and at index {@code value.length()}
   * the index just after the last one; null when the text at {@code start} does not spell the value.
   */
  static int[] of(String src, int start, String value) {
    if (start < 0 || start >= src.length()) {
      return null;
    }
    ScalarMap m = new ScalarMap(src, value, start);
    return m.walk() ? m.at : null;
  }

  private boolean walk() {
    char style = src.charAt(i);
    boolean doubleQuoted = style == '"';
    boolean singleQuoted = style == '\'';
    if (style == '|' || style == '>') {
      i = src.indexOf('\n', i);
      if (i < 0) {
        return value.isEmpty();
      }
    } else if (doubleQuoted || singleQuoted) {
      i++;
    }
    while (j < value.length()) {
      if (i >= src.length()) {
        return false;
      }
      boolean ok = doubleQuoted && src.charAt(i) == '\\' ? escape() : singleQuoted ? quote() : plain();
      if (!ok) {
        return false;
      }
    }
    at[value.length()] = i;
    return true;
  }

  /** One step outside escapes: a matching character, a folded line break, or skipped whitespace. */
  private boolean plain() {
    char c = src.charAt(i);
    char v = value.charAt(j);
    if (c == v || (c == '\n' && v == ' ')) {
      at[j++] = i++;
      return true;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      i++;
      return true;
    }
    return false;
  }

  private boolean quote() {
    if (src.startsWith("''", i) && value.charAt(j) == '\'') {
      at[j++] = i;
      i += 2;
      return true;
    }
    return plain();
  }

  /** A backslash escape: an escaped line break gives nothing, any other escape one code point. */
  private boolean escape() {
    int k = i + 1;
    if (k < src.length() && (src.charAt(k) == '\n' || src.charAt(k) == '\r')) {
      i = src.indexOf('\n', k) + 1;
      while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
        i++;
      }
      return i > 0;
    }
    char kind = k < src.length() ? src.charAt(k) : ' ';
    int length = kind == 'x' ? 4 : kind == 'u' ? 6 : kind == 'U' ? 10 : 2;
    int chars = kind == 'U' && j + 1 < value.length() && Character.isSurrogatePair(value.charAt(j), value.charAt(j + 1)) ? 2 : 1;
    for (int n = 0; n < chars; n++) {
      at[j++] = i;
    }
    i = Math.min(src.length(), i + length);
    return true;
  }
}
