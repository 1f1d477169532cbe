package org.permitcheck.tree;

import java.time.LocalDate;

/**
 * Strict {@code YYYY-MM-DD} dates that exist in the calendar, read without {@link
 * java.time.format.DateTimeFormatter}, which costs a cold start (rules are full of dates) and every
 * case of a batch. Where one of these gives a date, {@link LocalDate#parse} gives the same.
 */
public final class IsoDate {
  /**
   * The last date written YYYY-MM-DD. Years of more than four digits or with a sign, which {@link
   * LocalDate#parse} takes and {@link LocalDate#toString} writes ({@code +10000-01-01}), are no dates
   * here: the schemas of cases and results do not take them either.
   */
  public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

  private IsoDate() {}

  /** The date {@code t} writes, or null when it is not a strict YYYY-MM-DD date of the calendar. */
  public static LocalDate parse(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return null;
    }
    return of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
  }

  /** As {@link #parse(String)}, for ASCII text in bytes {@code offset} to {@code offset + length}. */
  public static LocalDate parse(byte[] t, int offset, int length) {
    if (length != 10 || t[offset + 4] != '-' || t[offset + 7] != '-') {
      return null;
    }
    return of(digits(t, offset, offset + 4), digits(t, offset + 5, offset + 7), digits(t, offset + 8, offset + 10));
  }

  private static LocalDate of(int y, int m, int d) {
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
      return null;
    }
    return LocalDate.of(y, m, d);
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return java.time.Year.isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The number the digits from {@code from} to {@code to} write, or -1 when one is not a digit. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int c = t.charAt(i) - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static int digits(byte[] t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int c = t[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }
}
