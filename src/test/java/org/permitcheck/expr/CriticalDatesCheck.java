package org.permitcheck.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Checks a condition's critical dates against evaluating it on every day. */
public final class CriticalDatesCheck {
  private CriticalDatesCheck() {}

  /**
   * Asserts that each day after as_of up to {@code until} on which {@code e} changes is one of its
   * critical dates, and returns how many days it changed on.
   *
   * @param what the case, for the message of a failure
   */
  public static int changesOnlyOnCriticalDates(CompiledExpr e, Env env, LocalDate until,
      CriticalDates.Analysis analysis, Object what) {
    Set<LocalDate> critical = new HashSet<>();
    CriticalDates.collect(e, env, until, critical::add, analysis);
    int changes = 0;
    Object before = e.eval(env);
    for (LocalDate d = env.asOf().plusDays(1); !d.isAfter(until); d = d.plusDays(1)) {
      Object now = e.eval(env.at(d, d));
      if (!Objects.equals(now, before)) {
        assertThat(critical).as("changes on " + d + " from " + env.asOf() + " for " + what).contains(d);
        changes++;
      }
      before = now;
    }
    return changes;
  }
}
