package org.permitcheck.expr;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the dates at which a condition's value can change when only time passes: the "critical
 * dates". A condition depends on time through {@code as_of} and {@code application_date}; comparing a
 * time-dependent value with a fixed one flips on a date that can be computed exactly — e.g. {@code
 * years_between(date_of_birth, as_of) >= 18} flips on {@code add_years(date_of_birth, 18)}, and
 * {@code months_between(since, as_of) - excluded >= 72} on {@code add_months(since, 72 + excluded)}.
 * Where the inversion is exact only the flip dates are reported; elsewhere each date comes with its
 * neighbours, so that a caller who evaluates at every reported date sees every change: extra dates
 * cost time, never correctness.
 */
public final class CriticalDates {
  private final Env env;
  private final LocalDate until;
  private final Consumer<LocalDate> sink;
  private final Analysis analysis;

  private CriticalDates(Env env, LocalDate until, Consumer<LocalDate> sink, Analysis analysis) {
    this.env = env;
    this.until = until;
    this.sink = sink;
    this.analysis = analysis;
  }

  /**
   * Reports the critical dates of {@code e} for the facts of {@code env}, at least those after its
   * as_of up to {@code until} (some conditions change every month: only those are cut off there).
   */
  public static void collect(CompiledExpr e, Env env, LocalDate until, Consumer<LocalDate> sink,
      Analysis analysis) {
    new CriticalDates(env, until, sink, analysis).walk(e.root());
  }

  /**
   * Which nodes of a ruleset's expressions depend on time, worked out once when an evaluator is built
   * and read-only afterwards, so that it is shared by every thread.
   */
  public static final class Analysis {
    private final Symbols symbols;
    private final Map<Expr, Boolean> timeDependent = new IdentityHashMap<>();

    public Analysis(Symbols symbols, Iterable<CompiledExpr> roots) {
      this.symbols = symbols;
      for (int slot = symbols.factCount(); slot < symbols.size(); slot++) {
        dependsOnTime(symbols.derivedExpr(slot).root());
      }
      for (CompiledExpr e : roots) {
        dependsOnTime(e.root());
      }
    }

    /** Whether an expression's value can change when only the date changes. */
    public boolean dependsOnTime(Expr e) {
      Boolean known = timeDependent.get(e);
      if (known != null) {
        return known;
      }
      boolean result = compute(e);
      timeDependent.put(e, result);
      return result;
    }

    private boolean compute(Expr e) {
      if (e instanceof Nodes.AsOf || e instanceof Nodes.ApplicationDate || e instanceof Nodes.MonthsIn
          || e instanceof Nodes.ContinuousSince) {
        for (Expr child : children(e)) {
          dependsOnTime(child);
        }
        return true;
      }
      if (e instanceof Nodes.Slot) {
        int slot = ((Nodes.Slot) e).slot();
        return slot >= symbols.factCount() && dependsOnTime(symbols.derivedExpr(slot).root());
      }
      boolean any = false;
      for (Expr child : children(e)) {
        any |= dependsOnTime(child);
      }
      return any;
    }
  }

  private boolean dependsOnTime(Expr e) {
    Boolean known = analysis.timeDependent.get(e);
    return known != null ? known : analysis.compute(e);
  }

  /**
   * A value that changes with time as {@code sign × between(unit, anchor, t') + constant}, where
   * {@code t'} is the date {@code t} shifted by {@code shift} of {@code shiftUnit} (e.g. {@code
   * add_days(as_of, 0 - excess)}; no shift is 0 days).
   */
  private record Linear(char unit, LocalDate anchor, long sign, long constant, char shiftUnit, long shift) {
    Linear with(long sign, long constant) {
      return new Linear(unit, anchor, sign, constant, shiftUnit, shift);
    }

    /** Whether a date of {@code t'} gives the date of {@code t} exactly (else only to a day or so). */
    boolean exact() {
      return shift == 0 || shiftUnit == 'd';
    }

    /** The date {@code t} at which {@code t'} is {@code add(unit, anchor, n)}. */
    LocalDate at(long n) {
      LocalDate d = add(unit, anchor, n);
      return shift == 0 ? d : add(shiftUnit, d, -shift);
    }
  }

  private void emit(LocalDate d) {
    if (d != null) {
      sink.accept(d.minusDays(1));
      sink.accept(d);
      sink.accept(d.plusDays(1));
    }
  }

