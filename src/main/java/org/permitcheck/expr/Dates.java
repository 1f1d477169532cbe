package org.permitcheck.expr;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Date arithmetic under the conventions of the legal catalogue (§0.4): a period of N years or months
 * starting on S is complete on S + N; when that day does not exist (31st, 29 February) it is complete
 * on the 1st of the following month. So {@code years_between(S, D) >= N} exactly when {@code D >=
 * add_years(S, N)}.
 */
public final class Dates {
  private Dates() {}

  /** Whole completed years from {@code from} to {@code to} (negative when {@code to} is earlier). */
  public static long yearsBetween(LocalDate from, LocalDate to) {
    return ChronoUnit.YEARS.between(from, to);
  }

  public static long monthsBetween(LocalDate from, LocalDate to) {
    return ChronoUnit.MONTHS.between(from, to);
  }

  public static long daysBetween(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  /** {@code d} plus {@code n} years; a 29 February start rolls to 1 March (n ≥ 0). */
  public static LocalDate addYears(LocalDate d, long n) {
    return roll(d, d.plusYears(n), n);
  }

  /** {@code d} plus {@code n} months; a day missing in the target month rolls to the 1st after. */
  public static LocalDate addMonths(LocalDate d, long n) {
    return roll(d, d.plusMonths(n), n);
  }

  private static LocalDate roll(LocalDate start, LocalDate clamped, long n) {
    // Going forward, a clamped day (28 Feb for 29 Feb, 30 Apr for 31 Mar) is one day short of the
    // completed period. Going back, the clamped day is the latest start that completes the period.
    if (n > 0 && clamped.getDayOfMonth() != start.getDayOfMonth()) {
      return clamped.plusDays(1);
    }
    return clamped;
  }
}
