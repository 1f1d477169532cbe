package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** eligible_from and apply_before, exact to the day, from the critical dates of the criteria. */
class TimelineTest {
  static final Ruleset FIXTURE = load();

  static Ruleset load() {
    try {
      return RulesLoader.load(new SourceText("rules.yaml",
          Files.readString(Path.of("src/test/resources/fixtures/rules.yaml")))).value().get();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Object> young(LocalDate born, LocalDate duldungSince) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("date_of_birth", born);
    f.put("de_status", "duldung");
    f.put("de_stay_since", LocalDate.of(2019, 1, 10));
    f.put("de_60b_months", 0L);
    f.put("de_duldung_since", duldungSince);
    f.put("de_successful_school_years", 4L);
    f.put("extremism_indications", false);
    f.put("integration_prognosis_positive", true);
    f.put("convicted", false);
    f.put("has_passport", true);
    f.put("deception_preventing_removal", false);
    return f;
  }

  static PermitResult eval(Ruleset rules, String permit, LocalDate asOf, int years, Map<String, Object> facts) {
    Case c = new Case("c", "c", Optional.empty(), Optional.empty(), Optional.empty(), facts, Map.of());
    return new Evaluator(rules, Period.ofYears(years)).evaluate(c, asOf, new Scope(Set.of(), Set.of(permit)))
        .results().get(0);
  }

  @Test
  void applyBeforeIsTheDayBeforeThe27thBirthday() {
    PermitResult r = eval(FIXTURE, "DE-25a", LocalDate.of(2026, 11, 22), 10,
        young(LocalDate.of(2005, 6, 15), LocalDate.of(2024, 1, 1)));
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.applyBefore()).contains(LocalDate.of(2032, 6, 14));
    assertThat(r.eligibleFrom()).isEmpty();
  }

  @Test
  void someoneBornOn29FebruaryMustApplyBy28FebruaryInACommonYear() {
    PermitResult r = eval(FIXTURE, "DE-25a", LocalDate.of(2026, 11, 22), 10,
        young(LocalDate.of(2008, 2, 29), LocalDate.of(2024, 1, 1)));
    assertThat(r.applyBefore()).contains(LocalDate.of(2035, 2, 28));
  }

