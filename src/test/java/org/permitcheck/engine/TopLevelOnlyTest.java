package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.permitcheck.bench.Generate;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.DateRange;
import org.permitcheck.rules.Discretion;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;
import org.permitcheck.rules.RulesLoader;

/**
 * The top-level-only evaluation of compact batch records agrees with the full one in everything those
 * records show: verdict, near miss, the top-level criteria with their outcomes and waivers, missing
 * facts and the timeline's dates.
 */
class TopLevelOnlyTest {
  @Test
  void showsWhatTheFullEvaluationShowsForEveryPermitAtManyDates() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().get();
    CaseReader reader = new CaseReader(rules, LocalDate.of(2026, 11, 22));
    Evaluator evaluator = new Evaluator(rules);
    Random r = new Random(11);
    int compared = 0;
    int shallow = 0;
    for (int i = 0; i < 400; i++) {
      Generate.Read g = Generate.read(rules, reader, r, i);
      String line = g.line();
      Case c = g.value();
      for (int k = 0; k < 3; k++) {
        LocalDate d = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(6000));
        List<PermitResult> full = evaluator.evaluate(c, d, Scope.ALL).results();
        List<PermitResult> top = evaluator.evaluate(c, d, Scope.ALL, true).results();
        assertThat(top).hasSameSizeAs(full);
        for (int p = 0; p < full.size(); p++) {
          PermitResult f = full.get(p);
          PermitResult t = top.get(p);
          String what = f.permit().id() + " at " + d + " for " + line;
          assertThat(t.permit()).isSameAs(f.permit());
          assertThat(t.verdict()).as(what).isEqualTo(f.verdict());
          assertThat(t.nearMiss()).as(what).isEqualTo(f.nearMiss());
          assertThat(t.missing()).as(what).isEqualTo(f.missing());
          assertThat(t.eligibleFrom()).as(what).isEqualTo(f.eligibleFrom());
          assertThat(t.applyBefore()).as(what).isEqualTo(f.applyBefore());
          assertThat(outline(t.topLevel())).as(what).isEqualTo(outline(f.topLevel()));
          assertThat(t.tree().outcome()).as(what).isEqualTo(f.tree().outcome());
          assertThat(t.tree().lenient()).as(what).isEqualTo(f.tree().lenient());
          if (t.tree() != f.tree() && t.topLevel().stream().allMatch(x -> x.children().isEmpty())) {
            shallow++;
          }
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(shallow).as("results that took the shallow way").isGreaterThan(compared / 2);
  }

  /**
   * A case works out each shape of top-level criterion once for all its permits, so equal shapes must
   * mean equal outcomes: the shape is made of what outcomes depend on and of nothing else.
   */
  @Test
  void criteriaOfOneShapeAreThoseWithTheSameConditionWaiverAndInForceDates() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().get();
    List<Criterion> top = rules.permits().stream().flatMap(p -> p.topLevel().stream()).toList();
    Set<Object> shapes = top.stream().map(Evaluator::shape).collect(Collectors.toSet());
    assertThat(shapes.size()).as("shapes shared between permits").isLessThan(top.size() * 3 / 4);

    Criterion.Leaf leaf = top.stream().filter(c -> c instanceof Criterion.Leaf && !c.discretionary().isPresent())
        .map(c -> (Criterion.Leaf) c)
        .findFirst().get();
    Criterion.Leaf renamed = new Criterion.Leaf("other_id", Text.EMPTY, leaf.when(), leaf.discretionary(),
        leaf.inForce(), Text.EMPTY);
    Criterion.Leaf dated = new Criterion.Leaf(leaf.id(), leaf.text(), leaf.when(), leaf.discretionary(),
        new DateRange(Optional.of(LocalDate.of(2030, 1, 1)), Optional.empty()), leaf.note());
    Criterion.Leaf waivable = new Criterion.Leaf(leaf.id(), leaf.text(), leaf.when(),
        new Discretion(Text.EMPTY, Optional.empty()), leaf.inForce(), leaf.note());
    assertThat(Evaluator.shape(renamed)).isEqualTo(Evaluator.shape(leaf));
    assertThat(Evaluator.shape(dated)).isNotEqualTo(Evaluator.shape(leaf));
    assertThat(Evaluator.shape(waivable)).isNotEqualTo(Evaluator.shape(leaf));
  }

  private static List<String> outline(List<CriterionResult> top) {
    return top.stream().map(c -> c.criterion().id() + " " + c.outcome() + "/" + c.lenient() + " " + c.waivable())
        .toList();
  }
}
