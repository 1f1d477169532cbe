package org.permitcheck.tree;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Numbers as people write them in rules and case files: decimal digits, an optional sign, fraction
 * and exponent; {@code _} between digits is allowed (YAML 1.1). Hexadecimal, octal, {@code .inf} and
 * {@code .nan} are not numbers here. A number is in range when it has at most {@link #MAX_DIGITS}
 * digits before the decimal point and {@link #MAX_DECIMALS} after it, so that arithmetic on facts
 * stays small and fast.
 */
public final class Numbers {
  public static final int MAX_DIGITS = 15;
  public static final int MAX_DECIMALS = 10;

  private Numbers() {}

  /** The value of {@code text}, or empty when it is not written as a plain decimal number. */
  public static Optional<BigDecimal> parse(String text) {
    String t = text.strip();
    if (t.contains("_")) {
      if (t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
        return Optional.empty();
      }
      t = t.replace("_", "");
    }
    if (!plain(t)) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t));
  }

  /**
   * Whether {@code t} reads as {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?} with ASCII digits;
   * written out rather than as a regular expression, which cost a batch's JIT compiler half a second.
   */
  static boolean plain(String t) {
    int n = t.length();
    int i = 0;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    i = digits(t, i);
    boolean whole = i > digits;
    if (i < n && t.charAt(i) == '.') {
      int fraction = ++i;
      i = digits(t, i);
      if (!whole && i == fraction) {
        return false;
      }
    } else if (!whole) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      i = digits(t, i);
      if (i == exponent || i - exponent > 4) {
        return false;
      }
    }
    return i == n;
  }

  private static int digits(String t, int i) {
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** Whether a number is small enough to be a fact value or a bound. */
  public static boolean inRange(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.precision() - s.scale() <= MAX_DIGITS && s.scale() <= MAX_DECIMALS;
  }

  /** "at most 15 digits before the decimal point and 10 after it", for messages. */
  public static String range() {
    return "at most " + MAX_DIGITS + " digits before the decimal point and " + MAX_DECIMALS + " after it";
  }
}