  private void walk(Expr e) {
    if (!dependsOnTime(e)) {
      return;
    }
    if (e instanceof Nodes.Not) {
      walk(((Nodes.Not) e).operand());
    } else if (e instanceof Nodes.And) {
      walk(((Nodes.And) e).left());
      walk(((Nodes.And) e).right());
    } else if (e instanceof Nodes.Or) {
      walk(((Nodes.Or) e).left());
      walk(((Nodes.Or) e).right());
    } else if (e instanceof Nodes.CompareNumbers) {
      Nodes.CompareNumbers c = (Nodes.CompareNumbers) e;
      numbers(c.left(), c.right());
      numbers(c.right(), c.left());
    } else if (e instanceof Nodes.CompareDates) {
      Nodes.CompareDates c = (Nodes.CompareDates) e;
      dates(c.left(), c.right());
      dates(c.right(), c.left());
    } else if (e instanceof Nodes.Equals) {
      Nodes.Equals c = (Nodes.Equals) e;
      dates(c.left(), c.right());
      dates(c.right(), c.left());
    } else if (e instanceof Nodes.In) {
      walk(((Nodes.In) e).value());
    } else if (e instanceof Nodes.OverList) {
      overList((Nodes.OverList) e);
    } else if (e instanceof Nodes.Slot) {
      walk(env.symbols().derivedExpr(((Nodes.Slot) e).slot()).root());
    } else {
      periodBoundaries(e);
    }
  }

  private void overList(Nodes.OverList o) {
    Object list = o.list().eval(env);
    if (!(list instanceof List)) {
      return;
    }
    for (Object item : (List<?>) list) {
      env.pushItem(item);
      try {
        walk(o.condition());
      } finally {
        env.popItem();
      }
    }
  }

  /** {@code moving op fixed} for numbers: invert the linear form. */
  private void numbers(Expr moving, Expr fixed) {
    if (!dependsOnTime(moving) || dependsOnTime(fixed)) {
      if (dependsOnTime(moving)) {
        periodBoundaries(moving);
      }
      return;
    }
    Object n = fixed.eval(env);
    Optional<Linear> lin = linear(moving);
    if (lin.isEmpty() || !(n instanceof Long)) {
      periodBoundaries(moving);
      return;
    }
    Linear l = lin.get();
    if (l.sign() > 0) {
      // value(t) >= n exactly from add(anchor, n - c); value(t) > n from add(anchor, n - c + 1)
      long k = (Long) n - l.constant();
      if (l.exact()) {
        sink.accept(l.at(k));
        sink.accept(l.at(k + 1));
      } else {
        emit(l.at(k));
        emit(l.at(k + 1));
      }
      return;
    }
    long k = l.constant() - (Long) n;
    for (long j = k - 1; j <= k + 1; j++) {
      emit(l.at(j));
    }
  }

  /** {@code moving op fixed} for dates: the moving date is as_of (or application_date) shifted. */
  private void dates(Expr moving, Expr fixed) {
    if (!dependsOnTime(moving) || dependsOnTime(fixed)) {
      return;
    }
    Object f = fixed.eval(env);
    if (!(f instanceof LocalDate)) {
      return;
    }
    LocalDate target = (LocalDate) f;
    Expr m = moving;
    while (m instanceof Nodes.Slot) {
      m = env.symbols().derivedExpr(((Nodes.Slot) m).slot()).root();
    }
    if (m instanceof Nodes.AddToDate && ((Nodes.AddToDate) m).amount().eval(env) instanceof Long) {
      Nodes.AddToDate a = (Nodes.AddToDate) m;
      emit(add(a.unit(), target, -(Long) a.amount().eval(env)));
    } else if (isNow(m)) {
      // t < R and t >= R flip on R; t <= R and t > R flip on R + 1
      sink.accept(target);
      sink.accept(target.plusDays(1));
    } else {
      emit(target);
    }
    periodBoundaries(moving);
  }

  /**
   * Status histories change at their period boundaries. A count of months within a window that moves
   * with time (months_in with a {@code since} such as {@code add_months(as_of, -24)}) changes about
   * every month: at each monthly anniversary of a period's boundaries, shifted as the window is.
   */
  private void periodBoundaries(Expr e) {
    while (e instanceof Nodes.Slot && ((Nodes.Slot) e).slot() >= env.symbols().factCount()) {
      e = env.symbols().derivedExpr(((Nodes.Slot) e).slot()).root();
    }
    if (e instanceof Nodes.MonthsIn && ((Nodes.MonthsIn) e).since() != null
        && dependsOnTime(((Nodes.MonthsIn) e).since())) {
      movingWindow((Nodes.MonthsIn) e);
      return;
    }
    Expr periods = null;
    if (e instanceof Nodes.MonthsIn) {
      periods = ((Nodes.MonthsIn) e).periods();
    } else if (e instanceof Nodes.ContinuousSince) {
      periods = ((Nodes.ContinuousSince) e).periods();
    }
    if (periods != null) {
      Object l = periods.eval(env);
      if (l != null) {
        for (Periods.Period p : Periods.of(l)) {
          emit(p.from());
          if (p.to() != null) {
            emit(p.to().plusDays(1));
          }
        }
      }
    }
  }

