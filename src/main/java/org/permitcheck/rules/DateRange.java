package org.permitcheck.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of days, both ends inclusive; an absent end is open. Used for {@code in_force} and
 * application windows.
 */
public final class DateRange {
  public static final DateRange ALWAYS = new DateRange(Optional.empty(), Optional.empty());

  private final Optional<LocalDate> from;
  private final Optional<LocalDate> until;
  /** The ends as epoch days, open ends as the extreme longs: the evaluator asks at every criterion. */
  private final long firstDay;
  private final long lastDay;

  public DateRange(Optional<LocalDate> from, Optional<LocalDate> until) {
    this.from = Objects.requireNonNull(from);
    this.until = Objects.requireNonNull(until);
    this.firstDay = from.map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
    this.lastDay = until.map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
  }

  public Optional<LocalDate> from() {
    return from;
  }

  public Optional<LocalDate> until() {
    return until;
  }

  public boolean contains(LocalDate day) {
    return contains(day.toEpochDay());
  }

  /** {@link #contains(LocalDate)} for a day given as {@link LocalDate#toEpochDay()}. */
  public boolean contains(long epochDay) {
    return epochDay >= firstDay && epochDay <= lastDay;
  }

  /** Whether the span has an end on or before the day given as {@link LocalDate#toEpochDay()}. */
  public boolean endsBy(long epochDay) {
    return lastDay <= epochDay;
  }

  public boolean isAlways() {
    return from.isEmpty() && until.isEmpty();
  }

  /** E.g. "from 2015-08-01", "until 2025-12-31", "2009-09-15 to 2009-12-15". */
  public String describe() {
    if (from.isPresent() && until.isPresent()) {
      return from.get() + " to " + until.get();
    }
    if (from.isPresent()) {
      return "from " + from.get();
    }
    return until.map(u -> "until " + u).orElse("always");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateRange && ((DateRange) o).from.equals(from) && ((DateRange) o).until.equals(until);
  }

  @Override
  public int hashCode() {
    return from.hashCode() * 31 + until.hashCode();
  }

  @Override
  public String toString() {
    return "DateRange[from=" + from + ", until=" + until + "]";
  }
}
