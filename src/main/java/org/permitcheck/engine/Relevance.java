package org.permitcheck.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.expr.Env;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.DerivedFact;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;

/**
 * Whether an unknown fact can still change a permit's verdict. The evaluator's {@code missing} list
 * names every unknown fact read by an undecided condition; here a fact is dropped when it provably
 * cannot matter, e.g. {@code c} in {@code a and (b or c)} once {@code b} is true. The proof tries
 * every combination of the condition's other unknown facts when they all have few values (yes/no,
 * enums, levels); otherwise the fact is kept, so that nothing that could decide is ever left out.
 * Facts the adviser skipped stay unknown for good: a fact that matters only together with them (e.g.
 * months to subtract from a stay whose start was skipped) is dropped after trying probe values for
 * the facts with too many values to enumerate, a search rather than a proof.
 */
final class Relevance {
  /** Above this many combinations of the other unknown facts, a fact is kept without proof. */
  private static final int MAX_COMBINATIONS = 1024;

  private final Evaluator evaluator;
  private final Ruleset rules;
  private final Set<String> derivedReadingKnown;
  private final Probes probes;

  Relevance(Evaluator evaluator) {
    this.evaluator = evaluator;
    this.rules = evaluator.rules();
    this.probes = new Probes(rules);
    this.derivedReadingKnown = derivedReadingKnown(rules);
  }

  /**
   * Whether {@code fact} (unknown, listed in the result's missing) can change the verdict, given that
   * the {@code skipped} facts stay unknown.
   */
  boolean decides(PermitResult r, String fact, Env env, Set<String> skipped) {
    return walk(r.tree(), r.verdict() == Verdict.UNDETERMINED, c -> matters(c, fact, env, skipped));
  }

  /**
   * Whether the field {@code field} of item {@code item} of the list {@code list}, not yet given, can
   * change the verdict, whatever the list's other fields not yet given turn out to be (the skipped
   * facts stay unknown): while a list is answered item by item, a field that cannot is not asked.
   */
  boolean fieldDecides(PermitResult r, String list, int item, String field, Env env, Set<String> skipped) {
    if (!fieldsDecidingAnything(env).contains(field)) {
      return true; // a field no condition reads (a description) is there to be written down: asked
    }
    return walk(r.tree(), r.verdict() == Verdict.UNDETERMINED,
        c -> fieldMatters(c, list, item, field, env, skipped));
  }

  /** The record fields that some condition of the rules reads, made on first use. */
  private volatile Set<String> fieldsRead;

  private Set<String> fieldsDecidingAnything(Env env) {
    Set<String> known = fieldsRead;
    if (known == null) {
      Set<String> out = new HashSet<>();
      for (Permit p : rules.permits()) {
        addFieldsRead(p.criteria(), env, out);
      }
      known = Set.copyOf(out);
      fieldsRead = known;
    }
    return known;
  }

  private static void addFieldsRead(Criterion c, Env env, Set<String> out) {
    if (c instanceof Criterion.Leaf) {
      out.addAll(((Criterion.Leaf) c).when().fieldsRead(env.symbols()));
    } else {
      for (Criterion child : ((Criterion.Group) c).children()) {
        addFieldsRead(child, env, out);
      }
    }
    c.discretionary().when().ifPresent(w -> out.addAll(w.fieldsRead(env.symbols())));
  }

  /**
   * Whether an undecided condition of the permit still reads {@code fact} (known or not): while a list
   * is answered item by item, its remaining fields matter only if one does.
   */
  boolean readsUndecided(PermitResult r, String fact) {
    return readsUndecided(r.tree(), fact, r.verdict() == Verdict.UNDETERMINED);
  }

