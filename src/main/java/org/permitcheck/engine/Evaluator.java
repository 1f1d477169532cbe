package org.permitcheck.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.permitcheck.cases.Case;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.expr.Env;
import org.permitcheck.expr.Symbols;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Discretion;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;

/**
 * Evaluates cases against a ruleset: a verdict per permit with the criteria tree that explains it.
 * Immutable after construction and safe to use from several threads.
 */
public final class Evaluator {
  /** How far ahead the timeline looks by default. */
  public static final java.time.Period DEFAULT_HORIZON = java.time.Period.ofYears(5);

  private final Ruleset rules;
  private final Timeline timeline;
  /** Which unknown facts can still decide a condition ({@link #deciding}); made on first use. */
  private volatile Relevance relevance;
  /**
   * For each derived fact, by its slot less the fact count: the base facts it depends on, directly or
   * through other derived facts.
   */
  private final Symbols.Symbol[][] derivedBase;
  /** {@link #permitsFor} a case of a country (or of none: "") with every permit in scope. */
  private final Map<String, Scoped> permitsByCountry = new ConcurrentHashMap<>();

  /**
   * The permits in scope for the cases of one country, with what is worked out for each of them, by
   * position: a batch then finds a permit's plan and timeline analysis without a lookup by id.
   * Filled as permits are evaluated; shared without locking (a slot holds null or an object of final
   * fields, and one lost to another thread's write is only looked up again).
   */
  private static final class Scoped {
    final List<Permit> permits;
    final Plan[] plans;
    final Timeline.Analysed[] analysed;

    Scoped(List<Permit> permits) {
      this.permits = permits;
      this.plans = new Plan[permits.size()];
      this.analysed = new Timeline.Analysed[permits.size()];
    }
  }
  /** By permit id: what compact evaluation keeps of the permits evaluated so far ({@link Plan}). */
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  /**
   * The shapes of the top-level criteria evaluated so far ({@link #shape}), numbered: several
   * permits of a country have criteria of the same shape, and a case works each shape out once.
   */
  private final Map<Object, Integer> shapes = new ConcurrentHashMap<>();

  /**
   * What compact evaluation keeps of a permit, made when it is first evaluated: the shallow results
   * of its top-level criteria, by criterion and packed outcomes (they differ only in their outcomes,
   * so results share them; see {@link #shallow}), and the number of each top-level criterion's shape.
   */
  private static final class Plan {
    final Permit permit;
    /** {@link Permit#topLevel()}. */
    final Criterion[] top;
    final CriterionResult[][] shallow;
    final int[] shapeIds;

    Plan(Permit permit, Map<Object, Integer> shapes) {
      this.permit = permit;
      List<Criterion> top = permit.topLevel();
      this.top = top.toArray(new Criterion[0]);
      this.shallow = new CriterionResult[top.size()][];
      this.shapeIds = new int[top.size()];
      for (int i = 0; i < top.size(); i++) {
        Object shape = shape(top.get(i));
        Integer id = shapes.get(shape);
        if (id == null) {
          synchronized (shapes) {
            id = shapes.get(shape);
            if (id == null) {
              id = shapes.size();
              shapes.put(shape, id);
            }
          }
        }
        shapeIds[i] = id;
      }
    }
  }

  /**
   * What a criterion's outcomes depend on, as a value that equals another criterion's only when the
   * two have the same outcomes for any facts and date: its condition's source text or its
   * operator and children's shapes, its waiver's condition and its in-force dates. Ids, texts and
   * notes do not count. A ruleset's conditions are compiled without context, against its one set of
   * names, so equal texts are equal conditions. (Texts, not expression trees: hashing records
   * bootstraps method handles, which would cost a single case's start-up.)
   */
  static Object shape(Criterion c) {
    Discretion d = c.discretionary();
    Object waiver = !d.isPresent() ? "none" : d.when().isPresent() ? "if " + d.when().get().source() : "always";
    if (c instanceof Criterion.Leaf) {
      return List.of("when " + ((Criterion.Leaf) c).when().source(), waiver, c.inForce());
    }
    Criterion.Group g = (Criterion.Group) c;
    List<Object> children = new ArrayList<>(g.children().size());
    for (Criterion child : g.children()) {
      children.add(shape(child));
    }
    return List.of(g.op(), children, waiver, c.inForce());
  }