  private void movingWindow(Nodes.MonthsIn m) {
    Object l = m.periods().eval(env);
    if (l == null) {
      return;
    }
    Expr since = m.since();
    while (since instanceof Nodes.Slot && ((Nodes.Slot) since).slot() >= env.symbols().factCount()) {
      since = env.symbols().derivedExpr(((Nodes.Slot) since).slot()).root();
    }
    long shiftDays = 0;
    if (since instanceof Nodes.AddToDate && isNow(((Nodes.AddToDate) since).date())
        && !dependsOnTime(((Nodes.AddToDate) since).amount())
        && ((Nodes.AddToDate) since).amount().eval(env) instanceof Long) {
      Nodes.AddToDate a = (Nodes.AddToDate) since;
      shiftDays = a.unit() == 'd' ? -(Long) a.amount().eval(env) : 0; // whole months keep anniversaries
    } else if (!isNow(since)) {
      // a window of another shape: every day up to the end is a candidate
      for (LocalDate d = env.asOf(); !d.isAfter(until); d = d.plusDays(1)) {
        sink.accept(d);
      }
      return;
    }
    for (Periods.Period p : Periods.of(l)) {
      if (!m.statuses().contains(p.status())) {
        continue;
      }
      anniversaries(p.from(), shiftDays);
      if (p.to() != null) {
        anniversaries(p.to().plusDays(1), shiftDays);
      }
    }
  }

  /**
   * The monthly anniversaries of {@code anchor} from about as_of to {@code until}, shifted by {@code
   * shiftDays}, each with three days either side (months of different lengths move a window's ends
   * by up to three days).
   */
  private void anniversaries(LocalDate anchor, long shiftDays) {
    long first = Math.max(0, Dates.monthsBetween(anchor, env.asOf()) - 1);
    long last = Dates.monthsBetween(anchor, until.plusMonths(1)) + 1;
    for (long k = first; k <= last; k++) {
      LocalDate d = Dates.addMonths(anchor, k).plusDays(shiftDays);
      for (int j = -3; j <= 3; j++) {
        sink.accept(d.plusDays(j));
      }
    }
  }

  private Optional<Linear> linear(Expr e) {
    if (e instanceof Nodes.Slot) {
      return linear(env.symbols().derivedExpr(((Nodes.Slot) e).slot()).root());
    }
    if (e instanceof Nodes.Between) {
      Nodes.Between b = (Nodes.Between) e;
      boolean fromMoves = dependsOnTime(b.from());
      boolean toMoves = dependsOnTime(b.to());
      if (fromMoves == toMoves) {
        return Optional.empty();
      }
      Object anchor = (toMoves ? b.from() : b.to()).eval(env);
      if (!(anchor instanceof LocalDate)) {
        return Optional.empty();
      }
      Expr moving = toMoves ? b.to() : b.from();
      while (moving instanceof Nodes.Slot) {
        moving = env.symbols().derivedExpr(((Nodes.Slot) moving).slot()).root();
      }
      if (isNow(moving)) {
        return Optional.of(new Linear(b.unit(), (LocalDate) anchor, toMoves ? 1 : -1, 0, 'd', 0));
      }
      // now shifted by a fixed amount, e.g. add_days(as_of, 0 - excess)
      if (moving instanceof Nodes.AddToDate && isNow(((Nodes.AddToDate) moving).date())
          && !dependsOnTime(((Nodes.AddToDate) moving).amount())
          && ((Nodes.AddToDate) moving).amount().eval(env) instanceof Long) {
        Nodes.AddToDate a = (Nodes.AddToDate) moving;
        return Optional.of(new Linear(b.unit(), (LocalDate) anchor, toMoves ? 1 : -1, 0, a.unit(),
            (Long) a.amount().eval(env)));
      }
      return Optional.empty();
    }
    if (e instanceof Nodes.IntegerArithmetic) {
      Nodes.IntegerArithmetic a = (Nodes.IntegerArithmetic) e;
      if (a.op() == '*') {
        return Optional.empty();
      }
      boolean leftMoves = dependsOnTime(a.left());
      if (leftMoves == dependsOnTime(a.right())) {
        return Optional.empty();
      }
      Optional<Linear> inner = linear(leftMoves ? a.left() : a.right());
      Object c = (leftMoves ? a.right() : a.left()).eval(env);
      if (inner.isEmpty() || !(c instanceof Long)) {
        return Optional.empty();
      }
      Linear l = inner.get();
      long k = (Long) c;
      if (leftMoves) {
        return Optional.of(l.with(l.sign(), a.op() == '+' ? l.constant() + k : l.constant() - k));
      }
      return a.op() == '+'
          ? Optional.of(l.with(l.sign(), l.constant() + k))
          : Optional.of(l.with(-l.sign(), k - l.constant()));
    }
    if (e instanceof Nodes.MonthsIn) {
      return monthsIn((Nodes.MonthsIn) e);
    }
    return Optional.empty();
  }