  private boolean readsUndecided(CriterionResult r, String fact, boolean lenient) {
    if ((lenient ? r.lenient() : r.outcome()) != Outcome.UNKNOWN) {
      return false;
    }
    Criterion c = r.criterion();
    if (c instanceof Criterion.Leaf && r.outcome() == Outcome.UNKNOWN
        && evaluator.baseFacts(((Criterion.Leaf) c).when()).contains(fact)) {
      return true;
    }
    for (CriterionResult child : r.children()) {
      if (readsUndecided(child, fact, lenient)) {
        return true;
      }
    }
    return lenient && r.outcome() != Outcome.MET
        && c.discretionary().when().map(w -> evaluator.baseFacts(w).contains(fact)).orElse(false);
  }

  /**
   * Mirrors the evaluator's walk for {@code missing}: whether {@code matters} holds for an undecided
   * condition of the undecided part of the tree.
   */
  private boolean walk(CriterionResult r, boolean lenient, Predicate<CompiledExpr> matters) {
    if ((lenient ? r.lenient() : r.outcome()) != Outcome.UNKNOWN) {
      return false;
    }
    Criterion c = r.criterion();
    if (c instanceof Criterion.Leaf) {
      if (r.outcome() == Outcome.UNKNOWN && matters.test(((Criterion.Leaf) c).when())) {
        return true;
      }
    } else {
      for (CriterionResult child : r.children()) {
        if (walk(child, lenient, matters)) {
          return true;
        }
      }
    }
    return lenient && r.outcome() != Outcome.MET && c.discretionary().when().map(matters::test).orElse(false);
  }