  private Plan plan(Permit permit) {
    Plan plan = plans.get(permit.id());
    if (plan == null) {
      plan = plans.computeIfAbsent(permit.id(), id -> new Plan(permit, shapes));
    }
    return plan.permit == permit ? plan : new Plan(permit, shapes); // another ruleset's: not kept
  }

  public Evaluator(Ruleset rules) {
    this(rules, DEFAULT_HORIZON);
  }

  /**
   * @param horizon how far after as_of the timeline looks for eligible_from and apply_before; zero
   *     turns the timeline off
   */
  public Evaluator(Ruleset rules, java.time.Period horizon) {
    this.rules = rules;
    this.timeline = horizon.isZero() ? null : new Timeline(this, horizon);
    Symbols symbols = rules.symbols();
    derivedBase = new Symbols.Symbol[symbols.size() - symbols.factCount()][];
    for (int slot = symbols.factCount(); slot < symbols.size(); slot++) {
      Set<String> base = new LinkedHashSet<>();
      expand(symbols.all().get(slot).name(), base, new LinkedHashSet<>());
      Symbols.Symbol[] bases = new Symbols.Symbol[base.size()]; // a loop, not a stream: start-up time
      int i = 0;
      for (String name : base) {
        bases[i++] = symbols.symbol(name);
      }
      derivedBase[slot - symbols.factCount()] = bases;
    }
  }

  public Ruleset rules() {
    return rules;
  }

  /** The base facts a condition of the rules reads, directly or through derived facts. */
  public List<String> baseFacts(CompiledExpr condition) {
    Set<String> base = new LinkedHashSet<>();
    baseFacts(condition, null, base);
    return List.copyOf(base);
  }

  /**
   * Adds {@link #baseFacts} of {@code e} to {@code out}, in that order, or only those unknown in
   * {@code unknownIn} if it is given ({@code out} keeps the first place of a fact named twice).
   */
  private void baseFacts(CompiledExpr e, Env unknownIn, Set<String> out) {
    Symbols symbols = rules.symbols();
    List<String> reads = e.reads();
    for (int i = 0; i < reads.size(); i++) {
      Symbols.Symbol s = symbols.symbol(reads.get(i));
      if (s == null) {
        continue;
      }
      if (!s.derived()) {
        if (unknownIn == null || unknown(s, unknownIn, e)) {
          out.add(s.name());
        }
        continue;
      }
      for (Symbols.Symbol base : derivedBase[s.slot() - symbols.factCount()]) {
        if (unknownIn == null || unknown(base, unknownIn, e)) {
          out.add(base.name());
        }
      }
    }
  }

  /**
   * Whether a fact is unknown in {@code env}, or is a list whose items leave unknown a field that
   * {@code condition} reads (a child whose schooling was not given): what the condition still waits for.
   */
  static boolean unknown(Symbols.Symbol fact, Env env, CompiledExpr condition) {
    Object v = env.value(fact.slot());
    if (v == null) {
      return true;
    }
    return fact.type().kind() == Type.Kind.LIST
        && !holes((List<?>) v, fact.type().fields().keySet(), condition.fieldsRead(env.symbols())).isEmpty();
  }