  /** months_in with one ongoing period grows like months_between(its start, t) plus the rest. */
  private Optional<Linear> monthsIn(Nodes.MonthsIn m) {
    Object l = m.periods().eval(env);
    if (l == null || m.since() != null && dependsOnTime(m.since())) {
      return Optional.empty();
    }
    LocalDate lower = m.since() == null ? null : (LocalDate) m.since().eval(env);
    List<Periods.Period> all = Periods.of(l);
    Periods.Period ongoing = null;
    long closed = 0;
    for (Periods.Period p : all) {
      if (!m.statuses().contains(p.status())) {
        continue;
      }
      if (p.to() == null) {
        if (ongoing != null) {
          return Optional.empty();
        }
        ongoing = p;
      } else {
        closed += Periods.monthsIn(List.of(p), m.statuses(), lower, LocalDate.MAX.minusDays(1));
      }
    }
    if (ongoing == null) {
      return Optional.empty();
    }
    LocalDate start = lower != null && lower.isAfter(ongoing.from()) ? lower : ongoing.from();
    return Optional.of(new Linear('m', start, 1, closed, 'd', 0));
  }

  private static boolean isNow(Expr e) {
    return e instanceof Nodes.AsOf || e instanceof Nodes.ApplicationDate;
  }

  private static LocalDate add(char unit, LocalDate d, long n) {
    switch (unit) {
      case 'y':
        return Dates.addYears(d, n);
      case 'm':
        return Dates.addMonths(d, n);
      default:
        return d.plusDays(n);
    }
  }

  private static List<Expr> children(Expr e) {
    if (e instanceof Nodes.Not) {
      return List.of(((Nodes.Not) e).operand());
    }
    if (e instanceof Nodes.Known) {
      return List.of(((Nodes.Known) e).operand());
    }
    if (e instanceof Nodes.Negate) {
      return List.of(((Nodes.Negate) e).operand());
    }
    if (e instanceof Nodes.And) {
      return List.of(((Nodes.And) e).left(), ((Nodes.And) e).right());
    }
    if (e instanceof Nodes.Or) {
      return List.of(((Nodes.Or) e).left(), ((Nodes.Or) e).right());
    }
    if (e instanceof Nodes.CompareNumbers) {
      return List.of(((Nodes.CompareNumbers) e).left(), ((Nodes.CompareNumbers) e).right());
    }
    if (e instanceof Nodes.CompareDates) {
      return List.of(((Nodes.CompareDates) e).left(), ((Nodes.CompareDates) e).right());
    }
    if (e instanceof Nodes.CompareLevels) {
      return List.of(((Nodes.CompareLevels) e).left(), ((Nodes.CompareLevels) e).right());
    }
    if (e instanceof Nodes.Equals) {
      return List.of(((Nodes.Equals) e).left(), ((Nodes.Equals) e).right());
    }
    if (e instanceof Nodes.In) {
      return List.of(((Nodes.In) e).value());
    }
    if (e instanceof Nodes.IntegerArithmetic) {
      return List.of(((Nodes.IntegerArithmetic) e).left(), ((Nodes.IntegerArithmetic) e).right());
    }
    if (e instanceof Nodes.DecimalArithmetic) {
      return List.of(((Nodes.DecimalArithmetic) e).left(), ((Nodes.DecimalArithmetic) e).right());
    }
    if (e instanceof Nodes.Between) {
      return List.of(((Nodes.Between) e).from(), ((Nodes.Between) e).to());
    }
    if (e instanceof Nodes.AddToDate) {
      return List.of(((Nodes.AddToDate) e).date(), ((Nodes.AddToDate) e).amount());
    }
    if (e instanceof Nodes.Extreme) {
      return ((Nodes.Extreme) e).args();
    }
    if (e instanceof Nodes.OverList) {
      return List.of(((Nodes.OverList) e).list(), ((Nodes.OverList) e).condition());
    }
    if (e instanceof Nodes.MonthsIn) {
      Nodes.MonthsIn m = (Nodes.MonthsIn) e;
      return m.since() == null ? List.of(m.periods()) : List.of(m.periods(), m.since());
    }
    if (e instanceof Nodes.ContinuousSince) {
      Nodes.ContinuousSince c = (Nodes.ContinuousSince) e;
      return c.on() == null ? List.of(c.periods()) : List.of(c.periods(), c.on());
    }
    return List.of();
  }
}
