package org.permitcheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one permit's result differs between two evaluations of the same case (two rulesets, two dates,
 * or a what-if): the verdicts, near misses and timeline dates, and the top-level criteria whose
 * outcome, or outcome with discretion, changed — the ones that made the difference.
 *
 * @param before the result before, or null when the permit was not evaluated then
 * @param after the result after, or null when the permit is no longer evaluated
 * @param permitChanges what changed in the permit itself between two rulesets: {@code discretionary}
 *     (its own discretion given or taken away), {@code in_force}, {@code window} (their dates)
 */
public record Change(String permit, PermitResult before, PermitResult after, List<CriterionChange> criteria,
    List<String> permitChanges) {
  /**
   * A top-level criterion whose outcome changed, or whose outcome with discretion changed: the outcome
   * when the authority uses every discretion the rules give it ({@link CriterionResult#lenient}), which
   * is {@code met} for a criterion that may be waived, and moves when a {@code discretionary:} waiver is
   * added or removed or its condition is decided otherwise. A {@code null} outcome: absent on that side.
   */
  public record CriterionChange(String id, Outcome before, Outcome after, Outcome beforeWithDiscretion,
      Outcome afterWithDiscretion) {}

  public Change {
    criteria = List.copyOf(criteria);
    permitChanges = List.copyOf(permitChanges);
  }

  /** "undetermined → eligible"; "(none)" stands for a permit absent on one side. */
  public String transition() {
    return name(before) + " → " + name(after);
  }

  private static String name(PermitResult r) {
    return r == null ? "(none)" : r.verdict().key();
  }

  /** Every permit whose verdict, near miss or timeline differs between the two evaluations. */
  public static List<Change> between(Evaluation before, Evaluation after) {
    Map<String, PermitResult> old = new LinkedHashMap<>();
    before.results().forEach(r -> old.put(r.permit().id(), r));
    List<Change> out = new ArrayList<>();
    for (PermitResult now : after.results()) {
      PermitResult then = old.remove(now.permit().id());
      if (then == null || differs(then, now)) {
        out.add(new Change(now.permit().id(), then, now, criteria(then, now), permitChanges(then, now)));
      }
    }
    old.values().forEach(then -> out.add(new Change(then.permit().id(), then, null, List.of(), List.of())));
    return out;
  }

  static boolean differs(PermitResult a, PermitResult b) {
    return a.verdict() != b.verdict() || a.nearMiss() != b.nearMiss()
        || !a.eligibleFrom().equals(b.eligibleFrom()) || !a.applyBefore().equals(b.applyBefore());
  }

  /** What differs in the permit's own declaration, when both sides have it. */
  private static List<String> permitChanges(PermitResult a, PermitResult b) {
    if (a == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (a.permit().discretionary().isEmpty() != b.permit().discretionary().isEmpty()) {
      out.add("discretionary");
    }
    if (!a.permit().inForce().equals(b.permit().inForce())) {
      out.add("in_force");
    }
    if (!a.permit().window().equals(b.permit().window())) {
      out.add("window");
    }
    return out;
  }

  private static List<CriterionChange> criteria(PermitResult a, PermitResult b) {
    if (a == null) {
      return List.of();
    }
    Map<String, CriterionResult> old = new LinkedHashMap<>();
    for (CriterionResult c : a.topLevel()) {
      old.put(key(c), c);
    }
    List<CriterionChange> out = new ArrayList<>();
    for (CriterionResult c : b.topLevel()) {
      CriterionResult was = old.remove(key(c));
      if (was == null) {
        out.add(new CriterionChange(key(c), null, c.outcome(), null, c.lenient()));
      } else if (was.outcome() != c.outcome() || was.lenient() != c.lenient()) {
        out.add(new CriterionChange(key(c), was.outcome(), c.outcome(), was.lenient(), c.lenient()));
      }
    }
    old.forEach((id, c) -> out.add(new CriterionChange(id, c.outcome(), null, c.lenient(), null)));
    return out;
  }

  private static String key(CriterionResult c) {
    return c.criterion().id().isEmpty() ? c.criterion().text().get("en") : c.criterion().id();
  }
}