  @Test
  void eligibleFromIsTheDayTheTolerationReaches12MonthsAtAMonthEnd() {
    PermitResult r = eval(FIXTURE, "DE-25a", LocalDate.of(2026, 11, 22), 5,
        young(LocalDate.of(2008, 5, 1), LocalDate.of(2026, 1, 31)));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    // 12 months from 31 January are complete on 31 January of the next year
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2027, 1, 31));
  }

  @Test
  void eligibleFromWaitsForThe14thBirthdayOf29FebruaryChildOn1March() {
    PermitResult r = eval(FIXTURE, "DE-25a", LocalDate.of(2026, 11, 22), 5,
        young(LocalDate.of(2016, 2, 29), LocalDate.of(2023, 1, 1)));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2030, 3, 1));
  }

  @Test
  void eligibleFromCountsExcludedMonthsOnTop() {
    Map<String, Object> f = young(LocalDate.of(1990, 1, 1), LocalDate.of(2020, 1, 1));
    f.put("de_stay_since", LocalDate.of(2021, 3, 31));
    f.put("de_60b_months", 2L);
    f.put("de_beschaeftigungsduldung_months", 0L);
    f.put("children", List.of());
    f.put("german_level", "B1");
    f.put("livelihood_mainly_own_income", true);
    f.put("fdgo_commitment", true);
    f.put("lid_test_passed", true);
    PermitResult r = eval(FIXTURE, "DE-25b", LocalDate.of(2026, 11, 22), 5, f);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    // 72 + 2 months after 31 March 2021
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2027, 5, 31));
    assertThat(eval(FIXTURE, "DE-25b", LocalDate.of(2027, 5, 30), 5, f).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(eval(FIXTURE, "DE-25b", LocalDate.of(2027, 5, 31), 5, f).verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aFailingCriterionThatTimeCannotChangeMeansNoDate() {
    Map<String, Object> f = young(LocalDate.of(2008, 5, 1), LocalDate.of(2026, 1, 31));
    f.put("has_passport", false);
    f.put("passport_efforts_proven", false);
    assertThat(eval(FIXTURE, "DE-25a", LocalDate.of(2026, 11, 22), 5, f).eligibleFrom()).isEmpty();
  }

  @Test
  void aProvisionThatExpiresGivesItsLastDayAndThenFlipsToNotInForce() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DATED", LocalDate.of(2025, 6, 1), 5, Map.of("a", true));
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.applyBefore()).contains(LocalDate.of(2025, 12, 31));
    assertThat(eval(EvaluatorTest.RULESET, "DATED", LocalDate.of(2026, 1, 1), 5, Map.of("a", true)).verdict())
        .isEqualTo(Verdict.NOT_IN_FORCE);
  }

  @Test
  void anEligiblePermitThatThenStaysOnlyAtTheAuthorityDiscretionGivesItsLastFullyEligibleDay() {
    PermitResult r = eval(EvaluatorTest.RULESET, "LAST_DAY_DOUBTFUL", LocalDate.of(2025, 6, 1), 5, Map.of("a", true));
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.eligibleUntil()).contains(LocalDate.of(2025, 12, 30));
    assertThat(r.applyBefore()).contains(LocalDate.of(2025, 12, 31));
    assertThat(eval(EvaluatorTest.RULESET, "LAST_DAY_DOUBTFUL", LocalDate.of(2025, 12, 31), 5, Map.of("a", true))
        .verdict()).isEqualTo(Verdict.DISCRETIONARY);
  }

  @Test
  void aPermitDecidedAtTheAuthorityDiscretionGivesTheLastDayNoCriterionNeedsAWaiver() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DECIDED_AT_DISCRETION", LocalDate.of(2025, 12, 1), 5,
        Map.of("a", true));
    assertThat(r.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(r.eligibleUntil()).contains(LocalDate.of(2025, 12, 30));
    assertThat(r.applyBefore()).contains(LocalDate.of(2026, 1, 2));
    PermitResult waived = eval(EvaluatorTest.RULESET, "DECIDED_AT_DISCRETION", LocalDate.of(2025, 12, 31), 5,
        Map.of("a", true));
    assertThat(waived.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(waived.eligibleUntil()).isEmpty();
    assertThat(waived.applyBefore()).contains(LocalDate.of(2026, 1, 2));
  }

  @Test
  void aPermitThatClosesWhileFullyEligibleHasNoLastFullyEligibleDayOfItsOwn() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DATED", LocalDate.of(2025, 6, 1), 5, Map.of("a", true));
    assertThat(r.applyBefore()).contains(LocalDate.of(2025, 12, 31));
    assertThat(r.eligibleUntil()).isEmpty();
  }

  @Test
  void aPermitFullyEligibleAgainBeforeItClosesHasNoLastFullyEligibleDay() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DISCRETION_GAP", LocalDate.of(2026, 1, 15), 5, Map.of());
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.applyBefore()).contains(LocalDate.of(2026, 12, 31));
    assertThat(r.eligibleUntil()).isEmpty();
  }

  @Test
  void aPermitThatStaysOpenOnlyAtTheAuthorityDiscretionGivesItsLastFullyEligibleDayWithoutAnEnd() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DISCRETION_AFTER", LocalDate.of(2026, 1, 15), 5, Map.of());
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.applyBefore()).isEmpty();
    assertThat(r.eligibleUntil()).contains(LocalDate.of(2026, 2, 28));
  }

  @Test
  void aPermitThatFirstOpensAtTheAuthorityDiscretionSaysSo() {
    Map<String, Object> f = Map.of("since", LocalDate.of(2022, 3, 1));
    PermitResult r = eval(EvaluatorTest.RULESET, "DISCRETION_FIRST", LocalDate.of(2026, 11, 22), 5, f);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2027, 3, 1));
    assertThat(r.fromDiscretionary()).isTrue();
    PermitResult later = eval(EvaluatorTest.RULESET, "DISCRETION_FIRST", LocalDate.of(2027, 3, 1), 5, f);
    assertThat(later.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(later.eligibleFrom()).contains(LocalDate.of(2028, 3, 1));
    assertThat(later.fromDiscretionary()).isFalse();
  }

  @Test
  void aProvisionNotYetInForceOpensOnItsFirstDayAndSaysItsLastOne() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DATED", LocalDate.of(2022, 6, 1), 5, Map.of("a", true));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2022, 12, 31));
    // the opening that eligible_from begins ends with the provision (an audit found a French permit
    // of five weeks told only when it opens)
    assertThat(r.applyBefore()).contains(LocalDate.of(2025, 12, 31));
    assertThat(r.afterApplyBefore()).contains(Verdict.NOT_IN_FORCE);
  }

  @Test
  void aWindowThatAlreadyClosedNeverOpensAgain() {
    PermitResult r = eval(EvaluatorTest.RULESET, "WINDOW", LocalDate.of(2026, 11, 22), 5, Map.of("a", true));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
    assertThat(r.eligibleFrom()).isEmpty();
  }

  @Test
  void aProvisionThatEndedBeforeAsOfGivesNoDateThoughItsCriteriaAreMet() {
    PermitResult r = eval(EvaluatorTest.RULESET, "DATED", LocalDate.of(2026, 1, 1), 5, Map.of("a", true));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
    assertThat(r.eligibleFrom()).isEmpty();
    assertThat(r.applyBefore()).isEmpty();
  }

  @Test
  void aWindowAheadOpensOnItsFirstDayUnlessTheApplicationDateIsFixedOutsideIt() {
    LocalDate asOf = LocalDate.of(2009, 1, 1);
    assertThat(eval(EvaluatorTest.RULESET, "WINDOW", asOf, 5, Map.of("a", true)).eligibleFrom())
        .contains(LocalDate.of(2009, 9, 15));
    Case applied = new Case("c", "c", Optional.empty(), Optional.empty(), Optional.of(LocalDate.of(2009, 9, 14)),
        Map.of("a", true), Map.of());
    PermitResult r = new Evaluator(EvaluatorTest.RULESET, Period.ofYears(5))
        .evaluate(applied, asOf, new Scope(Set.of(), Set.of("WINDOW"))).results().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_IN_FORCE);
    assertThat(r.eligibleFrom()).isEmpty();
  }

  @Test
  void anOpenWindowGivesItsLastDay() {
    PermitResult r = eval(EvaluatorTest.RULESET, "WINDOW", LocalDate.of(2009, 10, 1), 5, Map.of("a", true));
    assertThat(r.applyBefore()).contains(LocalDate.of(2009, 12, 15));
  }

  @Test
  void theVersionOfARuleInForceLaterCanOpenAPermit() {
    // 7 years on 2022-06-01: not enough under the 8-year rule, enough under the 6-year rule from 2022-12-31
    PermitResult r = eval(EvaluatorTest.RULESET, "YEARS", LocalDate.of(2022, 6, 1), 5,
        Map.of("since", LocalDate.of(2015, 6, 1)));
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2022, 12, 31));
  }

  @Test
  void theTimelineEndsOnTheLastDayAResultCanWrite() {
    LocalDate asOf = LocalDate.of(9999, 6, 1);
    PermitResult past = eval(FIXTURE, "DE-25a", asOf, 5, young(LocalDate.of(9984, 5, 1), LocalDate.of(9999, 1, 31)));
    assertThat(past.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(past.eligibleFrom()).as("12 months of toleration on 10000-01-31").isEmpty();
    PermitResult last = eval(FIXTURE, "DE-25a", asOf, 5, young(LocalDate.of(9984, 5, 1), LocalDate.of(9998, 12, 31)));
    assertThat(last.eligibleFrom()).contains(LocalDate.of(9999, 12, 31));
  }

  @Test
  void beyondTheHorizonThereIsNoDate() {
    PermitResult r = eval(FIXTURE, "DE-25a", LocalDate.of(2026, 11, 22), 5,
        young(LocalDate.of(2005, 6, 15), LocalDate.of(2024, 1, 1)));
    assertThat(r.applyBefore()).isEmpty();
  }
}
