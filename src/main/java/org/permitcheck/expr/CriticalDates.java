package org.permitcheck.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
    new CriticalDates(env, until, sink, analysis).walk(analysis.tree(e.root()));
  }

  /**
   * Which nodes of a ruleset's expressions depend on time, worked out once when an evaluator is built
   * and read-only afterwards, so that it is shared by every thread.
   */
  public static final class Analysis {
    private final Symbols symbols;
    private final Map<Expr, Boolean> timeDependent = new IdentityHashMap<>();
    /** The walk's view of each expression analysed, made on first use. */
    private final Map<Expr, Node> trees = new IdentityHashMap<>();

    public Analysis(Symbols symbols, Iterable<CompiledExpr> roots) {
      this.symbols = symbols;
      for (int slot = symbols.factCount(); slot < symbols.size(); slot++) {
        dependsOnTime(symbols.derivedExpr(slot).root());
      }
      for (CompiledExpr e : roots) {
        dependsOnTime(e.root());
      }
      for (CompiledExpr e : roots) {
        build(e.root(), trees);
      }
    }

    /**
     * The walk's view of an expression: whether each node moves with time, without a lookup. Made
     * for every root when the analysis is, and read-only afterwards (shared by threads); another
     * expression is made anew.
     */
    Node tree(Expr e) {
      Node made = trees.get(e);
      return made != null ? made : build(e, new IdentityHashMap<>());
    }

    private Node build(Expr e, Map<Expr, Node> made) {
      Node known = made.get(e);
      if (known != null) {
        return known;
      }
      List<Expr> children = e instanceof Nodes.Slot && ((Nodes.Slot) e).slot() >= symbols.factCount()
          ? List.of(symbols.derivedExpr(((Nodes.Slot) e).slot()).root()) : children(e);
      Node[] kids = new Node[children.size()];
      for (int i = 0; i < kids.length; i++) {
        kids[i] = build(children.get(i), made);
      }
      Node node = new Node(e, dependsOnTime(e), kids);
      made.put(e, node);
      return node;
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

  /**
   * An expression as the walk sees it: whether it moves with time, and its children in the order
   * of {@link #children} (a derived fact's slot: its expression), so that the walk looks nothing up.
   */
  record Node(Expr e, boolean moves, Node[] kids) {}

  private void walk(Node t) {
    if (!t.moves()) {
      return;
    }
    Expr e = t.e();
    Node[] k = t.kids();
    if (e instanceof Nodes.Not || e instanceof Nodes.In || e instanceof Nodes.Slot) {
      walk(k[0]);
    } else if (e instanceof Nodes.And || e instanceof Nodes.Or) {
      walk(k[0]);
      walk(k[1]);
    } else if (e instanceof Nodes.CompareNumbers) {
      Nodes.CompareNumbers c = (Nodes.CompareNumbers) e;
      if (!windowFlips(c, c.left(), c.right()) && !windowFlips(c, c.right(), c.left())) {
        numbers(c.left(), k[0].moves(), c.right(), k[1].moves());
        numbers(c.right(), k[1].moves(), c.left(), k[0].moves());
      }
    } else if (e instanceof Nodes.CompareDates || e instanceof Nodes.Equals) {
      dates(k[0].e(), k[0].moves(), k[1].e(), k[1].moves());
      dates(k[1].e(), k[1].moves(), k[0].e(), k[0].moves());
    } else if (e instanceof Nodes.OverList) {
      overList((Nodes.OverList) e, k[1]);
    } else {
      periodBoundaries(e);
    }
  }

  private void overList(Nodes.OverList o, Node condition) {
    Object list = o.list().eval(env);
    if (!(list instanceof List)) {
      return;
    }
    for (Object item : (List<?>) list) {
      env.pushItem(item);
      try {
        walk(condition);
      } finally {
        env.popItem();
      }
    }
  }

  /** {@code moving op fixed} for numbers: invert the linear form. */
  private void numbers(Expr moving, boolean moves, Expr fixed, boolean fixedMoves) {
    if (!moves || fixedMoves) {
      if (moves) {
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
  private void dates(Expr moving, boolean moves, Expr fixed, boolean fixedMoves) {
    if (!moves || fixedMoves) {
      return;
    }
    Object f = fixed.eval(env);
    if (!(f instanceof LocalDate)) {
      return;
    }
    LocalDate target = (LocalDate) f;
    Expr m = derivedRoot(moving);
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
    e = derivedRoot(e);
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

  /**
   * {@code moving op fixed} where {@code moving} is a count of months in a moving window: of the many
   * dates the count may change on, reports only those where the comparison does, found by evaluating
   * it at each of them in turn (each change of the comparison is a change of the count, so it is
   * among them). False, doing nothing, when the comparison is not of that shape.
   */
  private boolean windowFlips(Nodes.CompareNumbers c, Expr moving, Expr fixed) {
    Expr m = derivedRoot(moving);
    if (!(m instanceof Nodes.MonthsIn) || ((Nodes.MonthsIn) m).since() == null
        || !dependsOnTime(((Nodes.MonthsIn) m).since()) || dependsOnTime(fixed) || env.hasItems()
        || readsApplicationDate(c)) {
      return false;
    }
    CandidateDays candidates = new CandidateDays(env.asOf(), until);
    new CriticalDates(env, until, candidates, analysis).movingWindow((Nodes.MonthsIn) m);
    Object before = c.eval(env);
    Env at = null;
    for (long day : candidates.inOrder()) {
      LocalDate d = LocalDate.ofEpochDay(day);
      at = at == null ? env.at(d, env.applicationDate()) : at.moveTo(d, env.applicationDate());
      Object now = c.eval(at);
      if (!Objects.equals(now, before)) {
        sink.accept(d);
      }
      before = now;
    }
    return true;
  }

  /** Whether an expression reads application_date, directly or through derived facts. */
  private boolean readsApplicationDate(Expr e) {
    if (e instanceof Nodes.ApplicationDate) {
      return true;
    }
    if (e instanceof Nodes.Slot) {
      Expr root = derivedRoot(e);
      return root != e && readsApplicationDate(root);
    }
    for (Expr child : children(e)) {
      if (readsApplicationDate(child)) {
        return true;
      }
    }
    return false;
  }

  /** The expression of a derived fact (through derived facts that merely name another), else {@code e}. */
  private Expr derivedRoot(Expr e) {
    while (e instanceof Nodes.Slot && ((Nodes.Slot) e).slot() >= env.symbols().factCount()) {
      e = env.symbols().derivedExpr(((Nodes.Slot) e).slot()).root();
    }
    return e;
  }

  /**
   * The days a count of months in a moving window changes on, such as {@code months_in(history,
   * add_months(as_of, -24), ...)}: the count grows on the monthly anniversaries of a period's start
   * while the window's end moves through the period, and falls as its start moves through it, about a
   * window's length after each monthly anniversary back from the period's end. Near each such
   * anniversary (three days either side: months differ in length) the count itself is computed, and
   * only the days it changes on are reported.
   */
  private void movingWindow(Nodes.MonthsIn m) {
    Object l = m.periods().eval(env);
    if (l == null) {
      return;
    }
    Expr since = derivedRoot(m.since());
    char unit = 'd';
    long amount = 0;
    if (since instanceof Nodes.AddToDate && isNow(((Nodes.AddToDate) since).date())
        && !dependsOnTime(((Nodes.AddToDate) since).amount())
        && ((Nodes.AddToDate) since).amount().eval(env) instanceof Long) {
      unit = ((Nodes.AddToDate) since).unit();
      amount = (Long) ((Nodes.AddToDate) since).amount().eval(env);
    } else if (since instanceof Nodes.ContinuousSince && sinceRuns((Nodes.ContinuousSince) since, m, l)) {
      return;
    } else if (!isNow(since)) {
      // a window of another shape: every day up to the end is a candidate
      for (LocalDate d = env.asOf(); !d.isAfter(until); d = d.plusDays(1)) {
        sink.accept(d);
      }
      return;
    }
    char u = unit;
    long k0 = amount;
    Window w = new Window(Periods.of(l), m.statuses(), t -> add(u, t, k0), d -> add(u, d, -k0));
    for (Periods.Period p : w.periods) {
      if (!m.statuses().contains(p.status())) {
        continue;
      }
      // growing: the window's end moves through the period, until its start reaches the period's start
      LocalDate startReached = w.shiftBack(p.from());
      for (long k = 1; k <= MAX_MONTHS; k++) {
        LocalDate c = Dates.addMonths(p.from(), k);
        if (c.isAfter(until.plusDays(3)) || c.isAfter(startReached.plusDays(3))
            || p.to() != null && c.isAfter(p.to().plusDays(4))) {
          break;
        }
        w.changesNear(c);
      }
      w.changesNear(startReached);
      if (p.to() == null) {
        continue;
      }
      // falling: the window's start moves through the period after its end
      LocalDate end = p.to().plusDays(1);
      w.changesNear(end);
      for (long k = 0; k <= MAX_MONTHS; k++) {
        LocalDate start = Dates.addMonths(end, -k);
        LocalDate c = w.shiftBack(start);
        if (start.isBefore(p.from().minusDays(3)) || c.isBefore(env.asOf().minusDays(3))) {
          break;
        }
        w.changesNear(c);
      }
    }
  }

  /**
   * A window that starts where the current run of some periods started ({@code months_in(stays,
   * continuous_since(stays, as_of, ...), ...)}): its start moves only at those periods' boundaries;
   * in between, the count grows on the monthly anniversaries of the start of each period it counts.
   * False when the run is not measured up to as_of.
   */
  private boolean sinceRuns(Nodes.ContinuousSince since, Nodes.MonthsIn m, Object counted) {
    if (since.on() != null && !isNow(since.on()) || dependsOnTime(since.periods())) {
      return false;
    }
    Object r = since.periods().eval(env);
    if (r == null) {
      return true; // the window's start is unknown, and so is the count, whatever the date
    }
    List<Periods.Period> runs = Periods.of(r);
    Window w = new Window(Periods.of(counted), m.statuses(),
        t -> Periods.continuousSince(runs, since.statuses(), t), null);
    for (Periods.Period p : runs) {
      w.changesNear(p.from());
      if (p.to() != null) {
        w.changesNear(p.to().plusDays(1));
      }
    }
    for (Periods.Period p : w.periods) {
      if (!m.statuses().contains(p.status())) {
        continue;
      }
      w.changesNear(p.from());
      if (p.to() != null) {
        w.changesNear(p.to().plusDays(1));
      }
      for (Periods.Period run : runs) {
        LocalDate anchor = run.from().isAfter(p.from()) ? run.from() : p.from();
        for (long k = Math.max(1, Dates.monthsBetween(anchor, env.asOf())); k <= MAX_MONTHS; k++) {
          LocalDate c = Dates.addMonths(anchor, k);
          if (c.isAfter(until.plusDays(3)) || p.to() != null && c.isAfter(p.to().plusDays(4))) {
            break;
          }
          w.changesNear(c);
        }
      }
    }
    return true;
  }

  /** How far a window's anniversaries are followed: 100 years of months. */
  private static final long MAX_MONTHS = 1200;

  /** The count of a moving window at any day, and the days near a given one that it changes on. */
  private final class Window {
    final List<Periods.Period> periods;
    final Set<String> statuses;
    /** The window's start at a day. */
    final UnaryOperator<LocalDate> start;
    /** The day whose window starts about on a given day (null when the start is not a shift). */
    final UnaryOperator<LocalDate> back;

    Window(List<Periods.Period> periods, Set<String> statuses,
        UnaryOperator<LocalDate> start, UnaryOperator<LocalDate> back) {
      this.periods = periods;
      this.statuses = statuses;
      this.start = start;
      this.back = back;
    }

    /** The day {@code t} whose window starts about on {@code d}. */
    LocalDate shiftBack(LocalDate d) {
      return back.apply(d);
    }

    /** The count at day {@code t}, as months_in gives it; -1 beyond the calendar. */
    long count(LocalDate t) {
      try {
        return Periods.monthsIn(periods, statuses, start.apply(t), t);
      } catch (DateTimeException | ArithmeticException e) {
        return -1;
      }
    }

    /** Reports the days within three of {@code c}, after as_of and up to the end, the count changes on. */
    void changesNear(LocalDate c) {
      LocalDate first = c.minusDays(3);
      if (!first.isAfter(env.asOf())) {
        first = env.asOf().plusDays(1);
      }
      LocalDate last = c.plusDays(3).isAfter(until) ? until : c.plusDays(3);
      if (first.isAfter(last)) {
        return;
      }
      long before = count(first.minusDays(1));
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        long now = count(d);
        if (now != before) {
          sink.accept(d);
        }
        before = now;
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
      Expr moving = derivedRoot(toMoves ? b.to() : b.from());
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
