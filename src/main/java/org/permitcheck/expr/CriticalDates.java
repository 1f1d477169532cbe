package org.permitcheck.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  /** {@code sink} when it takes epoch days (the timeline's), else null. */
  private final CandidateDays days;
  private final Analysis analysis;
  /**
   * Set when a part of the condition moves with time in a way the walk cannot invert (such as {@code
   * months_between(d, as_of) * 2}): then every day up to the end is a critical date.
   */
  private boolean everyDay;
  /** How many levels deep the walk is now ({@link #enter}). */
  private int depth;
  /**
   * The expressions of the derived facts whose days were reported already, with how ({@link #WALKED},
   * {@link #BOUNDED}): a derived fact that several others read is followed once. Made on first use.
   */
  private Map<Expr, Integer> followed;
  private static final int WALKED = 1;
  private static final int BOUNDED = 2;

  /**
   * How deep the walk follows an expression and the derived facts it reads, more than any rule
   * needs: deeper (64 levels of derived facts of hundreds of operations each), it could overflow the
   * stack, and every day up to the end is a critical date instead.
   */
  private static final int MAX_DEPTH = 256;

  private CriticalDates(Env env, LocalDate until, Consumer<LocalDate> sink, Analysis analysis) {
    this.env = env;
    this.until = until;
    this.sink = sink;
    this.days = sink instanceof CandidateDays ? (CandidateDays) sink : null;
    this.analysis = analysis;
  }

  /**
   * Reports the critical dates of {@code e} for the facts of {@code env}, at least those after its
   * as_of up to {@code until} (some conditions change every month: only those are cut off there).
   */
  public static void collect(CompiledExpr e, Env env, LocalDate until, Consumer<LocalDate> sink,
      Analysis analysis) {
    collect(analysis.prepare(e), env, until, sink, analysis);
  }

  /** As {@link #collect(CompiledExpr, Env, LocalDate, Consumer, Analysis)}, for a prepared condition. */
  public static void collect(Prepared e, Env env, LocalDate until, Consumer<LocalDate> sink, Analysis analysis) {
    CriticalDates c = new CriticalDates(env, until, sink, analysis);
    c.walk(e.tree);
    if (c.everyDay) {
      for (LocalDate d = env.asOf().plusDays(1); !d.isAfter(until); d = d.plusDays(1)) {
        c.report(d);
      }
    }
  }

  /**
   * A condition as {@link #collect} walks it, looked up once ({@link Analysis#prepare}) by a caller
   * that collects its dates for many cases.
   */
  public static final class Prepared {
    private final Node tree;

    private Prepared(Node tree) {
      this.tree = tree;
    }
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
      List<Expr> exprs = new ArrayList<>();
      for (CompiledExpr e : roots) {
        dependsOnTime(e.root());
        exprs.add(e.root());
      }
      buildAll(exprs, trees);
    }

    /**
     * The walk's view of an expression: whether each node moves with time, without a lookup. Made
     * for every root when the analysis is, and read-only afterwards (shared by threads); another
     * expression is made anew.
     */
    Node tree(Expr e) {
      Node made = trees.get(e);
      return made != null ? made : buildAll(List.of(e), new IdentityHashMap<>());
    }

    /** A condition ready for {@link CriticalDates#collect(Prepared, Env, LocalDate, Consumer, Analysis)}. */
    public Prepared prepare(CompiledExpr e) {
      return new Prepared(tree(e.root()));
    }

    /**
     * Makes the walk's view of each expression and returns the last one's: first that of each derived
     * fact they read, in the order of their slots (each after those it reads), so that making one
     * never follows a chain of derived facts down, which could overflow the stack.
     */
    private Node buildAll(List<Expr> exprs, Map<Expr, Node> made) {
      BitSet derived = new BitSet();
      Deque<Expr> todo = new ArrayDeque<>(exprs);
      while (!todo.isEmpty()) {
        Expr e = todo.pop();
        int slot = e instanceof Nodes.Slot ? ((Nodes.Slot) e).slot() : -1;
        if (slot < symbols.factCount()) {
          children(e).forEach(todo::push);
        } else if (!derived.get(slot)) {
          derived.set(slot);
          todo.push(symbols.derivedExpr(slot).root());
        }
      }
      for (int slot = derived.nextSetBit(0); slot >= 0; slot = derived.nextSetBit(slot + 1)) {
        build(symbols.derivedExpr(slot).root(), made);
      }
      Node last = null;
      for (Expr e : exprs) {
        last = build(e, made);
      }
      return last;
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
      boolean moves = dependsOnTime(e);
      boolean settles = moves && (e instanceof Nodes.And || e instanceof Nodes.Or || e instanceof Nodes.OverList);
      boolean application = e instanceof Nodes.ApplicationDate;
      for (Node kid : kids) {
        settles |= moves && kid.settles();
        application |= kid.readsApplicationDate();
      }
      int window = 0;
      if (e instanceof Nodes.CompareNumbers && !application) {
        Nodes.CompareNumbers c = (Nodes.CompareNumbers) e;
        window = (windowShape(c.left(), c.right()) ? 1 : 0) | (windowShape(c.right(), c.left()) ? 2 : 0);
      }
      Node node = new Node(e, moves, kids, kind(e), window, settles, application);
      made.put(e, node);
      return node;
    }

    /**
     * Whether {@code moving op fixed}, which does not read application_date, compares a count of
     * months in a window that moves with time with a fixed value, as {@link #windowFlips} handles it
     * (unless inside a list's records).
     */
    private boolean windowShape(Expr moving, Expr fixed) {
      Expr m = derivedRoot(moving, symbols);
      return m instanceof Nodes.MonthsIn && ((Nodes.MonthsIn) m).since() != null
          && dependsOnTime(((Nodes.MonthsIn) m).since()) && !dependsOnTime(fixed);
    }

    /** Whether an expression reads application_date, directly or through derived facts. */
    public boolean readsApplicationDate(Expr e) {
      return tree(e).readsApplicationDate();
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
   * add_days(as_of, 0 - excess)}; no shift is 0 days); only while a run of periods goes on when
   * {@code inRun}.
   */
  private record Linear(char unit, LocalDate anchor, long sign, long constant, char shiftUnit, long shift,
      boolean inRun) {
    Linear(char unit, LocalDate anchor, long sign, long constant, char shiftUnit, long shift) {
      this(unit, anchor, sign, constant, shiftUnit, shift, false);
    }

    Linear with(long sign, long constant) {
      return new Linear(unit, anchor, sign, constant, shiftUnit, shift, inRun);
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
      long day = d.toEpochDay();
      reportDay(day - 1);
      reportDay(day);
      reportDay(day + 1);
    }
  }

  /** Reports a date to the sink. */
  private void report(LocalDate d) {
    if (days != null) {
      days.acceptDay(d.toEpochDay());
    } else {
      sink.accept(d);
    }
  }

  /** Reports a date given as an epoch day: the timeline's sink takes it as it is. */
  private void reportDay(long day) {
    if (days != null) {
      days.acceptDay(day);
    } else {
      sink.accept(LocalDate.ofEpochDay(day));
    }
  }

  /**
   * An expression as the walk sees it: whether it moves with time, and its children in the order
   * of {@link #children} (a derived fact's slot: its expression), so that the walk looks nothing up;
   * how the walk treats it ({@link #kind}); for a comparison of numbers, which side is a count
   * of months in a moving window compared with a fixed value (bit 1: the left, bit 2: the right; see
   * {@link #windowFlips}); and whether, unknown for want of a fact, it can still become known as time
   * passes ({@code settles}): {@code false and ?} is false, and a list's items decide a count's
   * range or any() and all() as their conditions do, e.g. once a child whose schooling is unknown
   * turns 18 in {@code count(children, age < 18 and in_school)}; and whether it reads
   * application_date, directly or through derived facts.
   */
  record Node(Expr e, boolean moves, Node[] kids, int kind, int window, boolean settles,
      boolean readsApplicationDate) {}

  /** How the walk treats a node ({@link Node#kind}), worked out when the node is made. */
  private static final int OTHER = 0;
  private static final int FIRST_CHILD = 1;
  private static final int BOTH_CHILDREN = 2;
  private static final int COMPARE_NUMBERS = 3;
  private static final int COMPARE_DATES = 4;
  private static final int OVER_LIST = 5;

  private static int kind(Expr e) {
    if (e instanceof Nodes.Not || e instanceof Nodes.In || e instanceof Nodes.Slot) {
      return FIRST_CHILD;
    } else if (e instanceof Nodes.And || e instanceof Nodes.Or) {
      return BOTH_CHILDREN;
    } else if (e instanceof Nodes.CompareNumbers) {
      return COMPARE_NUMBERS;
    } else if (e instanceof Nodes.CompareDates || e instanceof Nodes.Equals) {
      return COMPARE_DATES;
    } else if (e instanceof Nodes.OverList) {
      return OVER_LIST;
    }
    return OTHER;
  }

  /** Whether a derived fact's expression is followed ({@link #WALKED} or {@link #BOUNDED}) for the first time. */
  private boolean firstTime(Expr root, int how) {
    if (followed == null) {
      followed = new IdentityHashMap<>();
    }
    int before = followed.getOrDefault(root, 0);
    followed.put(root, before | how);
    return (before & how) == 0;
  }

  /**
   * Whether the walk may go one level deeper (then the caller comes back up: {@code depth--}); else
   * it stops there, and every day up to the end is a critical date.
   */
  private boolean enter() {
    if (depth >= MAX_DEPTH) {
      everyDay = true;
      return false;
    }
    depth++;
    return true;
  }

  private void walk(Node t) {
    if (!t.moves() || !enter()) {
      return;
    }
    try {
      step(t);
    } finally {
      depth--;
    }
  }

  /** {@link #walk} of a node that moves. */
  private void step(Node t) {
    Expr e = t.e();
    Node[] k = t.kids();
    switch (t.kind()) {
      case FIRST_CHILD:
        if (!(e instanceof Nodes.Slot) || firstTime(k[0].e(), WALKED)) {
          walk(k[0]);
        }
        break;
      case BOTH_CHILDREN:
        walk(k[0]);
        walk(k[1]);
        break;
      case COMPARE_NUMBERS: {
        Nodes.CompareNumbers c = (Nodes.CompareNumbers) e;
        int window = env.hasItems() ? 0 : t.window();
        if ((window & 1) != 0) {
          windowFlips(c, c.left());
        } else if ((window & 2) != 0) {
          windowFlips(c, c.right());
        } else {
          numbers(c.left(), k[0].moves(), c.right(), k[1].moves());
          numbers(c.right(), k[1].moves(), c.left(), k[0].moves());
        }
        break;
      }
      case COMPARE_DATES:
        if (k[0].moves() && k[1].moves()) {
          if (!runStartAgainstNow(k[0].e(), k[1].e()) && !runStartAgainstNow(k[1].e(), k[0].e())) {
            periodBoundaries(k[0].e());
            periodBoundaries(k[1].e());
          }
        } else if (k[0].moves()) {
          dates(k[0].e(), k[1].e());
        } else {
          dates(k[1].e(), k[0].e());
        }
        break;
      case OVER_LIST:
        overList((Nodes.OverList) e, k[1]);
        break;
      default:
        if (!(e instanceof Nodes.Known)) { // whether a value is known does not change with time
          periodBoundaries(e);
        }
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
    // the fixed value, or the range of a count whose items are partly unknown: the comparison
    // changes only where the moving value crosses either end
    Counts.Range n = Counts.range(fixed, env);
    boolean whole = n != null && n.least() instanceof Long && n.most() instanceof Long;
    List<Linear> pieces = linear(moving);
    if (pieces.isEmpty() && whole && noRunGoesOn(moving)) {
      return; // 0 from as_of on: every run of the periods ended before it
    }
    if (pieces.isEmpty() || !whole) {
      periodBoundaries(moving);
      return;
    }
    for (Linear l : pieces) {
      flips(l, (Long) n.least());
      if (!n.isExact()) {
        flips(l, (Long) n.most());
      }
    }
    if (pieces.get(0).inRun()) {
      periodBoundaries(moving); // where one piece ends and the next begins
    }
  }

  /** The days {@code l op n} can flip on. */
  private void flips(Linear l, long n) {
    if (l.sign() > 0) {
      // value(t) >= n exactly from add(anchor, n - c); value(t) > n from add(anchor, n - c + 1)
      long k = n - l.constant();
      if (l.exact()) {
        report(l.at(k));
        report(l.at(k + 1));
      } else {
        emit(l.at(k));
        emit(l.at(k + 1));
      }
      if (k <= 0 && l.unit() != 'd') {
        // before the anchor a count of whole months or years is rounded towards zero: it reaches k
        // (at most 0) the day after add(anchor, k - 1), e.g. months_between(26 Nov, t) >= 0 from 27 Oct
        emit(l.at(k - 1));
        emit(l.at(k));
      }
      return;
    }
    long k = l.constant() - n;
    for (long j = k - 1; j <= k + 1; j++) {
      emit(l.at(j));
    }
  }

  /**
   * {@code moving op fixed} for dates (or {@code ==} of other values): the moving date is as_of (or
   * application_date) shifted, the start of the current run of some periods, or of another shape.
   */
  private void dates(Expr moving, Expr fixed) {
    Object f = fixed.eval(env);
    if (f == null) {
      return; // unknown whatever the date
    }
    Expr m = derivedRoot(moving);
    if (!(f instanceof LocalDate)) {
      periodBoundaries(m); // a condition compared with a truth value flips where the condition does
      return;
    }
    LocalDate target = (LocalDate) f;
    Long shift = nowShift(m);
    if (shift != null) {
      emit(add(((Nodes.AddToDate) m).unit(), target, -shift));
    } else if (isNow(m)) {
      // t < R and t >= R flip on R; t <= R and t > R flip on R + 1
      long day = target.toEpochDay();
      reportDay(day);
      reportDay(day + 1);
    } else {
      periodBoundaries(m);
    }
  }

  /**
   * {@code continuous_since(periods, as_of, …) op add_<unit>(as_of, k)}: while a run of the periods
   * goes on, its start is fixed, and the comparison flips when as_of shifted reaches it; between the
   * runs, at the periods' boundaries.
   */
  private boolean runStartAgainstNow(Expr start, Expr now) {
    Expr n = derivedRoot(now);
    Long shift = isNow(n) ? Long.valueOf(0) : nowShift(n);
    List<LocalDate> starts = shift == null ? null : ongoingRunStarts(start);
    if (starts == null) {
      return false;
    }
    char unit = isNow(n) ? 'd' : ((Nodes.AddToDate) n).unit();
    for (LocalDate from : starts) {
      emit(add(unit, from, -shift));
    }
    periodBoundaries(start);
    return true;
  }

  /**
   * For {@code continuous_since(periods, as_of, …)} ({@link #measuredAtNow}): the first days of the
   * runs of its periods that still go on after as_of (none when the periods are unknown, whatever the
   * date); null for an expression of another shape.
   */
  private List<LocalDate> ongoingRunStarts(Expr e) {
    Expr s = derivedRoot(e);
    if (!(s instanceof Nodes.ContinuousSince) || !measuredAtNow((Nodes.ContinuousSince) s)) {
      return null;
    }
    Nodes.ContinuousSince since = (Nodes.ContinuousSince) s;
    Object l = since.periods().eval(env);
    List<LocalDate> out = new ArrayList<>();
    for (Periods.Period run : l == null ? List.<Periods.Period>of() : Periods.runs(Periods.of(l), since.statuses())) {
      if (run.to() == null || run.to().isAfter(env.asOf())) {
        out.add(run.from());
      }
    }
    return out;
  }

  /** Whether a run's start is measured at as_of (or application_date), from periods fixed in time. */
  private boolean measuredAtNow(Nodes.ContinuousSince since) {
    return (since.on() == null || isNow(derivedRoot(since.on()))) && !dependsOnTime(since.periods());
  }

  /**
   * Reports the days the value of {@code e}, which moves with time, can change on. Status histories
   * change at their period boundaries. A count of months within a window that moves with time
   * (months_in with a {@code since} such as {@code add_months(as_of, -24)}) changes about every month:
   * at each monthly anniversary of a period's boundaries, shifted as the window is. A condition
   * changes where it flips, a count of list items where an item's condition does, arithmetic where its
   * parts do; as_of itself changes every day ({@link #everyDay}).
   */
  private void periodBoundaries(Expr e) {
    Expr root = derivedRoot(e);
    if (root != e && !firstTime(root, BOUNDED) || !enter()) {
      return; // a derived fact's days are reported once
    }
    try {
      boundariesOf(root);
    } finally {
      depth--;
    }
  }

  /** {@link #periodBoundaries} of an expression that is not a derived fact's name. */
  private void boundariesOf(Expr e) {
    if (!dependsOnTime(e) || e.eval(env) == null && !analysis.tree(e).settles()) {
      return; // unknown now, it stays unknown: what it lacks is a fact, not a date
    }
    if (e instanceof Nodes.MonthsIn) {
      Nodes.MonthsIn m = (Nodes.MonthsIn) e;
      if (m.since() != null && dependsOnTime(m.since())) {
        movingWindow(m);
        return;
      }
      fixedWindow(m);
      boundaries(m.periods());
    } else if (e instanceof Nodes.ContinuousSince) {
      if (measuredAtNow((Nodes.ContinuousSince) e)) {
        boundaries(((Nodes.ContinuousSince) e).periods());
      } else {
        everyDay = true;
      }
    } else if (isNow(e)) {
      everyDay = true;
    } else if (kind(e) != OTHER) {
      walk(analysis.tree(e));
    } else {
      for (Expr child : children(e)) {
        periodBoundaries(child);
      }
    }
  }

  /** Reports the days a status history's periods begin on and the days after they end. */
  private void boundaries(Expr periods) {
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

  /**
   * A count of months whose window does not move (no {@code since}, or one fixed whatever the date):
   * it changes on the day a run starts (separate runs are reckoned partly in days), on the monthly
   * anniversaries of its start until its end, and on the day after it ends, when the days it leaves
   * over are added up. Near each such day (three days either side: months differ in length) the count
   * itself is computed, and only the days it changes on are reported.
   */
  private void fixedWindow(Nodes.MonthsIn m) {
    if (m.since() != null && dependsOnTime(m.since())) {
      return;
    }
    Object l = m.periods().eval(env);
    Object since = m.since() == null ? null : m.since().eval(env);
    if (l == null || m.since() != null && !(since instanceof LocalDate)) {
      return;
    }
    LocalDate lower = (LocalDate) since;
    Window w = new Window(Periods.runs(Periods.of(l), m.statuses()), t -> lower, null);
    for (Periods.Period p : w.runs) {
      LocalDate start = lower != null && lower.isAfter(p.from()) ? lower : p.from();
      w.changesNear(start); // from then on it counts: separate runs are reckoned in days
      w.anniversaries(start, p);
      if (p.to() != null) {
        w.changesNear(p.to().plusDays(1));
      }
      if (w.runs.size() > 1) {
        // its days while it runs, beside other runs', may add a month any day (worked out when the other
        // runs have ended)
        w.daysOfRunning(p, start, p.to(), true, lower);
      }
    }
  }

  /**
   * {@code moving op fixed} where {@code moving} is a count of months in a moving window: of the many
   * dates the count may change on, reports only those where the comparison does, found by evaluating
   * it at each of them in turn (each change of the comparison is a change of the count, so it is
   * among them). Only for a comparison of that shape ({@link Node#window}).
   */
  private void windowFlips(Nodes.CompareNumbers c, Expr moving) {
    Expr m = derivedRoot(moving);
    CandidateDays candidates = new CandidateDays(env.asOf(), until);
    new CriticalDates(env, until, candidates, analysis).movingWindow((Nodes.MonthsIn) m);
    Object before = c.eval(env);
    Env at = null;
    for (long day : candidates.inOrder()) {
      LocalDate d = LocalDate.ofEpochDay(day);
      at = at == null ? env.at(d, env.applicationDate()) : at.moveTo(d, env.applicationDate());
      Object now = c.eval(at);
      if (!Objects.equals(now, before)) {
        report(d);
      }
      before = now;
    }
  }

  /** The expression of a derived fact (through derived facts that merely name another), else {@code e}. */
  private Expr derivedRoot(Expr e) {
    return derivedRoot(e, env.symbols());
  }

  static Expr derivedRoot(Expr e, Symbols symbols) {
    while (e instanceof Nodes.Slot && ((Nodes.Slot) e).slot() >= symbols.factCount()) {
      e = symbols.derivedExpr(((Nodes.Slot) e).slot()).root();
    }
    return e;
  }

  /**
   * The days a count of months in a moving window changes on, such as {@code months_in(history,
   * add_months(as_of, -24), ...)}: the count grows on the monthly anniversaries of a run's start while
   * the window's end moves through the run, and, once the run has ended, may fall on any day its start
   * moves through it (the days left in the window count 30 to a month). The count itself is computed
   * near each anniversary (three days either side: months differ in length) and on every day of the
   * fall, and only the days it changes on are reported.
   */
  private void movingWindow(Nodes.MonthsIn m) {
    Object l = m.periods().eval(env);
    if (l == null) {
      return;
    }
    Expr since = derivedRoot(m.since());
    char unit = 'd';
    long amount = 0;
    Long shift = nowShift(since);
    if (shift != null) {
      unit = ((Nodes.AddToDate) since).unit();
      amount = shift;
    } else if (since instanceof Nodes.ContinuousSince && sinceRuns((Nodes.ContinuousSince) since, m, l)) {
      return;
    } else if (!isNow(since)) {
      // a window of another shape: every day up to the end is a candidate
      for (LocalDate d = env.asOf(); !d.isAfter(until); d = d.plusDays(1)) {
        report(d);
      }
      return;
    }
    char u = unit;
    long k0 = amount;
    Window w = new Window(Periods.runs(Periods.of(l), m.statuses()), t -> add(u, t, k0), d -> add(u, d, -k0));
    for (Periods.Period p : w.runs) {
      // growing: the window's end moves through the period, until its start reaches the period's start
      LocalDate startReached = w.shiftBack(p.from());
      w.changesNear(p.from()); // from then on it counts: separate runs are reckoned in days
      for (long k = 1; k <= MAX_MONTHS; k++) {
        LocalDate c = Dates.addMonths(p.from(), k);
        if (c.isAfter(until.plusDays(3)) || c.isAfter(startReached.plusDays(3))
            || p.to() != null && c.isAfter(p.to().plusDays(4))) {
          break;
        }
        w.changesNear(c);
      }
      w.changesNear(startReached);
      if (w.runs.size() > 1) {
        // its days while it runs and grows, beside other runs', may add a month on any day
        w.daysOfRunning(p, p.from(), p.to() == null || p.to().isAfter(startReached.plusDays(3))
            ? startReached.plusDays(3) : p.to(), false, null);
      }
      if (p.to() == null) {
        continue;
      }
      // falling: the window's start moves through the period after its end, and while it does, the
      // days the period leaves in the window, which count 30 to a month, fall by one a day: every day
      // from about when the start reaches the period (three days either side) to when it leaves it
      LocalDate end = p.to().plusDays(1);
      w.changesNear(end);
      w.changesBetween(w.shiftBack(p.from().minusDays(3)).minusDays(3), w.shiftBack(end).plusDays(3));
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
    Window w = new Window(Periods.runs(Periods.of(counted), m.statuses()),
        t -> Periods.continuousSince(runs, since.statuses(), t), null);
    for (Periods.Period p : runs) {
      w.changesNear(p.from());
      if (p.to() != null) {
        w.changesNear(p.to().plusDays(1));
      }
    }
    // with several runs, while the window's start stays where it is (no boundary of its periods after
    // as_of), a run's days are worked out as in a fixed window's
    boolean several = w.runs.size() > 1;
    LocalDate from = several ? Periods.continuousSince(runs, since.statuses(), env.asOf()) : null;
    boolean fixedStart = from != null && runs.stream().noneMatch(q -> q.from().isAfter(env.asOf())
        || q.to() != null && !q.to().isBefore(env.asOf()));
    for (Periods.Period p : w.runs) {
      w.changesNear(p.from());
      if (p.to() != null) {
        w.changesNear(p.to().plusDays(1));
      }
      for (Periods.Period run : runs) {
        w.anniversaries(run.from().isAfter(p.from()) ? run.from() : p.from(), p);
      }
      if (several) { // its days while it runs, beside other runs', may add a month any day
        w.daysOfRunning(p, fixedStart && from.isAfter(p.from()) ? from : p.from(), p.to(), fixedStart,
            fixedStart ? from : null);
      }
    }
    return true;
  }

  /** Days to a month when separate runs' days are added up ({@link Periods#monthsIn}). */
  private static final long DAYS = 30;

  /** How far a window's anniversaries are followed: 100 years of months. */
  private static final long MAX_MONTHS = 1200;

  /** The count of a moving window at any day, and the days near a given one that it changes on. */
  private final class Window {
    /** The periods counted, joined into runs ({@link Periods#runs}). */
    final List<Periods.Period> runs;
    /** The window's start at a day. */
    final UnaryOperator<LocalDate> start;
    /** The day whose window starts about on a given day (null when the start is not a shift). */
    final UnaryOperator<LocalDate> back;

    Window(List<Periods.Period> runs, UnaryOperator<LocalDate> start, UnaryOperator<LocalDate> back) {
      this.runs = runs;
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
        return Periods.monthsInRuns(runs, start.apply(t), t);
      } catch (DateTimeException | ArithmeticException e) {
        return -1;
      }
    }

    /**
     * Reports the days near each monthly anniversary of {@code anchor} after as_of, up to the end and
     * to the end of {@code run}, that the count changes on: a run's whole months grow on them.
     */
    void anniversaries(LocalDate anchor, Periods.Period run) {
      for (long k = Math.max(1, Dates.monthsBetween(anchor, env.asOf())); k <= MAX_MONTHS; k++) {
        LocalDate c = Dates.addMonths(anchor, k);
        if (c.isAfter(until.plusDays(3)) || run.to() != null && c.isAfter(run.to().plusDays(4))) {
          break;
        }
        changesNear(c);
      }
    }

    /**
     * Reports the days a run, from {@code start} to {@code last} (null: still going), with other runs
     * beside it, may change the count on while it runs: its days are added up with the others', 30 to a
     * month, so the count can grow on any day — about twice a month (once for the whole months with the
     * days left over, once for all the days). In a window of {@code fixed} start ({@code lower}, or
     * none: the whole history) whose other runs all ended before as_of, those days are worked out; otherwise
     * they are found by computing the count on each day of the run after as_of, up to the end.
     */
    void daysOfRunning(Periods.Period run, LocalDate start, LocalDate last, boolean fixed, LocalDate lower) {
      if (last != null && last.isBefore(env.asOf())) {
        return;
      }
      LocalDate first = start.isAfter(env.asOf()) ? start : env.asOf().plusDays(1);
      LocalDate end = last == null || last.plusDays(1).isAfter(until) ? until : last.plusDays(1);
      if (fixed && othersEnded(run)) {
        fixedDays(run, start, first, end, lower);
      } else {
        changesBetween(first, end);
      }
    }

    /** Whether every run but {@code run} ended before as_of. */
    boolean othersEnded(Periods.Period run) {
      for (Periods.Period q : runs) {
        if (q != run && (q.to() == null || !q.to().isBefore(env.asOf()))) {
          return false;
        }
      }
      return true;
    }

    /**
     * The days from {@code first} to {@code end} the count of a fixed window may change on while {@code
     * run}, counted from {@code start} (the window's, if later), goes on, the other runs having ended: the ended runs leave fixed whole months,
     * days left over and days (as months_in reckons them, the running run left out); the running run
     * adds a month to the days left over each time they pass a multiple of 30 in a month, and to all
     * the days each 30 days. Each such day is reported; the anniversaries are reported elsewhere.
     */
    private void fixedDays(Periods.Period run, LocalDate start, LocalDate first, LocalDate end, LocalDate lower) {
      List<Periods.Period> others = new ArrayList<>(runs.size());
      for (Periods.Period q : runs) {
        if (q != run) { // by identity: a record's equals would bootstrap method handles
          others.add(q);
        }
      }
      Periods.Tally ended = Periods.tally(others, lower, env.asOf()); // all ended before as_of
      long leftOver = ended.leftOver();
      long days = ended.days();
      // all the days: on the day the running run's days so far (as_of left out) reach 30k - days
      long firstDays = Dates.daysBetween(start, first);
      long k = Math.floorDiv(days + firstDays, DAYS) + 1;
      for (LocalDate d = start.plusDays(k * DAYS - days); !d.isAfter(end); d = d.plusDays(DAYS)) {
        changesBetween(d, d); // only if the count does change that day
      }
      // the days left over: within each month of the run, when they pass 30j - leftOver
      for (long m = Math.max(0, Dates.monthsBetween(start, first) - 1); m <= MAX_MONTHS; m++) {
        LocalDate anniversary = Dates.addMonths(start, m);
        if (anniversary.isAfter(end)) {
          break;
        }
        for (long j = Math.floorDiv(leftOver, DAYS) + 1; j * DAYS - leftOver <= 31; j++) {
          LocalDate d = anniversary.plusDays(j * DAYS - leftOver);
          if (!d.isBefore(first) && !d.isAfter(end) && d.isBefore(Dates.addMonths(start, m + 1).plusDays(1))) {
            changesBetween(d, d); // only if the count does change that day
          }
        }
      }
    }

    /** Reports the days within three of {@code c}, after as_of and up to the end, the count changes on. */
    void changesNear(LocalDate c) {
      changesBetween(c.minusDays(3), c.plusDays(3));
    }

    /** Reports the days from {@code first} to {@code last}, after as_of and up to the end, the count changes on. */
    void changesBetween(LocalDate first, LocalDate last) {
      if (!first.isAfter(env.asOf())) {
        first = env.asOf().plusDays(1);
      }
      if (last.isAfter(until)) {
        last = until;
      }
      if (first.isAfter(last)) {
        return;
      }
      long before = count(first.minusDays(1));
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        long now = count(d);
        if (now != before) {
          report(d);
        }
        before = now;
      }
    }
  }

  /**
   * The linear forms of a value that changes with time, or none when it has none: one, or for the
   * months since the start of the current run of some periods ({@code months_between(continuous_since(
   * history, as_of, …), as_of)}), one for each run, each holding while that run goes on (outside the
   * runs the value is 0, and its changes at the runs' ends are the periods' boundaries).
   */
  private List<Linear> linear(Expr e) {
    if (!enter()) {
      return List.of();
    }
    try {
      return linearOf(e);
    } finally {
      depth--;
    }
  }

  /** {@link #linear}, one level deeper. */
  private List<Linear> linearOf(Expr e) {
    if (e instanceof Nodes.Slot) {
      return linear(env.symbols().derivedExpr(((Nodes.Slot) e).slot()).root());
    }
    if (e instanceof Nodes.Between) {
      Nodes.Between b = (Nodes.Between) e;
      boolean fromMoves = dependsOnTime(b.from());
      boolean toMoves = dependsOnTime(b.to());
      if (fromMoves && toMoves) {
        return sinceRunStarts(b);
      }
      if (!fromMoves && !toMoves) {
        return List.of();
      }
      Object anchor = (toMoves ? b.from() : b.to()).eval(env);
      if (!(anchor instanceof LocalDate)) {
        return List.of();
      }
      Expr moving = derivedRoot(toMoves ? b.to() : b.from());
      if (isNow(moving)) {
        return List.of(new Linear(b.unit(), (LocalDate) anchor, toMoves ? 1 : -1, 0, 'd', 0));
      }
      Long shift = nowShift(moving);
      if (shift != null) {
        return List.of(new Linear(b.unit(), (LocalDate) anchor, toMoves ? 1 : -1, 0,
            ((Nodes.AddToDate) moving).unit(), shift));
      }
      return List.of();
    }
    if (e instanceof Nodes.IntegerArithmetic) {
      Nodes.IntegerArithmetic a = (Nodes.IntegerArithmetic) e;
      if (a.op() == '*') {
        return List.of();
      }
      boolean leftMoves = dependsOnTime(a.left());
      if (leftMoves == dependsOnTime(a.right())) {
        return List.of();
      }
      List<Linear> inner = linear(leftMoves ? a.left() : a.right());
      Object c = (leftMoves ? a.right() : a.left()).eval(env);
      if (inner.isEmpty() || !(c instanceof Long)) {
        return List.of();
      }
      long k = (Long) c;
      List<Linear> out = new ArrayList<>(inner.size());
      for (Linear l : inner) {
        if (leftMoves) {
          out.add(l.with(l.sign(), a.op() == '+' ? l.constant() + k : l.constant() - k));
        } else {
          out.add(a.op() == '+' ? l.with(l.sign(), l.constant() + k) : l.with(-l.sign(), k - l.constant()));
        }
      }
      return out;
    }
    if (e instanceof Nodes.MonthsIn) {
      return monthsIn((Nodes.MonthsIn) e);
    }
    return List.of();
  }

  /**
   * {@code between(continuous_since(periods, as_of, …), as_of)}: within each run of the periods, the
   * time since its start; none for another shape.
   */
  private List<Linear> sinceRunStarts(Nodes.Between b) {
    List<LocalDate> starts = runStartsSince(b);
    if (starts == null) {
      return List.of();
    }
    List<Linear> out = new ArrayList<>(starts.size());
    for (LocalDate from : starts) {
      out.add(new Linear(b.unit(), from, 1, 0, 'd', 0, true));
    }
    return out;
  }

  /**
   * Whether {@code e} is {@code between(continuous_since(periods, as_of, …), as_of)} and no run of the
   * periods goes on at or after as_of: then continuous_since is the day itself on every later day, and
   * the value stays 0.
   */
  private boolean noRunGoesOn(Expr e) {
    Expr root = derivedRoot(e);
    List<LocalDate> starts = root instanceof Nodes.Between ? runStartsSince((Nodes.Between) root) : null;
    return starts != null && starts.isEmpty();
  }

  /**
   * For {@code between(continuous_since(periods, as_of, …), as_of)}: the first days of the runs that
   * go on after as_of ({@link #ongoingRunStarts}); null for a between of another shape.
   */
  private List<LocalDate> runStartsSince(Nodes.Between b) {
    return isNow(derivedRoot(b.to())) ? ongoingRunStarts(b.from()) : null;
  }

  /** months_in with one ongoing run grows like months_between(its start, t) plus the rest. */
  private List<Linear> monthsIn(Nodes.MonthsIn m) {
    Object l = m.periods().eval(env);
    if (l == null || m.since() != null && dependsOnTime(m.since())) {
      return List.of();
    }
    LocalDate lower = m.since() == null ? null : (LocalDate) m.since().eval(env);
    List<Periods.Period> all = Periods.runs(Periods.of(l), m.statuses());
    Periods.Period ongoing = null;
    LocalDate over = env.asOf();
    for (Periods.Period p : all) {
      if (p.to() == null) {
        if (ongoing != null) {
          return List.of();
        }
        ongoing = p;
      } else if (p.to().isAfter(over)) {
        over = p.to();
      }
    }
    LocalDate start = ongoing == null ? null
        : lower != null && lower.isAfter(ongoing.from()) ? lower : ongoing.from();
    if (start == null || all.size() > 1 || over.isAfter(env.asOf()) || start.isAfter(env.asOf())) {
      // (beside other runs, the ongoing one's days add up with theirs: not linear in its months)
      // no run going on, or other runs still to end or the ongoing one still to start: the count
      // is not linear from as_of on
      return List.of();
    }
    // once the other runs are over and the ongoing one has begun, the count is what they make
    // (whole months and the days they leave over) plus the ongoing run's whole months
    LocalDate t = over.plusDays(1).isAfter(start) ? over.plusDays(1) : start.plusDays(1);
    long closed = Periods.monthsInRuns(all, lower, t) - Dates.monthsBetween(start, t);
    if (Periods.monthsInRuns(all, lower, env.asOf()) != closed + Dates.monthsBetween(start, env.asOf())) {
      // a run ends on as_of or the ongoing one starts on it: from the next day the runs are reckoned
      // otherwise (one run alone counts no days left over), so the count is linear only after as_of
      return List.of();
    }
    return List.of(new Linear('m', start, 1, closed, 'd', 0));
  }

  /**
   * The amount n of {@code add_<unit>(as_of, n)} (or of application_date) when n is a whole number
   * that does not move with time: now shifted by a fixed amount, e.g. {@code add_days(as_of, 0 -
   * excess)}; else null.
   */
  private Long nowShift(Expr e) {
    if (!(e instanceof Nodes.AddToDate)) {
      return null;
    }
    Nodes.AddToDate a = (Nodes.AddToDate) e;
    if (!isNow(a.date()) || dependsOnTime(a.amount())) {
      return null;
    }
    Object n = a.amount().eval(env);
    return n instanceof Long ? (Long) n : null;
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

  static List<Expr> children(Expr e) {
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
    if (e instanceof Nodes.WorkingDay) {
      return List.of(((Nodes.WorkingDay) e).date());
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
