package org.permitcheck.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.permitcheck.expr.CandidateDays;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.expr.CriticalDates;
import org.permitcheck.expr.Env;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.DateRange;
import org.permitcheck.rules.Permit;
import org.permitcheck.tree.IsoDate;

/**
 * When a permit opens or closes if no fact changes: {@code eligible_from} (the earliest date it would
 * become available — eligible, or discretionary when it is not available now) and {@code apply_before}
 * (the last day it stays available). Computed exactly from the critical dates of its conditions and
 * its in-force dates: the verdict can only change on those dates, so it is evaluated there and only
 * there, within a horizon.
 */
final class Timeline {
  /**
   * Both timeline dates of one permit, and what they open onto: whether the permit, not available now,
   * first becomes available only at the authority's discretion ({@code fromDiscretionary}), and the
   * last day a permit eligible now stays fully eligible when it then stays available only at the
   * authority's discretion, until {@code applyBefore} or beyond the horizon, and is not fully eligible
   * again before it closes ({@code eligibleUntil}; for a permit already at the authority's discretion,
   * the last day before a criterion met today needs a waiver), and the verdict on the day after
   * {@code applyBefore} ({@code afterApplyBefore}), and on which day {@code applyBefore} is judged
   * ({@code judgedAt}): "decision" when a request made on it but decided the day after does not get
   * the permit (a child who must still be a minor when it is decided), "application" when it does,
   * "" when that is not known (facts the case does not give then decide) or not asked; and for a
   * permit that never opens as each day's request would find it, the first day a request made on
   * another day could be granted ({@code fromIfRequested}: § 25a asked before the 27th birthday, the
   * three years of stay complete after it), with the first and last days such a request can be made
   * ({@code requestFrom}, {@code requestBy}), and whether it is granted then only at the authority's
   * discretion ({@code ifRequestedDiscretionary}).
   */
  record Dates(Optional<LocalDate> eligibleFrom, Optional<LocalDate> applyBefore, boolean fromDiscretionary,
      Optional<LocalDate> eligibleUntil, Optional<Verdict> afterApplyBefore, List<String> missingAfter,
      String judgedAt, Optional<LocalDate> fromIfRequested, Optional<LocalDate> requestFrom,
      Optional<LocalDate> requestBy, boolean ifRequestedDiscretionary) {
    static final Dates NONE = new Dates(Optional.empty(), Optional.empty(), false, Optional.empty(),
        Optional.empty(), List.of(), "", Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /**
   * What the timeline knows of a permit's conditions, worked out when the permit is first evaluated:
   * the analysis of its expressions, whether the whole and each top-level criterion can change with
   * time alone ({@link #moves}), the conditions that can (the only ones with critical dates), and, as
   * epoch days, the fixed dates of the in-force ranges of the permit and its criteria and of the
   * permit's application window (which counts only when the application date is not fixed), and
   * whether a request's own date can close the permit ({@code requestBound}: an application window,
   * or a criterion the authority may not waive that reads application_date, e.g. § 25a's age), and
   * which of the moving conditions read application_date ({@code movingOnRequest}).
   */
  record Analysed(CriticalDates.Analysis analysis, boolean rootMoves, boolean[] topMoves,
      CriticalDates.Prepared[] moving, int[] movingIds, long[] fixedDays, long[] windowDays,
      boolean requestBound, boolean[] movingOnRequest) {}

  private final Evaluator evaluator;
  private final Period horizon;
  /** By permit id; only the permits evaluated are analysed. */
  private final Map<String, Analysed> analysed = new ConcurrentHashMap<>();
  /**
   * A number for each condition that can change with time, by its source text, among those analysed
   * so far: permits share many, and a case collects the dates of each number once ({@link #of}). A
   * ruleset's conditions are compiled without context, against its one set of names, so equal texts
   * are equal conditions. (Not the expression trees: hashing records bootstraps method handles,
   * which costs a single case's start-up about 30 ms.)
   */
  private final Map<String, Integer> conditionIds = new ConcurrentHashMap<>();
  private final AtomicInteger nextConditionId = new AtomicInteger();

  Timeline(Evaluator evaluator, Period horizon) {
    this.evaluator = evaluator;
    this.horizon = horizon;
  }

  /** What the timeline knows of a permit's conditions, worked out when first asked for. */
  Analysed analysed(Permit permit) {
    Analysed a = analysed.get(permit.id());
    return a != null ? a : analysed.computeIfAbsent(permit.id(), id -> analyse(permit));
  }

  private Analysed analyse(Permit permit) {
    List<CompiledExpr> roots = new ArrayList<>();
    conditions(permit.criteria(), roots);
    CriticalDates.Analysis analysis = new CriticalDates.Analysis(evaluator.rules().symbols(), roots);
    Map<Criterion, Boolean> moves = new IdentityHashMap<>();
    moves(permit.criteria(), analysis, moves);
    List<Criterion> top = permit.topLevel();
    boolean[] topMoves = new boolean[top.size()];
    for (int i = 0; i < top.size(); i++) {
      topMoves[i] = moves.get(top.get(i));
    }
    List<CriticalDates.Prepared> moving = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    List<Boolean> onRequest = new ArrayList<>();
    for (CompiledExpr e : roots) {
      if (analysis.dependsOnTime(e.root())) {
        moving.add(analysis.prepare(e));
        onRequest.add(analysis.readsApplicationDate(e.root()));
        ids.add(conditionIds.computeIfAbsent(e.source(), k -> nextConditionId.getAndIncrement()));
      }
    }
    int[] movingIds = new int[ids.size()];
    for (int i = 0; i < movingIds.length; i++) {
      movingIds[i] = ids.get(i);
    }
    List<LocalDate> fixed = new ArrayList<>();
    range(permit.inForce(), fixed::add);
    ranges(permit.criteria(), fixed::add);
    List<LocalDate> window = new ArrayList<>();
    range(permit.window(), window::add);
    return new Analysed(analysis, moves.get(permit.criteria()), topMoves, moving.toArray(new CriticalDates.Prepared[0]),
        movingIds, epochDays(fixed), epochDays(window),
        !permit.window().isAlways() || requestBound(permit.criteria(), analysis), flags(onRequest));
  }

  private static long[] epochDays(List<LocalDate> dates) {
    long[] days = new long[dates.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = dates.get(i).toEpochDay();
    }
    return days;
  }

  /** Whether a criterion (or its waiver, or its in-force dates) can change with time alone. */
  private static boolean moves(Criterion c, CriticalDates.Analysis analysis, Map<Criterion, Boolean> out) {
    Optional<CompiledExpr> waiver = c.discretionary().when();
    boolean m = !c.inForce().isAlways() || waiver.isPresent() && analysis.dependsOnTime(waiver.get().root());
    if (c instanceof Criterion.Leaf) {
      m |= analysis.dependsOnTime(((Criterion.Leaf) c).when().root());
    } else {
      for (Criterion child : ((Criterion.Group) c).children()) {
        m |= moves(child, analysis, out);
      }
    }
    out.put(c, m);
    return m;
  }

  /** The conditions of a criterion and its descendants, waivers included, in tree order. */
  private static boolean[] flags(List<Boolean> list) {
    boolean[] out = new boolean[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** Whether a criterion without a discretion of its own, here or below, reads application_date. */
  private static boolean requestBound(Criterion c, CriticalDates.Analysis analysis) {
    if (c.discretionary().isPresent()) {
      return false; // the authority may waive it: a late request is left to it, not closed
    }
    if (c instanceof Criterion.Leaf) {
      return analysis.readsApplicationDate(((Criterion.Leaf) c).when().root());
    }
    for (Criterion child : ((Criterion.Group) c).children()) {
      if (requestBound(child, analysis)) {
        return true;
      }
    }
    return false;
  }

  private static void conditions(Criterion c, List<CompiledExpr> out) {
    if (c.discretionary().when().isPresent()) {
      out.add(c.discretionary().when().get());
    }
    if (c instanceof Criterion.Leaf) {
      out.add(((Criterion.Leaf) c).when());
    } else {
      for (Criterion child : ((Criterion.Group) c).children()) {
        conditions(child, out);
      }
    }
  }

  /** The in-force dates of a criterion and its descendants. */
  private static void ranges(Criterion c, Consumer<LocalDate> sink) {
    range(c.inForce(), sink);
    if (c instanceof Criterion.Group) {
      for (Criterion child : ((Criterion.Group) c).children()) {
        ranges(child, sink);
      }
    }
  }

  /**
   * A case's store of the dates collected for each condition ({@link #conditionIds}), for {@link
   * #of}: the conditions numbered after it was made are collected each time.
   */
  long[][] newCase() {
    return new long[nextConditionId.get()][];
  }

  /**
   * @param a {@link #analysed} of the permit
   * @param collected the case's store from {@link #newCase()}, for the same {@code env}: read and
   *     filled
   */
  Dates of(Permit permit, Analysed a, Verdict now, CriterionResult tree, Env env,
      Optional<LocalDate> fixedApplication, long[][] collected) {
    if (!now.available() && closedForGood(permit, env, fixedApplication)) {
      return Dates.NONE;
    }
    if (neverChanges(now, permit, tree, a.topMoves()) || (!a.rootMoves() && permit.inForce().isAlways()
        && (permit.window().isAlways() || fixedApplication.isPresent()))) {
      return Dates.NONE;
    }
    long start = env.asOfDay();
    LocalDate end = env.asOf().plus(horizon); // only here: most permits of a case end above
    if (end.isAfter(IsoDate.MAX)) { // a result cannot write a later date
      end = IsoDate.MAX;
    }
    long endDay = end.toEpochDay();
    CandidateDays sink = new CandidateDays(start, endDay);
    sink.acceptDays(a.fixedDays());
    if (fixedApplication.isEmpty()) {
      sink.acceptDays(a.windowDays());
    }
    CriticalDates.Prepared[] moving = a.moving();
    for (int i = 0; i < moving.length; i++) {
      int id = a.movingIds()[i];
      if (id >= collected.length) {
        CriticalDates.collect(moving[i], env, end, sink, a.analysis());
        continue;
      }
      if (collected[id] == null) {
        CandidateDays own = new CandidateDays(start, endDay); // the same span for every permit of the case
        CriticalDates.collect(moving[i], env, end, own, a.analysis());
        collected[id] = own.taken();
      }
      sink.acceptAll(collected[id]);
    }
    boolean availableNow = now.available();
    // the top-level criteria left to the authority now: the timeline looks for the last day before
    // one more is (none for an eligible permit: its last fully eligible day)
    long waivedNow = Evaluator.waivedOf(permit, now, tree);
    // whether the days seen are within an opening: now's, or the one eligible_from begins (its
    // waivers then are the reference)
    boolean open = availableNow;
    // a discretionary permit held back by a criterion that time cannot change never becomes eligible
    boolean wantFrom = now != Verdict.ELIGIBLE
        && !(now == Verdict.DISCRETIONARY && heldBack(permit, tree, a.topMoves(), false));
    Optional<LocalDate> from = Optional.empty();
    Optional<LocalDate> before = Optional.empty();
    Optional<Verdict> after = Optional.empty();
    List<String> missingAfter = List.of();
    boolean fromDiscretionary = false;
    Optional<LocalDate> eligibleUntil = Optional.empty();
    boolean eligibleAgain = false; // after eligibleUntil, before the permit closes
    String judgedAt = "";
    Verdict lastSeen = now; // the verdict on the day before each candidate date
    Env at = null; // the facts at each candidate date in turn
    long[] days = sink.inOrder();
    for (long day : days) {
      LocalDate d = LocalDate.ofEpochDay(day);
      at = at == null ? env.at(d, fixedApplication.orElse(d)) : at.moveTo(d, fixedApplication.orElse(d));
      long standing = evaluator.standing(permit, at);
      Verdict v = Evaluator.verdictOf(standing);
      if (wantFrom && from.isEmpty() && (availableNow ? v == Verdict.ELIGIBLE : v.available())) {
        from = Optional.of(d);
        fromDiscretionary = v == Verdict.DISCRETIONARY;
        if (!availableNow) {
          open = true;
          waivedNow = Evaluator.waivedOf(standing);
        }
      }
      boolean more = v.available() && (Evaluator.waivedOf(standing) & ~waivedNow) != 0;
      if (open && eligibleUntil.isEmpty() && more) {
        eligibleUntil = Optional.of(d.minusDays(1));
      } else if (eligibleUntil.isPresent() && before.isEmpty() && v.available() && !more) {
        eligibleAgain = true;
      }
      // the last day available: of a permit available now, or of the opening that eligibleFrom begins
      if (open && before.isEmpty() && !v.available()) {
        before = Optional.of(d.minusDays(1));
        after = Optional.of(v);
        if (v == Verdict.UNDETERMINED) { // which facts would then decide, for the report to name
          missingAfter = evaluator.evaluate(permit, at).missing();
        }
        // requested on the last day, decided the day after: still closed when a criterion judged on
        // the day of the decision closed it (a provision's end is said apart, by afterApplyBefore);
        // only what an authority grants on request: an option is a situation, and a procedure's
        // (an appeal's) evaluation date is the day it is lodged
        if (fixedApplication.isEmpty() && v != Verdict.NOT_IN_FORCE && permit.grantedOnRequest()) {
          Verdict requested = Evaluator.verdictOf(evaluator.standing(permit, env.at(d, d.minusDays(1))));
          judgedAt = judgedAt(requested, lastSeen);
        }
      }
      if ((!wantFrom || from.isPresent()) && before.isPresent()) {
        break;
      }
      lastSeen = v;
    }
    // never open as each day's request finds it, but a request made on one day and decided on a later
    // one may be: the request's conditions change only on their own critical days (and as_of), the
    // decision's on the days above
    Optional<LocalDate> ifRequested = Optional.empty();
    Optional<LocalDate> requestFrom = Optional.empty();
    Optional<LocalDate> requestBy = Optional.empty();
    boolean ifRequestedDiscretionary = false;
    if (wantFrom && from.isEmpty() && !availableNow && fixedApplication.isEmpty() && a.requestBound()
        && permit.grantedOnRequest()) {
      long[] requests = requestDays(a, env, end, start, endDay, collected);
      search:
      for (long day : days) {
        LocalDate d = LocalDate.ofEpochDay(day);
        for (int k = 0; k < requests.length && requests[k] < day; k++) {
          Verdict requested = Evaluator.verdictOf(evaluator.standing(permit, env.at(d, LocalDate.ofEpochDay(requests[k]))));
          if (requested.available()) {
            ifRequested = Optional.of(d);
            ifRequestedDiscretionary = requested == Verdict.DISCRETIONARY;
            requestFrom = Optional.of(LocalDate.ofEpochDay(requests[k]));
            // the last day of that run of request days that still works for a decision on d
            requestBy = Optional.of(d.minusDays(1));
            for (int n = k + 1; n < requests.length && requests[n] < day; n++) {
              LocalDate r = LocalDate.ofEpochDay(requests[n]);
              if (!Evaluator.verdictOf(evaluator.standing(permit, env.at(d, r))).available()) {
                requestBy = Optional.of(r.minusDays(1));
                break;
              }
            }
            break search;
          }
        }
      }
    }
    return new Dates(from, before, fromDiscretionary, eligibleAgain ? Optional.empty() : eligibleUntil, after,
        missingAfter, judgedAt, ifRequested, requestFrom, requestBy, ifRequestedDiscretionary);
  }

  /**
   * On which day a last day is judged, from the verdict of a request made on it and decided the day
   * after, against the verdict on the last day itself: "application" when it is as good, "application
   * then discretionary" when it is only left to the authority, "decision" when it is not available, ""
   * when facts the case does not give would decide.
   */
  static String judgedAt(Verdict requested, Verdict lastDay) {
    if (requested == Verdict.UNDETERMINED) {
      return "";
    }
    if (!requested.available()) {
      return "decision";
    }
    return requested == Verdict.DISCRETIONARY && lastDay == Verdict.ELIGIBLE ? "application_then_discretionary"
        : "application";
  }

  /**
   * The days a request's own conditions can change on, in order: as_of, then the critical days of the
   * conditions that read application_date (those the case's store already has, from {@link #of}'s
   * first pass, are taken from it) and the application window's days, within the horizon.
   */
  private static long[] requestDays(Analysed a, Env env, LocalDate end, long start, long endDay,
      long[][] collected) {
    CandidateDays days = new CandidateDays(start, endDay);
    CriticalDates.Prepared[] moving = a.moving();
    for (int i = 0; i < moving.length; i++) {
      if (!a.movingOnRequest()[i]) {
        continue;
      }
      int id = a.movingIds()[i];
      if (id < collected.length && collected[id] != null) {
        days.acceptAll(collected[id]);
      } else {
        CriticalDates.collect(moving[i], env, end, days, a.analysis());
      }
    }
    days.acceptDays(a.windowDays());
    long[] later = days.inOrder();
    long[] out = new long[later.length + 1];
    out[0] = start;
    int n = 1;
    for (long day : later) {
      if (day > start) {
        out[n++] = day;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Whether the permit cannot be available on any day after as_of: it is out of force from then on (a
   * provision that has ended, e.g. § 104c since 2026), or its application window excludes every
   * application date to come, the fixed one or each day after as_of (e.g. the Belgian 2009 window).
   */
  private static boolean closedForGood(Permit permit, Env env, Optional<LocalDate> fixedApplication) {
    if (permit.inForce().endsBy(env.asOfDay())) {
      return true;
    }
    return fixedApplication.isPresent() ? !permit.window().contains(fixedApplication.get())
        : permit.window().endsBy(env.asOfDay());
  }

  /**
   * A permit that is not available and has a failing or unknown top-level criterion whose value
   * cannot change with time will not open: no need to look further.
   */
  private static boolean neverChanges(Verdict now, Permit permit, CriterionResult tree, boolean[] topMoves) {
    if (now.available() || now == Verdict.NOT_IN_FORCE) {
      return false;
    }
    return heldBack(permit, tree, topMoves, true);
  }

  /**
   * Whether a top-level criterion fails or is unknown and cannot change with time: with discretion
   * ({@code lenient}: the permit will not become available) or without it (it will not become eligible).
   */
  private static boolean heldBack(Permit permit, CriterionResult tree, boolean[] topMoves, boolean lenient) {
    if (permit.rootIsTopLevel()) { // the root alone, without a list to hold it
      return holdsBack(tree, topMoves[0], lenient);
    }
    List<CriterionResult> top = tree.children();
    for (int i = 0; i < top.size(); i++) {
      if (holdsBack(top.get(i), topMoves[i], lenient)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsBack(CriterionResult r, boolean moves, boolean lenient) {
    Outcome o = lenient ? r.lenient() : r.outcome();
    return (o == Outcome.NOT_MET || o == Outcome.UNKNOWN) && !moves;
  }

  private static void range(DateRange r, Consumer<LocalDate> sink) {
    if (r.from().isPresent()) {
      sink.accept(r.from().get());
    }
    if (r.until().isPresent()) {
      sink.accept(r.until().get().plusDays(1));
    }
  }
}
