package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
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
      "      - id: WAIVED",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\", discretionary: {text: {en: late, fr: tard}}}",
      "      - id: WHOLE-WAIVED",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        discretionary: {en: the authority decides, fr: l'autorité décide}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\", discretionary: {text: {en: late, fr: tard}}}",
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
      "      - id: AT_LEAST_ONE",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"count(kids, ok) >= 1\"}",
      "      - id: AT_LEAST_TWO",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"count(kids, ok) >= 2\"}",
      "      - id: FEWER_THAN_THREE",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"count(kids, ok) < 3\"}",
      "      - id: SUM",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: k, text: {en: K, fr: K}, when: \"count(kids, ok) + count(kids, sa) >= 1\"}",
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
      "      - id: LAST_DAY_DOUBTFUL",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        window: {until: 2025-12-31}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\"}",
      "            - id: by_30_december",
      "              text: {en: D, fr: D}",
      "              when: \"application_date <= 2025-12-30\"",
      "              discretionary: {text: {en: the last day is doubtful, fr: le dernier jour est douteux}}",
      "      - id: DECIDED_AT_DISCRETION",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        discretionary: {en: the authority decides, fr: l'administration décide}",
      "        criteria:",
      "          all:",
      "            - {id: a, text: {en: A, fr: A}, when: \"a\"}",
      "            - id: within_30_days",
      "              text: {en: D, fr: D}",
      "              when: \"as_of <= 2025-12-30\"",
      "              discretionary: {text: {en: the time limit may roll over, fr: le délai peut être prorogé}, when: \"as_of <= 2026-01-02\"}",
      "      - id: DISCRETION_FIRST",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - id: long",
      "              text: {en: L, fr: L}",
      "              when: \"years_between(since, as_of) >= 6\"",
      "              discretionary: {text: {en: five may do, fr: cinq peuvent suffire}, when: \"years_between(since, as_of) >= 5\"}",
      "      - id: DISCRETION_GAP",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        in_force: {until: 2026-12-31}",
      "        criteria:",
      "          all:",
      "            - id: outside_march_and_april",
      "              text: {en: G, fr: G}",
      "              when: \"as_of < 2026-03-01 or as_of >= 2026-05-01\"",
      "              discretionary: {text: {en: may, fr: peut}}",
      "      - id: DISCRETION_AFTER",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - id: before_march",
      "              text: {en: M, fr: M}",
      "              when: \"as_of < 2026-03-01\"",
      "              discretionary: {text: {en: may, fr: peut}}",
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

  @ParameterizedTest(name = "{0} with kids {1}: {2}, missing {3}")
  @CsvSource(delimiter = '|', value = {
    // one kid ok, one not known: 1 or 2 kids ok
    "AT_LEAST_ONE | ok=true; - | ELIGIBLE | -",
    "FEWER_THAN_THREE | ok=true; - | ELIGIBLE | -",
    "AT_LEAST_TWO | ok=true; - | UNDETERMINED | kids",
    // one kid not ok, one not known: 0 or 1
    "AT_LEAST_TWO | ok=false; - | NOT_ELIGIBLE | -",
    "AT_LEAST_ONE | ok=false; - | UNDETERMINED | kids",
    // a sum of counts has no range, but every answer makes it at least 1: the kids still decide
    "SUM | ok=true sa=false; - | UNDETERMINED | kids",
  })
  void aCountOfItemsDecidesWhenEveryCountTheUnknownItemsCanMakeAgrees(String permit, String kids, Verdict verdict,
      String missing) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String item : kids.split(";")) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String field : item.trim().equals("-") ? new String[0] : item.trim().split(" ")) {
        fields.put(field.substring(0, field.indexOf('=')), Boolean.valueOf(field.substring(field.indexOf('=') + 1)));
      }
      items.add(fields);
    }
    PermitResult r = eval(permit, AS_OF, "kids", items);
    assertThat(r.verdict()).isEqualTo(verdict);
    assertThat(r.missing()).containsExactlyElementsOf(missing.equals("-") ? List.of() : List.of(missing));
  }

  @Test
  void aMinorChildCountedAmongChildrenWhoseHouseholdIsUnknownDecidesAsAnyDoes() throws IOException {
    String any = "de_has_minor_child: \"any(children, years_between(date_of_birth, as_of) < 18 and lives_with_applicant)\"";
    String count = "de_has_minor_child: \"count(children, years_between(date_of_birth, as_of) < 18 and "
        + "lives_with_applicant) >= 1\"";
    String text = Files.readString(Path.of("rules.yaml"));
    assertThat(text).contains(any);
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", text.replace(any, count))).value().get();
    // the example's daughter, and a son whose household is not given
    String example = Files.readString(Path.of("examples/de-25b-minor-child-four-years.yaml"));
    String daughter = "      in_school: true\n";
    assertThat(example).contains(daughter);
    Case c = new CaseReader(rules, AS_OF).read(new SourceText("two-children.yaml", example.replace(daughter,
        daughter + "    - {date_of_birth: 2019-05-05, school_age: true, in_school: true}\n"))).value().get();
    for (PermitResult r : new Evaluator(rules).evaluate(c, c.asOf().get(), Scope.ALL).results()) {
      assertThat(r.verdict().key()).as(r.permit().id()).isEqualTo(c.expect().get(r.permit().id()));
      assertThat(r.verdict() != Verdict.UNDETERMINED || !r.missing().isEmpty()).as(r.permit().id()).isTrue();
    }
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
  void aNearMissWhicheverWayAnUnknownWaiverGoesIsOne() {
    // a fails; c fails and may be waived (waiver_ok unknown): one or two failures either way
    PermitResult r = eval("P", AS_OF, "a", false, "b", true, "c", false);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.nearMiss()).isTrue();
    // a and b fail: with c not waived three would, so it is not one either way
    assertThat(eval("P", AS_OF, "a", false, "b", false, "c", false).nearMiss()).isFalse();
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
  void anUnknownCriterionTheAuthorityMayWaiveAsksOnlyWhereItsAnswerCouldMakeThePermitEligible() {
    PermitResult open = eval("WAIVED", AS_OF);
    assertThat(open.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(open.missing()).containsExactly("a");
    PermitResult always = eval("WHOLE-WAIVED", AS_OF);
    assertThat(always.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(always.missing()).isEmpty();
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