  /**
   * The item and field of each field of {@code fields} that {@code read} names and an item of a list
   * leaves unknown, in order.
   */
  static List<int[]> holes(List<?> items, Iterable<String> fields, Set<String> read) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<?, ?> item = (Map<?, ?>) items.get(i);
      int f = 0;
      for (String field : fields) {
        if (read.contains(field) && item.get(field) == null) {
          out.add(new int[] {i, f});
        }
        f++;
      }
    }
    return out;
  }

  /**
   * Adds to {@code out} the unknown facts of an undecided condition that can change its value: not
   * {@code c} in {@code a or (b and c)} once {@code b} is false ({@link Relevance#matters}).
   */
  private void deciding(CompiledExpr condition, Env env, Set<String> out) {
    Set<String> unknown = new LinkedHashSet<>();
    baseFacts(condition, env, unknown);
    if (unknown.size() == 1 && env.value(unknown.iterator().next()) == null) {
      out.addAll(unknown); // the one fact left unknown decides the condition
      return;
    }
    Relevance r = relevance;
    if (r == null) {
      r = new Relevance(this); // made once it is needed; two threads may each make one, alike
      relevance = r;
    }
    for (String fact : unknown) {
      if (!out.contains(fact) && r.matters(condition, fact, env, Set.of())) {
        out.add(fact);
      }
    }
  }

  private void expand(String name, Set<String> out, Set<String> seen) {
    if (!seen.add(name)) {
      return;
    }
    if (rules.facts().containsKey(name)) {
      out.add(name);
    } else if (rules.derived().containsKey(name)) {
      for (String read : rules.derived().get(name).expr().reads()) {
        expand(read, out, seen);
      }
    }
  }

  /** The permits in scope for a case, in rules-file order. */
  public List<Permit> permitsFor(Case c, Scope scope) {
    return scoped(c, scope).permits;
  }

  private Scoped scoped(Case c, Scope scope) {
    if (!scope.countries().isEmpty() || !scope.permits().isEmpty()) {
      return new Scoped(inScope(c, scope));
    }
    // every permit of the case's country (or of all): the same few lists for a whole batch
    String country = c.country().orElse("");
    Scoped scoped = permitsByCountry.get(country);
    if (scoped == null) {
      scoped = permitsByCountry.computeIfAbsent(country, k -> new Scoped(List.copyOf(inScope(c, scope))));
    }
    return scoped;
  }

  private List<Permit> inScope(Case c, Scope scope) {
    List<Permit> out = new ArrayList<>();
    for (Country country : rules.countries()) {
      boolean countryIn = scope.countries().isEmpty()
          ? c.country().isEmpty() || c.country().get().equals(country.code())
          : scope.countries().contains(country.code());
      if (!countryIn) {
        continue;
      }
      for (Permit p : country.permits()) {
        if (scope.permits().isEmpty() || scope.permits().contains(p.id())) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** Builds the evaluation context of a case: fact values by slot. */
  public Env env(Case c, LocalDate asOf) {
    Symbols symbols = rules.symbols();
    LocalDate application = c.applicationDate().orElse(asOf);
    Object[] bySlot = c.factsBySlot(symbols);
    if (bySlot != null) {
      return new Env(symbols, bySlot, asOf, application); // the reader put them in slots
    }
    Object[] values = new Object[symbols.factCount()];
    for (Map.Entry<String, Object> fact : c.facts().entrySet()) {
      Symbols.Symbol s = symbols.symbol(fact.getKey());
      if (s != null) {
        values[s.slot()] = fact.getValue();
      }
    }
    return new Env(symbols, values, asOf, application);
  }

  public Evaluation evaluate(Case c, LocalDate asOf, Scope scope) {
    return evaluate(c, asOf, scope, false);
  }

  /**
   * @param topLevelOnly give each result only the top level of its criteria tree (with their outcomes
   *     and waivers, no facts, no deeper results), which is all that verdicts, near misses, missing
   *     facts and the timeline's dates are shown with in compact batch records; faster. Verdicts,
   *     near misses, missing facts and dates are the same either way.
   */
  public Evaluation evaluate(Case c, LocalDate asOf, Scope scope, boolean topLevelOnly) {
    Env env = env(c, asOf);
    List<PermitResult> results = new ArrayList<>();
    Scoped scoped = scoped(c, scope);
    List<Permit> permits = scoped.permits;
    // the packed outcomes (plus one; 0: not yet) of this case's top-level criteria, by shape
    int[] byShape = topLevelOnly ? new int[shapes.size()] : null;
    long[][] collected = timeline != null ? timeline.newCase() : null;
    for (int i = 0; i < permits.size(); i++) { // indexed loops here and below: no iterator per loop
      Permit p = permits.get(i);
      PermitResult r;
      if (topLevelOnly) {
        Plan plan = scoped.plans[i];
        if (plan == null) {
          plan = plan(p);
          scoped.plans[i] = plan;
        }
        r = topLevel(p, plan, env, byShape);
      } else {
        r = evaluate(p, env);
      }
      if (timeline != null) {
        Timeline.Analysed a = scoped.analysed[i];
        if (a == null) {
          a = timeline.analysed(p);
          scoped.analysed[i] = a;
        }
        Timeline.Dates t = timeline.of(p, a, r.verdict(), r.tree(), env, c.applicationDate(), collected);
        if (t.eligibleFrom().isPresent() || t.applyBefore().isPresent() || t.eligibleUntil().isPresent()
            || t.fromIfRequested().isPresent()) {
          r = new PermitResult(p, r.verdict(), r.nearMiss(), r.tree(), r.missing(), t.eligibleFrom(), t.applyBefore(),
              t.fromDiscretionary(), t.eligibleUntil(), t.afterApplyBefore(), t.missingAfter(), t.judgedAt(),
              t.fromIfRequested(), t.requestFrom(), t.requestBy(), t.ifRequestedDiscretionary());
        }
      }
      results.add(r);
    }
    return new Evaluation(c, asOf, env.applicationDate(), results);
  }

  /** Evaluates one permit (without its timeline). */
  PermitResult evaluate(Permit permit, Env env) {
    CriterionResult tree = criterion(permit.criteria(), env);
    Verdict verdict = verdict(permit, tree, env);
    boolean nearMiss = false;
    List<String> missing = List.of();
    if (verdict == Verdict.NOT_ELIGIBLE) {
      nearMiss = nearMiss(permit, tree);
    } else if (factsCanChange(permit, verdict)) {
      missing = missing(permit, tree, env, verdict == Verdict.UNDETERMINED);
    }
    return new PermitResult(permit, verdict, nearMiss, tree, missing, Optional.empty(), Optional.empty());
  }

  /**
   * Whether facts not given can still change the verdict: an open one, or a discretionary one that
   * would be eligible with every criterion met. A permit the authority always decides stays
   * discretionary once its criteria are met or waived (its root's lenient outcome is met, which no
   * answer undoes), so nothing is missing: e.g. an unknown asylum time limit for an admission
   * exceptionnelle, which a late request only leaves to the préfet as the permit itself is.
   */
  private static boolean factsCanChange(Permit permit, Verdict verdict) {
    return verdict == Verdict.UNDETERMINED || verdict == Verdict.DISCRETIONARY && permit.discretionary().isEmpty();
  }

  /**
   * Evaluates one permit as {@link #evaluate(Permit, Env)} does, with only the top level of the tree
   * (see {@link #evaluate(Case, LocalDate, Scope, boolean)}). The missing facts of a permit whose
   * verdict is open or discretionary are found by walking down the criteria, without building results.
   *
   * @param byShape the outcomes of the top-level criteria worked out so far for the same Env, by
   *     shape ({@link #shapes}; packed as {@link #outcomes} packs them, plus one; 0: not yet): read
   *     and filled; a shape beyond its end is worked out each time
   */
  private PermitResult topLevel(Permit permit, Plan plan, Env env, int[] byShape) {
    Criterion root = permit.criteria();
    if (!root.inForce().contains(env.asOfDay())) {
      return evaluate(permit, env); // no tree below an out-of-force root
    }
    Criterion[] top = plan.top;
    int[] packed = new int[top.length];
    CriterionResult[] results = new CriterionResult[top.length];
    for (int i = 0; i < top.length; i++) {
      int o = topOutcomes(top[i], env, plan.shapeIds[i], byShape);
      packed[i] = o;
      CriterionResult[] made = plan.shallow[i]; // the common case here, as C1 does not inline shallow
      CriterionResult r = made != null ? made[o] : null;
      results[i] = r != null ? r : shallow(top[i], plan, i, o);
    }
    CriterionResult tree;
    if (permit.rootIsTopLevel()) {
      tree = results[0];
    } else {
      Criterion.Group g = (Criterion.Group) root;
      tree = withDiscretion(g, combine(g.op(), packed, false), combine(g.op(), packed, true), Map.of(),
          new ResultList(results), env);
    }
    Verdict verdict = verdict(permit, tree, env);
    List<String> missing = List.of();
    if (factsCanChange(permit, verdict)) {
      missing = missing(root, packed(tree), permit.rootIsTopLevel() ? null : packed, env,
          verdict == Verdict.UNDETERMINED);
    }
    boolean nearMiss = verdict == Verdict.NOT_ELIGIBLE && nearMiss(packed);
    return new PermitResult(permit, verdict, nearMiss, tree, missing, Optional.empty(), Optional.empty());
  }

  /**
   * The packed outcomes of a top-level criterion, taken from {@code byShape} when its shape was
   * worked out before for the same Env, else worked out and kept there.
   */
  private int topOutcomes(Criterion c, Env env, int shape, int[] byShape) {
    if (shape < byShape.length && byShape[shape] != 0) {
      return byShape[shape] - 1;
    }
    int o = outcomes(c, env);
    if (shape < byShape.length) {
      byShape[shape] = o + 1;
    }
    return o;
  }

  /**
   * The result of the permit's top-level criterion {@code i} with packed outcomes {@code o}, without
   * its facts or children, from the plan when it was made before.
   */
  private static CriterionResult shallow(Criterion c, Plan plan, int i, int o) {
    CriterionResult[] byOutcomes = plan.shallow[i];
    if (byOutcomes == null) {
      byOutcomes = new CriterionResult[WAIVED * 2];
      plan.shallow[i] = byOutcomes;
    }
    CriterionResult r = byOutcomes[o];
    if (r == null) {
      r = new CriterionResult(c, OUTCOMES[o >> 2 & 3], OUTCOMES[o & 3], (o & WAIVED) != 0, Map.of(), List.of());
      byOutcomes[o] = r;
    }
    return r;
  }

  static Verdict verdict(Permit permit, CriterionResult tree, Env env) {
    return verdict(permit, tree.outcome(), tree.lenient(), env);
  }

  private static Verdict verdict(Permit permit, Outcome strict, Outcome lenient, Env env) {
    if (!permit.inForce().contains(env.asOfDay()) || !permit.window().contains(env.applicationDay())) {
      return Verdict.NOT_IN_FORCE;
    }
    if (strict == Outcome.MET) {
      return permit.discretionary().isEmpty() ? Verdict.ELIGIBLE : Verdict.DISCRETIONARY;
    }
    switch (lenient) {
      case NOT_MET:
        return Verdict.NOT_ELIGIBLE;
      case MET:
        return Verdict.DISCRETIONARY;
      default:
        return Verdict.UNDETERMINED;
    }
  }

  /**
   * One or two top-level criteria fail (and cannot be waived), and none is unknown: a criterion that
   * fails and may be waived (its waiver's condition unknown) is a failure or not, and the answer holds
   * when it holds both ways.
   */
  private static boolean nearMiss(Permit permit, CriterionResult tree) {
    List<CriterionResult> top = PermitResult.topLevel(permit, tree);
    int[] packed = new int[top.size()];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = packed(top.get(i));
    }
    return nearMiss(packed);
  }

  /** {@link #nearMiss(Permit, CriterionResult)} from the top-level criteria's packed outcomes. */
  private static boolean nearMiss(int[] top) {
    int failing = 0;
    int maybe = 0; // fail, and may be waived
    for (int o : top) {
      Outcome lenient = OUTCOMES[o & 3];
      if (lenient == Outcome.NOT_MET) {
        failing++;
      } else if (lenient == Outcome.UNKNOWN && OUTCOMES[o >> 2 & 3] == Outcome.NOT_MET) {
        maybe++;
      } else if (lenient == Outcome.UNKNOWN) {
        return false;
      }
    }
    return failing >= 1 && failing + maybe <= 2;
  }

  /**
   * The unknown facts under the unknown part of a permit's criteria: those whose answer would decide.
   * {@code lenient}: follow the outcomes with discretion applied (what decides between undetermined
   * and a verdict); otherwise the strict outcomes (what could make a discretionary permit eligible).
   * The outcomes of the root and of the top level are taken from {@code tree} (full or top level
   * only); those below are computed on the way down.
   */
  private List<String> missing(Permit permit, CriterionResult tree, Env env, boolean lenient) {
    int[] known = null;
    if (!permit.rootIsTopLevel() && tree.children().size() == permit.topLevel().size()) {
      known = new int[tree.children().size()];
      for (int i = 0; i < known.length; i++) {
        known[i] = packed(tree.children().get(i));
      }
    }
    return missing(permit.criteria(), packed(tree), known, env, lenient);
  }

  /** The walk of {@link #missing(Criterion, int, int[], Env, Set, boolean)} from the root, as a list. */
  private List<String> missing(Criterion root, int o, int[] known, Env env, boolean lenient) {
    Set<String> out = new LinkedHashSet<>();
    missing(root, o, known, env, out, lenient);
    return List.copyOf(out);
  }

  /** A result's outcomes packed as {@link #outcomes} packs them (without the waiver bit). */
  private static int packed(CriterionResult r) {
    return r.outcome().ordinal() << 2 | r.lenient().ordinal();
  }

  /**
   * The walk of {@link #missing(Permit, CriterionResult, Env, boolean)} from {@code c}: the outcomes
   * below it are computed on the way down, as {@link #outcomes} gives them.
   *
   * @param o the outcomes of {@code c}, packed
   * @param known the packed outcomes of {@code c}'s children if known, else null
   */
  private void missing(Criterion c, int o, int[] known, Env env, Set<String> out, boolean lenient) {
    Outcome strict = OUTCOMES[o >> 2 & 3];
    if ((lenient ? OUTCOMES[o & 3] : strict) != Outcome.UNKNOWN) {
      return;
    }
    if (c instanceof Criterion.Leaf) {
      if (strict == Outcome.UNKNOWN) {
        deciding(((Criterion.Leaf) c).when(), env, out);
      }
    } else {
      List<Criterion> children = ((Criterion.Group) c).children();
      for (int i = 0; i < children.size(); i++) {
        Criterion child = children.get(i);
        missing(child, known != null ? known[i] : outcomes(child, env), null, env, out, lenient);
      }
    }
    if (lenient && strict != Outcome.MET && c.discretionary().when().isPresent()) {
      deciding(c.discretionary().when().get(), env, out);
    }
  }

  /**
   * The verdict of one permit alone, as {@link #evaluate(Permit, Env)} gives it, without building the
   * tree of results that explains it: what the timeline needs at each of its dates.
   */
  Verdict verdictOnly(Permit permit, Env env) {
    return verdictOf(standing(permit, env));
  }

  /**
   * {@link #verdictOnly} in the low bits ({@link #verdictOf}), and, for a permit available only at
   * the authority's discretion, which top-level criteria are not met without a waiver ({@link
   * #waivedOf}, one bit each in their order; the 61st and later share the last bit). Nothing is waived
   * for an eligible permit, nor for one decided at the authority's discretion whatever its criteria
   * (the Belgian 9bis routes) when every criterion is met. The timeline tells by it the last day
   * before one more criterion is left to the authority.
   */
  long standing(Permit permit, Env env) {
    if (!permit.inForce().contains(env.asOfDay()) || !permit.window().contains(env.applicationDay())) {
      return Verdict.NOT_IN_FORCE.ordinal();
    }
    int o = outcomes(permit.criteria(), env);
    Outcome strict = OUTCOMES[o >> 2 & 3];
    Verdict v = verdict(permit, strict, OUTCOMES[o & 3], env);
    if (strict == Outcome.MET || v != Verdict.DISCRETIONARY) {
      return v.ordinal();
    }
    if (permit.rootIsTopLevel()) {
      return v.ordinal() | 1L << 3;
    }
    long waived = 0;
    List<Criterion> top = ((Criterion.Group) permit.criteria()).children();
    for (int i = 0, n = top.size(); i < n; i++) {
      waived |= waivedBit(i, OUTCOMES[outcomes(top.get(i), env) >> 2 & 3]);
    }
    return v.ordinal() | waived << 3;
  }

  static Verdict verdictOf(long standing) {
    return VERDICTS[(int) (standing & 7)];
  }

  /** The top-level criteria that a {@link #standing} leaves to the authority's discretion. */
  static long waivedOf(long standing) {
    return standing >>> 3;
  }

  /** {@link #waivedOf} for a permit's verdict and tree of results. */
  static long waivedOf(Permit permit, Verdict v, CriterionResult tree) {
    if (v != Verdict.DISCRETIONARY || tree.outcome() == Outcome.MET) {
      return 0;
    }
    List<CriterionResult> top = PermitResult.topLevel(permit, tree);
    long waived = 0;
    for (int i = 0; i < top.size(); i++) {
      waived |= waivedBit(i, top.get(i).outcome());
    }
    return waived;
  }

  /** The bit of the top-level criterion at {@code index} when its strict outcome needs a waiver. */
  private static long waivedBit(int index, Outcome strict) {
    return strict == Outcome.MET || strict == Outcome.NOT_IN_FORCE ? 0 : 1L << Math.min(index, 60);
  }

  private static final Verdict[] VERDICTS = Verdict.values();

  private static final Outcome[] OUTCOMES = Outcome.values();
  /** What {@link #outcomes} gives a criterion out of force. */
  private static final int NOT_IN_FORCE = Outcome.NOT_IN_FORCE.ordinal() << 2 | Outcome.NOT_IN_FORCE.ordinal();
  /** The bit of {@link #outcomes} that says the criterion is waivable. */
  private static final int WAIVED = 16;

  /**
   * The strict and the lenient outcome of a criterion, packed as {@code strict << 2 | lenient}
   * (ordinals), plus {@link #WAIVED} when it is waivable, computed exactly as {@link #criterion} and
   * {@link #withDiscretion} do.
   */
  private int outcomes(Criterion c, Env env) {
    // the record's own accessors after a type test, not the interface's: C1, the compiler of
    // multi-job batches, inlines those, and this runs for every criterion of every permit
    Outcome strict;
    Outcome lenient;
    Discretion d;
    if (c instanceof Criterion.Leaf) {
      Criterion.Leaf leaf = (Criterion.Leaf) c;
      if (!leaf.inForce().contains(env.asOfDay())) {
        return NOT_IN_FORCE;
      }
      strict = Outcome.of(leaf.when().test(env));
      lenient = strict;
      d = leaf.discretionary();
    } else {
      Criterion.Group g = (Criterion.Group) c;
      if (!g.inForce().contains(env.asOfDay())) {
        return NOT_IN_FORCE;
      }
      List<Criterion> children = g.children();
      if (g.op() == Criterion.Op.NOT) {
        strict = OUTCOMES[outcomes(children.get(0), env) >> 2 & 3].negate();
        lenient = strict;
      } else {
        boolean all = g.op() == Criterion.Op.ALL;
        Outcome decisive = all ? Outcome.NOT_MET : Outcome.MET;
        boolean strictDecided = false;
        boolean lenientDecided = false;
        boolean strictUnknown = false;
        boolean lenientUnknown = false;
        for (int i = 0, n = children.size(); i < n; i++) {
          int o = outcomes(children.get(i), env);
          Outcome s = OUTCOMES[o >> 2 & 3];
          Outcome l = OUTCOMES[o & 3];
          strictDecided |= s == decisive;
          lenientDecided |= l == decisive;
          strictUnknown |= s == Outcome.UNKNOWN;
          lenientUnknown |= l == Outcome.UNKNOWN;
          if (strictDecided && lenientDecided) {
            break;
          }
        }
        Outcome otherwise = all ? Outcome.MET : Outcome.NOT_MET;
        strict = strictDecided ? decisive : strictUnknown ? Outcome.UNKNOWN : otherwise;
        lenient = lenientDecided ? decisive : lenientUnknown ? Outcome.UNKNOWN : otherwise;
      }
      d = g.discretionary();
    }
    if (d == Discretion.NONE || strict == Outcome.MET) {
      return strict.ordinal() << 2 | lenient.ordinal();
    }
    Outcome waiver = d.when().isPresent() ? Outcome.of(d.when().get().test(env)) : Outcome.MET;
    Outcome result = waivable(waiver, lenient);
    return strict.ordinal() << 2 | result.ordinal() | (waiver == Outcome.MET ? WAIVED : 0);
  }

  CriterionResult criterion(Criterion c, Env env) {
    if (!c.inForce().contains(env.asOfDay())) {
      return new CriterionResult(c, Outcome.NOT_IN_FORCE, Outcome.NOT_IN_FORCE, false, Map.of(), List.of());
    }
    if (c instanceof Criterion.Leaf) {
      Criterion.Leaf leaf = (Criterion.Leaf) c;
      Outcome o = Outcome.of(leaf.when().test(env));
      return withDiscretion(c, o, o, new FactsRead(leaf.when().reads(), env), List.of(), env);
    }
    Criterion.Group g = (Criterion.Group) c;
    List<CriterionResult> children = new ArrayList<>(g.children().size());
    for (Criterion child : g.children()) {
      children.add(criterion(child, env));
    }
    return group(g, children, env);
  }

  /** The result of a group from its children's results. */
  private static CriterionResult group(Criterion.Group g, List<CriterionResult> children, Env env) {
    int[] packed = new int[children.size()];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = packed(children.get(i));
    }
    return withDiscretion(g, combine(g.op(), packed, false), combine(g.op(), packed, true), Map.of(), children, env);
  }

  /**
   * Applies a criterion's discretion: when it is not met (or unknown) and the waiver's condition holds
   * (or it has none), the authority may still grant. The lenient outcome is "met or waivable".
   */
  private static CriterionResult withDiscretion(Criterion c, Outcome strict, Outcome lenient,
      Map<String, Object> facts, List<CriterionResult> children, Env env) {
    Discretion d = c.discretionary();
    if (!d.isPresent() || strict == Outcome.MET) {
      return new CriterionResult(c, strict, lenient, false, facts, children);
    }
    Outcome waiver = Outcome.MET;
    if (d.when().isPresent()) {
      CompiledExpr when = d.when().get();
      waiver = Outcome.of(when.test(env));
      List<String> names = new ArrayList<>(facts.keySet());
      when.reads().stream().filter(n -> !names.contains(n)).forEach(names::add);
      facts = new FactsRead(List.copyOf(names), env);
    }
    Outcome result = waivable(waiver, lenient);
    return new CriterionResult(c, strict, result, waiver == Outcome.MET, facts, children);
  }

  /** The lenient outcome of a criterion with a waiver: met or waivable, else unknown, else not met. */
  private static Outcome waivable(Outcome waiver, Outcome lenient) {
    return waiver == Outcome.MET || lenient == Outcome.MET ? Outcome.MET
        : waiver == Outcome.UNKNOWN || lenient == Outcome.UNKNOWN ? Outcome.UNKNOWN : Outcome.NOT_MET;
  }

  /**
   * A group's strict or lenient outcome from its children's packed outcomes: {@code all} fails with
   * one child that fails, {@code any} holds with one that holds, else either is unknown with one
   * unknown child; {@code not} is its child's strict outcome negated, both ways. A child out of
   * force counts for neither.
   */
  private static Outcome combine(Criterion.Op op, int[] children, boolean lenient) {
    if (op == Criterion.Op.NOT) {
      return OUTCOMES[children[0] >> 2 & 3].negate();
    }
    Outcome decisive = op == Criterion.Op.ALL ? Outcome.NOT_MET : Outcome.MET;
    boolean unknown = false;
    for (int o : children) {
      Outcome x = OUTCOMES[lenient ? o & 3 : o >> 2 & 3];
      if (x == decisive) {
        return decisive;
      }
      unknown |= x == Outcome.UNKNOWN;
    }
    return unknown ? Outcome.UNKNOWN : op == Criterion.Op.ALL ? Outcome.MET : Outcome.NOT_MET;
  }
}
