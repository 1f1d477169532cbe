package org.permitcheck.expr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Status histories: lists of {@code {status, from, to}} records, {@code to} absent (null) while the
 * status is ongoing. Both ends are inclusive.
 */
public final class Periods {
  private Periods() {}

  /** One period of a status history. */
  public record Period(String status, LocalDate from, LocalDate to) {}

  @SuppressWarnings("unchecked")
  static List<Period> of(Object value) {
    List<Period> out = new ArrayList<>();
    for (Object o : (List<?>) value) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(new Period((String) m.get("status"), (LocalDate) m.get("from"), (LocalDate) m.get("to")));
    }
    out.sort(Comparator.comparing(Period::from));
    return out;
  }

  /**
   * Months in the listed statuses between {@code lower} (inclusive, or no bound) and {@code asOf}.
   * Periods in those statuses that touch or overlap are one run ({@link #runs}), so that a stay or a job
   * entered as several lines counts as much as one line, and overlapping lines count once. A single run
   * counts its whole months (a period of N months from S is complete on S + N), up to {@code asOf}, an
   * ended run up to the day after its last day. Separate runs are months that need not be consecutive:
   * they count either their whole months plus the days they leave over, added up 30 to a month, or all
   * their days 30 to a month, whichever is more, as § 191 BGB reckons such months (so 16 contracts of
   * 25 days count 13 months, 8 of 45 days 12); a run still going at {@code asOf} counts up to it, as_of
   * itself left out (an ended job of 5 months 20 days and one of 6 months 14 days so far count 12).
   */
  static long monthsIn(List<Period> periods, Set<String> statuses, LocalDate lower, LocalDate asOf) {
    return monthsInRuns(runs(periods, statuses), lower, asOf);
  }

  /** {@link #monthsIn} of periods already joined into runs ({@link #runs}). */
  static long monthsInRuns(List<Period> runs, LocalDate lower, LocalDate asOf) {
    Tally t = tally(runs, lower, asOf);
    if (t.counted() == 1) {
      return t.whole(); // one run: its calendar months, nothing left over to add up
    }
    // several runs, "consecutive or not": whole months and the days left over, 30 to a month, or all
    // the days, 30 to a month, whichever is more; a run still going counts its days too
    return Math.max(t.whole() + t.leftOver() / DAYS_PER_MONTH, t.days() / DAYS_PER_MONTH);
  }

  /** What runs add up to in a window: their whole months, the days those leave over, all their days. */
  record Tally(long whole, long leftOver, long days, int counted) {}

  /**
   * The {@link Tally} of {@code runs} from {@code lower} (or no bound) up to {@code asOf}: an ended run
   * up to the day after its last day, a run still going up to as_of, that day left out.
   */
  static Tally tally(List<Period> runs, LocalDate lower, LocalDate asOf) {
    long whole = 0;
    long leftOver = 0;
    long days = 0;
    int counted = 0;
    for (Period p : runs) {
      LocalDate start = lower != null && lower.isAfter(p.from()) ? lower : p.from();
      boolean ended = p.to() != null && p.to().isBefore(asOf);
      LocalDate endExclusive = ended ? p.to().plusDays(1) : asOf;
      if (!endExclusive.isAfter(start)) {
        continue;
      }
      counted++;
      long months = Dates.monthsBetween(start, endExclusive);
      whole += months;
      leftOver += Dates.daysBetween(Dates.addMonths(start, months), endExclusive);
      days += Dates.daysBetween(start, endExclusive);
    }
    return new Tally(whole, leftOver, days, counted);
  }

  /** Days to a month when days left over by separate periods are added up. */
  static final long DAYS_PER_MONTH = 30;

  /**
   * The periods in the listed statuses joined where they touch (one ends the day before the next
   * starts) or overlap: each run carries the status of its first period, and is ongoing (no end) when
   * one of its periods is. {@code periods} must be sorted by start, as {@link #of} returns them.
   */
  static List<Period> runs(List<Period> periods, Set<String> statuses) {
    List<Period> out = new ArrayList<>();
    Period run = null;
    for (Period p : periods) {
      if (!statuses.contains(p.status())) {
        continue;
      }
      if (run != null && (run.to() == null || !p.from().isAfter(run.to().plusDays(1)))) {
        if (run.to() != null && (p.to() == null || p.to().isAfter(run.to()))) {
          run = new Period(run.status(), run.from(), p.to());
        }
        continue;
      }
      if (run != null) {
        out.add(run);
      }
      run = p;
    }
    if (run != null) {
      out.add(run);
    }
    return out;
  }

  /**
   * The first day of the uninterrupted run of periods in the listed statuses that covers {@code day}
   * (periods that touch or overlap join up). When no such period covers {@code day}, the run is empty
   * and the result is {@code day} itself, so that any duration measured from it is zero.
   */
  static LocalDate continuousSince(List<Period> periods, Set<String> statuses, LocalDate day) {
    LocalDate start = null;
    LocalDate reach = null;
    for (Period p : periods) {
      if (!statuses.contains(p.status()) || p.from().isAfter(day)) {
        continue;
      }
      LocalDate end = p.to() == null ? LocalDate.MAX : p.to();
      boolean gap = start == null || (!reach.equals(LocalDate.MAX) && p.from().isAfter(reach.plusDays(1)));
      if (gap) {
        start = p.from();
        reach = end;
      } else if (end.isAfter(reach)) {
        reach = end;
      }
    }
    if (start == null || reach.isBefore(day)) {
      return day;
    }
    return start;
  }
}
