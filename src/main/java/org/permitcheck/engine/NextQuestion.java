package org.permitcheck.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.permitcheck.cases.Case;
import org.permitcheck.expr.Env;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;

/**
 * Chooses what an interview asks next: the fact whose answer can decide the most undetermined permits
 * in scope (then the most discretionary permits it could make eligible, then the first declared), and
 * never a fact that can no longer change a verdict. The country comes first when it is not known.
 * Pure and deterministic: the same case, date and scope give the same question.
 */
public final class NextQuestion {
  private final Evaluator evaluator;
  private final Ruleset rules;
  private final Relevance relevance;
  private final Map<String, Integer> order = new LinkedHashMap<>();

  public NextQuestion(Evaluator evaluator) {
    this.evaluator = evaluator;
    this.rules = evaluator.rules();
    this.relevance = new Relevance(evaluator);
    for (String name : rules.facts().keySet()) {
      order.put(name, order.size());
    }
  }

  /**
   * Where every permit in scope stands. {@code skipped} facts stay unknown and are never offered as
   * deciding; a fact restricted to some countries decides only permits of those countries.
   */
  public List<Standing> standings(Case subject, LocalDate asOf, Scope scope, Set<String> skipped) {
    Env env = evaluator.env(subject, asOf);
    List<Standing> out = new ArrayList<>();
    for (Permit p : evaluator.permitsFor(subject, scope)) {
      PermitResult r = evaluator.evaluate(p, env);
      List<String> deciding = new ArrayList<>();
      for (String fact : r.missing()) {
        Fact f = rules.facts().get(fact);
        // a list given with some fields unknown is missing too, but an interview does not ask it again
        if (!skipped.contains(fact) && env.value(fact) == null && f.appliesTo(p.country())
            && relevance.decides(r, fact, env, skipped)) {
          deciding.add(fact);
        }
      }
      out.add(new Standing(r, deciding));
    }
    return out;
  }

  /**
   * The next question, or empty when no answer can change a verdict any more (every permit is decided,
   * or the facts that would decide were skipped). {@code countryOpen}: the country is not known and
   * not yet asked, so it is asked first.
   */
  public Optional<Question> next(List<Standing> standings, boolean countryOpen) {
    if (countryOpen) {
      return Optional.of(Question.country(standings.stream().map(Standing::permit).toList()));
    }
    Map<String, int[]> scores = new LinkedHashMap<>();
    for (Standing s : standings) {
      if (!s.open()) {
        continue;
      }
      boolean undetermined = s.result().verdict() == Verdict.UNDETERMINED;
      for (String fact : s.deciding()) {
        scores.computeIfAbsent(fact, f -> new int[2])[undetermined ? 0 : 1]++;
      }
    }
    Comparator<Map.Entry<String, int[]>> best = Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
        .thenComparingInt(e -> -e.getValue()[1])
        .thenComparingInt(e -> order.get(e.getKey()));
    return scores.entrySet().stream().min(best).map(e -> Question.fact(e.getKey(), decidedBy(standings, e.getKey())));
  }

  /**
   * Whether no open permit depends on {@code fact} any more: every condition that reads it is decided.
   * A list answered item by item can then stop early, its remaining fields unknown: answering them
   * cannot change a verdict.
   */
  public boolean settled(List<Standing> standings, String fact) {
    return standings.stream().filter(Standing::open).noneMatch(s -> relevance.readsUndecided(s.result(), fact));
  }

  /**
   * Whether the field {@code field} of item {@code item} of the list {@code list} in {@code subject}
   * (a list being answered: its later fields not given yet) can still change the verdict of an open
   * permit; a field that cannot is not asked.
   */
  public boolean fieldDecides(List<Standing> standings, Case subject, LocalDate asOf, Set<String> skipped,
      String list, int item, String field) {
    Env env = evaluator.env(subject, asOf);
    for (Standing s : standings) {
      if (s.open() && relevance.fieldDecides(s.result(), list, item, field, env, skipped)) {
        return true;
      }
    }
    return false;
  }

  /** The permits whose verdict an answer to {@code fact} can still change. */
  public static List<String> decidedBy(List<Standing> standings, String fact) {
    return standings.stream().filter(s -> s.open() && s.deciding().contains(fact)).map(Standing::permit).toList();
  }
}
