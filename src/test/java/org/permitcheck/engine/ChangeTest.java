package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** What a change of the rules moved: verdicts and the top-level criteria that made the difference. */
class ChangeTest {
  static final String WAIVER =
      "              discretionary: {text: {en: may waive, fr: peut renoncer}, when: \"waiver_ok\"}\n";
  static final Ruleset WITH_WAIVER = EvaluatorTest.RULESET;
  static final Ruleset WITHOUT_WAIVER = load(EvaluatorTest.RULES.replace(WAIVER, ""));

  static Ruleset load(String text) {
    assertThat(text).isNotEqualTo(EvaluatorTest.RULES);
    Checked<Ruleset> r = RulesLoader.load(new SourceText("t.yaml", text));
    assertThat(r.errors()).as("a warning at most: the fact of the waiver may be no longer used").isEmpty();
    return r.value().get();
  }

  static List<Change> between(Ruleset before, Ruleset after, Object... facts) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (int i = 0; i < facts.length; i += 2) {
      f.put((String) facts[i], facts[i + 1]);
    }
    Case c = new Case("c", "c.yaml", Optional.empty(), Optional.empty(), Optional.empty(), f, Map.of());
    Scope p = new Scope(Set.of(), Set.of("P"));
    return Change.between(new Evaluator(before).evaluate(c, EvaluatorTest.AS_OF, p),
        new Evaluator(after).evaluate(c, EvaluatorTest.AS_OF, p));
  }

  /** The one change of permit P, with its transition, and the one criterion it names. */
  static Change.CriterionChange onlyCriterion(Ruleset before, Ruleset after, String transition, Object... facts) {
    List<Change> changes = between(before, after, facts);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).transition()).isEqualTo(transition);
    assertThat(changes.get(0).criteria()).hasSize(1);
    return changes.get(0).criteria().get(0);
  }

  @Test
  void namesTheCriterionWhoseWaiverWasRemoved() {
    assertThat(onlyCriterion(WITH_WAIVER, WITHOUT_WAIVER, "discretionary → not_eligible",
        "a", true, "b", true, "c", false, "waiver_ok", true))
        .isEqualTo(new Change.CriterionChange("c", Outcome.NOT_MET, Outcome.NOT_MET, Outcome.MET, Outcome.NOT_MET));
  }

  @Test
  void namesTheCriterionWhoseWaiverWasAdded() {
    assertThat(onlyCriterion(WITHOUT_WAIVER, WITH_WAIVER, "not_eligible → discretionary",
        "a", true, "b", true, "c", false, "waiver_ok", true))
        .isEqualTo(new Change.CriterionChange("c", Outcome.NOT_MET, Outcome.NOT_MET, Outcome.NOT_MET, Outcome.MET));
  }

  @Test
  void namesTheCriterionWhoseWaiverDependedOnAnUnknownFact() {
    assertThat(onlyCriterion(WITH_WAIVER, WITHOUT_WAIVER, "undetermined → not_eligible", "a", true, "b", true,
        "c", false))
        .isEqualTo(new Change.CriterionChange("c", Outcome.NOT_MET, Outcome.NOT_MET, Outcome.UNKNOWN, Outcome.NOT_MET));
  }

  @Test
  void aWaiverThatWasNeverNeededChangesNothing() {
    assertThat(between(WITH_WAIVER, WITHOUT_WAIVER, "a", true, "b", true, "c", true, "waiver_ok", true)).isEmpty();
  }

  @Test
  void namesThePermitsOwnDiscretionAndDatesWhenTheyChange() {
    String p = "        source: {seed: s}\n";
    int at = EvaluatorTest.RULES.indexOf(p) + p.length(); // permit P's, the first
    Ruleset atDiscretion = load(new StringBuilder(EvaluatorTest.RULES)
        .insert(at, "        discretionary: {en: D, fr: D}\n").toString());
    Ruleset dated = load(new StringBuilder(EvaluatorTest.RULES)
        .insert(at, "        in_force: {until: 2020-01-01}\n").toString());
    Object[] facts = {"a", true, "b", true, "c", true};
    List<Change> given = between(WITH_WAIVER, atDiscretion, facts);
    assertThat(given).singleElement().satisfies(c -> {
      assertThat(c.transition()).isEqualTo("eligible → discretionary");
      assertThat(c.criteria()).isEmpty();
      assertThat(c.permitChanges()).containsExactly("discretionary");
    });
    assertThat(between(WITH_WAIVER, dated, facts)).singleElement()
        .satisfies(c -> assertThat(c.permitChanges()).containsExactly("in_force"));
    assertThat(between(WITH_WAIVER, WITH_WAIVER, facts)).isEmpty();
  }
}
