package org.permitcheck.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A span of days, both ends inclusive; an absent end is open. Used for {@code in_force} and
 * application windows.
 */
public record DateRange(Optional<LocalDate> from, Optional<LocalDate> until) {
  public static final DateRange ALWAYS = new DateRange(Optional.empty(), Optional.empty());

  public boolean contains(LocalDate day) {
    return (from.isEmpty() || !day.isBefore(from.get())) && (until.isEmpty() || !day.isAfter(until.get()));
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
}
