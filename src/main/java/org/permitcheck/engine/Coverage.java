package org.permitcheck.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;

/**
 * Rule coverage: for every criterion of every permit, which outcomes the cases that check the permit's
 * verdict (under their {@code expect:}) gave it. A criterion is exercised when such a case decided it
 * (met or not met); one only ever unknown, or of a permit no case checks, is not.
 */
public final class Coverage {
  /** One criterion, where it sits ({@code DE-25b/residence_period/#2}), and the outcomes seen. */
  public record Entry(String permit, String path, boolean topLevel, Set<Outcome> seen) {
    public boolean exercised() {
      return seen.contains(Outcome.MET) || seen.contains(Outcome.NOT_MET);
    }
  }

  private final Map<Criterion, Entry> entries = new IdentityHashMap<>();
  private final List<Entry> ordered = new ArrayList<>();
  /** The permits covered, in rules-file order, and those some case checks. */
  private final List<String> permits = new ArrayList<>();
  private final Set<String> checked = new HashSet<>();

  public Coverage(Ruleset rules) {
    this(rules.permits());
  }

  /** The coverage of these permits' criteria only. */
  public Coverage(List<Permit> permits) {
    for (Permit p : permits) {
      this.permits.add(p.id());
      List<Criterion> top = p.topLevel();
      if (!(top.size() == 1 && top.get(0) == p.criteria())) {
        register(p.id(), p.criteria(), p.id(), false);
        List<Criterion> children = ((Criterion.Group) p.criteria()).children();
        for (int i = 0; i < children.size(); i++) {
          walk(p.id(), children.get(i), p.id() + "/" + name(children.get(i), i), true);
        }
      } else {
        walk(p.id(), p.criteria(), p.id() + "/" + name(p.criteria(), 0), true);
      }
    }
  }

  private void walk(String permit, Criterion c, String path, boolean top) {
    register(permit, c, path, top);
    if (c instanceof Criterion.Group) {
      List<Criterion> children = ((Criterion.Group) c).children();
      for (int i = 0; i < children.size(); i++) {
        walk(permit, children.get(i), path + "/" + name(children.get(i), i), false);
      }
    }
  }

  private void register(String permit, Criterion c, String path, boolean top) {
    Entry e = new Entry(permit, path, top, EnumSet.noneOf(Outcome.class));
    entries.put(c, e);
    if (!path.equals(permit)) {
      ordered.add(e);
    }
  }

  private static String name(Criterion c, int index) {
    return c.id().isEmpty() ? "#" + (index + 1) : c.id();
  }

  /**
   * Records the outcomes of one evaluation for the permits {@code expected} names (those whose verdict
   * the case checks). Not thread-safe.
   */
  public void add(Evaluation e, Set<String> expected) {
    for (PermitResult r : e.results()) {
      if (expected.contains(r.permit().id())) {
        checked.add(r.permit().id());
        mark(r.tree());
      }
    }
  }

  /** The permits whose verdict no case checked, in rules-file order. */
  public List<String> unchecked() {
    return permits.stream().filter(id -> !checked.contains(id)).toList();
  }

  private void mark(CriterionResult r) {
    Entry e = entries.get(r.criterion());
    if (e != null) {
      e.seen().add(r.outcome());
    }
    r.children().forEach(this::mark);
  }

  /** Every criterion in rules-file order (the root group of a permit is left out). */
  public List<Entry> entries() {
    return List.copyOf(ordered);
  }
}