  /**
   * {@link #fieldDecides} for one undecided condition: with every combination of the condition's
   * other unknown facts and of the list's other fields not yet given that it reads, whether two values
   * of the field give different results. Kept (true) when those cannot all be tried.
   */
  private boolean fieldMatters(CompiledExpr condition, String list, int item, String field, Env env,
      Set<String> skipped) {
    Object value = env.value(list);
    Set<String> read = condition.fieldsRead(env.symbols());
    if (!(value instanceof List) || !read.contains(field) || !evaluator.baseFacts(condition).contains(list)) {
      return false;
    }
    Fact listFact = rules.facts().get(list);
    List<Object> own = domain(listFact.fields().get(field));
    if (own.isEmpty() || readsKnown(condition)) {
      return true;
    }
    List<?> items = (List<?>) value;
    @SuppressWarnings("unchecked")
    Map<String, Object> asked = (Map<String, Object>) items.get(item);
    if (condition.itemFieldCannotMatter(env, slot(list), asked, field, own)) {
      return false; // e.g. a child who is not Belgian: whether it has a family life with the person
    }
    Optional<Others> others = others(condition, list, env, false, skipped);
    List<String> names = new ArrayList<>(listFact.fields().keySet());
    List<int[]> holes = new ArrayList<>(Evaluator.holes(items, names, read));
    holes.removeIf(h -> h[0] == item && names.get(h[1]).equals(field));
    List<List<Map<String, Object>>> rest = filled(listFact, items, names, holes,
        MAX_COMBINATIONS / others.map(Others::combinations).orElse(MAX_COMBINATIONS + 1));
    if (others.isEmpty() || rest.isEmpty()) {
      return true;
    }
    Object[] values = values(env);
    Others o = others.get();
    int listSlot = slot(list);
    for (int n = 0; n < o.combinations(); n++) {
      o.fill(n, values);
      for (List<Map<String, Object>> filled : rest) {
        // the list with the field at each of its values
        List<Object> lists = new ArrayList<>(own.size());
        for (Object v : own) {
          List<Map<String, Object>> copy = copy(filled);
          copy.get(item).put(field, v);
          lists.add(copy);
        }
        values[listSlot] = filled; // as it stands: the field not given
        if (changes(condition, values, listSlot, lists, env)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The other unknown facts of a condition to try, by slot, with the values to try for each. */
  private record Others(List<Integer> slots, List<List<Object>> values, int combinations) {
    /** Puts combination {@code n} of the values in {@code into}, by slot. */
    void fill(int n, Object[] into) {
      int rest = n;
      for (int i = 0; i < slots.size(); i++) {
        List<Object> d = values.get(i);
        into[slots.get(i)] = d.get(rest % d.size());
        rest /= d.size();
      }
    }
  }

  /**
   * Whether {@code fact}, unknown and read by the undecided {@code condition}, can change its value,
   * given that the {@code skipped} facts stay unknown. Safe to call from several threads.
   */
  boolean matters(CompiledExpr condition, String fact, Env env, Set<String> skipped) {
    List<String> base = evaluator.baseFacts(condition);
    if (!base.contains(fact) || readsKnown(condition)) {
      return base.contains(fact);
    }
    boolean fixedUnknowns = base.stream().anyMatch(f -> !f.equals(fact) && skipped.contains(f) && env.value(f) == null);
    Optional<Others> others = others(condition, fact, env, fixedUnknowns, skipped);
    if (others.isEmpty()) {
      return true;
    }
    Object[] values = values(env);
    List<Object> own = domain(rules.facts().get(fact));
    if (env.value(fact) != null) {
      // a list given with some items' fields unknown: the lists those fields can make
      own = fillings(rules.facts().get(fact), env.value(fact), condition, env);
      if (own == null || own.isEmpty()) {
        return own != null; // known through and through, or too many lists to try
      }
    } else if (own.isEmpty() && fixedUnknowns) {
      own = new ArrayList<>();
      own.add(null);
      own.addAll(probes.of(rules.facts().get(fact), condition, env.asOf()));
    }
    Others o = others.get();
    for (int n = 0; n < o.combinations(); n++) {
      o.fill(n, values);
      if (changes(condition, values, slot(fact), own, env)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The condition's other unknown facts that may still be answered, with their values (probes when
   * skipped facts are involved); empty when they are too many to try, or cannot be enumerated.
   */
  private Optional<Others> others(CompiledExpr condition, String fact, Env env, boolean fixedUnknowns,
      Set<String> skipped) {
    List<Integer> slots = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    int combinations = 1;
    for (String other : evaluator.baseFacts(condition)) {
      if (other.equals(fact) || skipped.contains(other)) {
        continue;
      }
      List<Object> d;
      if (env.value(other) != null) {
        d = fillings(rules.facts().get(other), env.value(other), condition, env);
        if (d == null) {
          continue; // known
        }
      } else {
        d = domain(rules.facts().get(other));
      }
      if (d.isEmpty() && fixedUnknowns && env.value(other) == null) {
        d = probes.of(rules.facts().get(other), condition, env.asOf());
      }
      combinations *= Math.max(d.size(), 1);
      if (d.isEmpty() || combinations > MAX_COMBINATIONS) {
        return Optional.empty();
      }
      slots.add(slot(other));
      values.add(d);
    }
    return Optional.of(new Others(slots, values, combinations));
  }

  /**
   * With the other facts fixed, whether the fact's value changes the condition: some two of its values
   * give different results, or (when it has too many values to try) the result is unknown without it.
   * When some facts were skipped (they stay unknown), a fact with many values is tried with probe
   * values instead, after "unknown": it matters if one of them changes the result. A fact without
   * which the condition is unknown, and with one of its values known, matters too, even when every
   * value gives the same result (e.g. {@code a or not a}, or a count of items added to a number): its
   * answer decides what three-valued logic cannot.
   *
   * @param values the facts by slot, the fact as it stands at {@code factSlot} (not given, or a list
   *     whose items leave fields out)
   */
  private boolean changes(CompiledExpr condition, Object[] values, int factSlot, List<Object> own, Env env) {
    Object[] copy = values.clone();
    if (own.isEmpty()) {
      copy[factSlot] = null;
      return eval(condition, copy, env) == null;
    }
    boolean open = eval(condition, copy, env) == null;
    Object first = null;
    for (int i = 0; i < own.size(); i++) {
      copy[factSlot] = own.get(i);
      Object result = eval(condition, copy, env);
      if (open && result != null) {
        return true;
      }
      if (i == 0) {
        first = result;
      } else if (!Objects.equals(first, result)) {
        return true;
      }
    }
    return false;
  }

  private static Object eval(CompiledExpr condition, Object[] values, Env env) {
    return condition.eval(new Env(env.symbols(), values, env.asOf(), env.applicationDate()));
  }

  private int slot(String fact) {
    return rules.symbols().lookup(fact).orElseThrow().slot();
  }

  /**
   * The lists a list fact given with some items' fields unknown can still be, every such field that
   * {@code condition} reads filled in with each of its values; null when none is unknown (or it is no
   * list), empty when a field unknown has too many values to try, or the lists would be too many.
   */
  private static List<Object> fillings(Fact list, Object value, CompiledExpr condition, Env env) {
    if (list.type().kind() != Type.Kind.LIST) {
      return null;
    }
    List<?> items = (List<?>) value;
    List<String> names = new ArrayList<>(list.fields().keySet());
    List<int[]> holes = Evaluator.holes(items, names, condition.fieldsRead(env.symbols()));
    return holes.isEmpty() ? null : new ArrayList<>(filled(list, items, names, holes, MAX_COMBINATIONS));
  }

  /**
   * The lists {@code items} make with each field at {@code holes} (item, field index in {@code names})
   * filled in with each of its values, in every combination; empty when a field there has too many
   * values to try, or the combinations are more than {@code limit}.
   */
  private static List<List<Map<String, Object>>> filled(Fact list, List<?> items, List<String> names,
      List<int[]> holes, int limit) {
    List<List<Object>> domains = new ArrayList<>();
    int combinations = 1;
    for (int[] hole : holes) {
      List<Object> d = domain(list.fields().get(names.get(hole[1])));
      combinations *= Math.max(d.size(), 1);
      if (d.isEmpty() || combinations > limit) {
        return List.of();
      }
      domains.add(d);
    }
    List<List<Map<String, Object>>> out = new ArrayList<>(combinations);
    for (int n = 0; n < combinations; n++) {
      List<Map<String, Object>> filled = copy(items);
      int rest = n;
      for (int h = 0; h < holes.size(); h++) {
        List<Object> d = domains.get(h);
        filled.get(holes.get(h)[0]).put(names.get(holes.get(h)[1]), d.get(rest % d.size()));
        rest /= d.size();
      }
      out.add(filled);
    }
    return out;
  }

  /** A copy of a list's items that can be changed. */
  private static List<Map<String, Object>> copy(List<?> items) {
    List<Map<String, Object>> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(new LinkedHashMap<>(castMap(item)));
    }
    return out;
  }

  /** The case's fact values by slot, to try other values in. */
  private static Object[] values(Env env) {
    Object[] values = new Object[env.symbols().factCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = env.value(i);
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object item) {
    return (Map<String, Object>) item;
  }

  /** The values a fact can take when they are few: yes/no, an enum's or a level's values; else none. */
  private static List<Object> domain(Fact fact) {
    switch (fact.type().kind()) {
      case BOOLEAN:
        return List.of(Boolean.TRUE, Boolean.FALSE);
      case ENUM:
      case LEVEL:
        return List.copyOf(fact.type().values());
      default:
        return List.of();
    }
  }

  /** {@code known()} is the one function that is not monotone in unknowns: no proof through it. */
  private boolean readsKnown(CompiledExpr e) {
    if (e.source().contains("known(")) {
      return true;
    }
    for (String name : e.reads()) {
      if (derivedReadingKnown.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** The derived facts whose expression calls {@code known()}, or reads a derived fact that does. */
  private static Set<String> derivedReadingKnown(Ruleset rules) {
    Set<String> out = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, DerivedFact> d : rules.derived().entrySet()) {
        CompiledExpr e = d.getValue().expr();
        if (!out.contains(d.getKey())
            && (e.source().contains("known(") || e.reads().stream().anyMatch(out::contains))) {
          grew |= out.add(d.getKey());
        }
      }
    }
    return Set.copyOf(out);
  }
}
