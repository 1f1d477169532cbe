package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** Every verdict, near misses, discretion, missing facts and dates, on a small ruleset. */
class EvaluatorTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  static final String RULES = String.join("\n",
      "ruleset: t", "version: '1'", "reviewed: 2026-01-01", "languages: [en, fr]",
      "facts:",
      "  a: {type: boolean, question: {en: A, fr: A}}",
      "  b: {type: boolean, question: {en: B, fr: B}}",
      "  c: {type: boolean, question: {en: C, fr: C}}",
      "  waiver_ok: {type: boolean, question: {en: W, fr: W}}",
      "  since: {type: date, question: {en: S, fr: S}}",
      "  kids: {type: list, question: {en: K, fr: K}, fields: {ok: {type: boolean, question: {en: O, fr: O}}, sa: {type: boolean, question: {en: S, fr: S}}}}",
      "countries:",
      "  BE:",
      "    name: {en: B, fr: B}",
      "    permits:",
      "      - id: P",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\"}",
      "            - {id: b, text: {en: B, fr: B}, when: \"b\"}",
      "            - id: c",
      "              text: {en: C, fr: C}",
      "              when: \"c\"",
      "              discretionary: {text: {en: may waive, fr: peut renoncer}, when: \"waiver_ok\"}",
      "      - id: WHOLE",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        discretionary: {en: the authority decides, fr: l'autorité décide}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\"}",
      "      - id: DATED",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        in_force: {from: 2022-12-31, until: 2025-12-31}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\"}",
      "      - id: WINDOW",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        window: {from: 2009-09-15, until: 2009-12-15}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\"}",
      "      - id: OR",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: o, text: {en: O, fr: O}, when: \"a or (b and c)\"}",
      "      - id: KIDS2",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"all(kids, not sa or ok)\"}",
      "            - {id: b, text: {en: B, fr: B}, when: \"b\"}",
      "      - id: KIDS3",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"(any(kids, ok) and a) or (not any(kids, ok) and not a)\"}",
      "      - id: KIDS",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"all(kids, ok)\"}",
      "      - id: YEARS",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - id: long",
      "              text: {en: L, fr: L}",
      "              any:",
      "                - {when: \"years_between(since, as_of) >= 6\", in_force: {from: 2022-12-31}}",
      "                - {when: \"years_between(since, as_of) >= 8\", in_force: {until: 2022-12-30}}",
      "");

  static final Ruleset RULESET = load();

  static Ruleset load() {
    Checked<Ruleset> r = RulesLoader.load(new SourceText("t.yaml", RULES));
    assertThat(r.diagnostics()).isEmpty();
    return r.value().get();
  }

  static PermitResult eval(String permit, LocalDate asOf, Object... facts) {
    return eval(permit, asOf, Optional.empty(), facts);
  }

  static PermitResult eval(String permit, LocalDate asOf, Optional<LocalDate> applied, Object... facts) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (int i = 0; i < facts.length; i += 2) {
      f.put((String) facts[i], facts[i + 1]);
    }
    Case c = new Case("c", "c.yaml", Optional.empty(), Optional.empty(), applied, f, Map.of());
    Evaluation e = new Evaluator(RULESET).evaluate(c, asOf, new Scope(java.util.Set.of(), java.util.Set.of(permit)));
    return e.results().get(0);
  }

  @Test
  void eligibleWhenEveryCriterionIsMet() {
    PermitResult r = eval("P", AS_OF, "a", true, "b", true, "c", true);
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.missing()).isEmpty();
    assertThat(r.tree().outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  void undeterminedWhenNothingFailsButSomethingIsUnknown() {
    PermitResult r = eval("P", AS_OF, "a", true, "c", true);
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.missing()).containsExactly("b");
  }

  @Test
  void notEligibleWithANearMissWhenOneOrTwoCriteriaFailAndNoneIsUnknown() {
    PermitResult one = eval("P", AS_OF, "a", false, "b", true, "c", true);
    assertThat(one.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(one.nearMiss()).isTrue();
    PermitResult two = eval("P", AS_OF, "a", false, "b", false, "c", true);
    assertThat(two.nearMiss()).isTrue();
    PermitResult three = eval("P", AS_OF, "a", false, "b", false, "c", false, "waiver_ok", false);
    assertThat(three.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(three.nearMiss()).isFalse();
  }

  @Test
  void aListItemsUnknownFieldThatCannotChangeAnythingIsNotMissing() {
    PermitResult r = eval("KIDS2", AS_OF, "kids", java.util.List.of(Map.of("sa", false)));
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.missing()).containsExactly("b");
  }

  @Test
  void aFactStillDecidesBesideAListWhoseItemsLeaveAFieldUnknown() {
    PermitResult r = eval("KIDS3", AS_OF, "kids", java.util.List.of(Map.of("sa", true)));
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.missing()).containsExactlyInAnyOrder("kids", "a");
  }

  @Test
  void missingLeavesOutAFactThatCannotChangeTheCondition() {
    assertThat(eval("OR", AS_OF, "b", false).missing()).containsExactly("a");
    assertThat(eval("OR", AS_OF, "b", true).missing()).containsExactly("a", "c");
    assertThat(eval("OR", AS_OF).missing()).containsExactly("a", "b", "c");
  }

  @Test
  void aListWithAnItemsFieldUnknownIsWhatWouldDecide() {
    Map<String, Object> ok = Map.of("ok", true);
    PermitResult partly = eval("KIDS", AS_OF, "kids", java.util.List.of(ok, Map.of()));
    assertThat(partly.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(partly.missing()).containsExactly("kids");
    PermitResult failing = eval("KIDS", AS_OF, "kids", java.util.List.of(Map.of("ok", false), Map.of()));
    assertThat(failing.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(failing.missing()).isEmpty();
    assertThat(eval("KIDS", AS_OF, "kids", java.util.List.of(ok)).verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void noNearMissWhenAnotherCriterionIsUnknown() {
    PermitResult r = eval("P", AS_OF, "a", false, "c", true);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.nearMiss()).isFalse();
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void discretionaryWhenOnlyAWaivableCriterionFailsAndItsWaiverApplies() {
    PermitResult r = eval("P", AS_OF, "a", true, "b", true, "c", false, "waiver_ok", true);
    assertThat(r.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    CriterionResult c = r.tree().children().get(2);
    assertThat(c.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(c.waivable()).isTrue();
    assertThat(c.facts()).containsEntry("c", false).containsEntry("waiver_ok", true);
  }

  @Test
  void notEligibleWhenTheWaiversConditionDoesNotHold() {
    PermitResult r = eval("P", AS_OF, "a", true, "b", true, "c", false, "waiver_ok", false);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.nearMiss()).isTrue();
    assertThat(r.tree().children().get(2).waivable()).isFalse();
  }

  @Test
  void undeterminedWhenTheWaiversConditionIsUnknownAndAsksForIt() {
    PermitResult r = eval("P", AS_OF, "a", true, "b", true, "c", false);
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.missing()).containsExactly("waiver_ok");
  }

  @Test
  void aWholeDiscretionaryDecisionTurnsAnAllMetResultIntoDiscretionary() {
    assertThat(eval("WHOLE", AS_OF, "a", true).verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(eval("WHOLE", AS_OF, "a", false).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
  }

  @Test
  void notInForceBeforeAndAfterItsDatesInclusive() {
    assertThat(eval("DATED", LocalDate.of(2022, 12, 30), "a", true).verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
    assertThat(eval("DATED", LocalDate.of(2022, 12, 31), "a", true).verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(eval("DATED", LocalDate.of(2025, 12, 31), "a", true).verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(eval("DATED", LocalDate.of(2026, 1, 1), "a", true).verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
  }

  @Test
  void anApplicationWindowIsJudgedAtTheApplicationDate() {
    Optional<LocalDate> inWindow = Optional.of(LocalDate.of(2009, 12, 15));
    Optional<LocalDate> late = Optional.of(LocalDate.of(2009, 12, 16));
    assertThat(eval("WINDOW", AS_OF, inWindow, "a", true).verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(eval("WINDOW", AS_OF, late, "a", true).verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
    assertThat(eval("WINDOW", AS_OF, "a", true).verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
  }

  @Test
  void aCriterionOutOfForceIsNeutralAndTheVersionInForceDecides() {
    LocalDate since = LocalDate.of(2016, 6, 1);
    // seven years: enough under the 6-year rule (from 2022-12-31), not under the 8-year rule before it
    assertThat(eval("YEARS", LocalDate.of(2023, 6, 1), "since", since).verdict()).isEqualTo(Verdict.ELIGIBLE);
    PermitResult before = eval("YEARS", LocalDate.of(2022, 12, 30), "since", since);
    assertThat(before.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(before.tree().children().get(0).children()).extracting(CriterionResult::outcome)
        .containsExactly(Outcome.NOT_IN_FORCE, Outcome.NOT_MET);
  }

  @Test
  void recordsTheFactsEachConditionRead() {
    PermitResult r = eval("P", AS_OF, "a", true, "b", false);
    assertThat(r.tree().children().get(0).facts()).containsExactly(Map.entry("a", true));
    assertThat(r.tree().children().get(2).facts()).containsKey("c");
    assertThat(r.tree().children().get(2).facts().get("c")).isNull();
  }
}
