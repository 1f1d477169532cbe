package org.permitcheck.expr;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The dates a value may change on, as they are reported ({@link CriticalDates#collect}), kept when
 * they fall after a start and up to an end: what is then evaluated on each of them, in order.
 */
public final class CandidateDays implements Consumer<LocalDate> {
  private final long after;
  private final long last;
  private long[] days = new long[16];
  private int size;

  /** Keeps the days after {@code start} up to {@code end}, both as given. */
  public CandidateDays(LocalDate start, LocalDate end) {
    this(start.toEpochDay(), end.toEpochDay());
  }

  /** As {@link #CandidateDays(LocalDate, LocalDate)}, for epoch days. */
  public CandidateDays(long start, long end) {
    this.after = start;
    this.last = end;
  }

  @Override
  public void accept(LocalDate d) {
    acceptDay(d.toEpochDay());
  }

  /** {@link #accept} for a day given as {@link LocalDate#toEpochDay()}. */
  public void acceptDay(long day) {
    if (day > after && day <= last) {
      if (size == days.length) {
        days = Arrays.copyOf(days, size * 2);
      }
      days[size++] = day;
    }
  }

  /** The days kept so far, as they came (for {@link #acceptAll} of another with the same span). */
  public long[] taken() {
    return Arrays.copyOf(days, size);
  }

  /** {@link #acceptDay} for each of {@code days}. */
  public void acceptDays(long[] days) {
    for (long day : days) {
      acceptDay(day);
    }
  }

  /** Keeps days that another with the same start and end kept ({@link #taken}). */
  public void acceptAll(long[] kept) {
    if (size + kept.length > days.length) {
      days = Arrays.copyOf(days, Math.max(days.length * 2, size + kept.length));
    }
    System.arraycopy(kept, 0, days, size, kept.length);
    size += kept.length;
  }

  /** The days kept, in order, each once, as epoch days. */
  public long[] inOrder() {
    long[] sorted = Arrays.copyOf(days, size);
    sort(sorted, size > RUN ? new long[size] : null, 0, size);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** Runs of at most this many days are sorted by insertion. */
  private static final int RUN = 32;

  /**
   * Sorts {@code a[lo, hi)}, with {@code tmp} as large as {@code a} when that is longer than {@link
   * #RUN}: a case's few days by insertion, more by merging such runs; written out rather than {@link
   * Arrays#sort}, whose dual-pivot quicksort is large code that the JIT compiler would compile on the
   * cores the jobs of a batch need.
   */
  private static void sort(long[] a, long[] tmp, int lo, int hi) {
    if (hi - lo <= RUN) {
      for (int i = lo + 1; i < hi; i++) {
        long d = a[i];
        int j = i - 1;
        for (; j >= lo && a[j] > d; j--) {
          a[j + 1] = a[j];
        }
        a[j + 1] = d;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    sort(a, tmp, lo, mid);
    sort(a, tmp, mid, hi);
    if (a[mid - 1] <= a[mid]) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    for (int i = lo, j = mid, k = lo; k < hi; k++) {
      a[k] = j >= hi || i < mid && tmp[i] <= tmp[j] ? tmp[i++] : tmp[j++];
    }
  }
}
