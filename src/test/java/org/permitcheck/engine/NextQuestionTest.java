package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** The picker on the interview fixture ruleset (DE, BE, FR, NL). */
class NextQuestionTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static Ruleset rules;
  static NextQuestion picker;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("interview-rules.yaml",
        Files.readString(Path.of("src/test/resources/fixtures/interview-rules.yaml")))).value().get();
    picker = new NextQuestion(new Evaluator(rules));
  }

  static Case person(String country, Object... facts) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (int i = 0; i < facts.length; i += 2) {
      f.put((String) facts[i], facts[i + 1]);
    }
    return new Case("t", "t", Optional.ofNullable(country), Optional.of(AS_OF), Optional.empty(), f, Map.of());
  }

  static List<Standing> standings(Case c, Set<String> skipped) {
    return picker.standings(c, AS_OF, Scope.ALL, skipped);
  }

  static Optional<String> next(Case c, String... skipped) {
    return picker.next(standings(c, Set.of(skipped)), false).map(Question::fact);
  }

  static Standing standing(Case c, String permit, String... skipped) {
    return standings(c, Set.of(skipped)).stream().filter(s -> s.permit().equals(permit)).findFirst().orElseThrow();
  }

  @Test
  void asksTheCountryFirstWhenItIsOpen() {
    Optional<Question> q = picker.next(standings(person(null), Set.of()), true);
    assertThat(q).get().extracting(Question::isCountry).isEqualTo(true);
    assertThat(q.get().permits()).hasSize(9);
  }

  @Test
  void asksFirstTheFactThatDecidesTheMostPermitsThenByDeclarationOrder() {
    assertThat(next(person("DE"))).contains("de_status");
    assertThat(picker.next(standings(person("DE"), Set.of()), false).get().permits()).containsExactly("DE-25b", "DE-25a");
    assertThat(next(person("DE", "de_status", "duldung"))).contains("de_stay_since");
    assertThat(next(person("BE"))).contains("asylum_application_date");
  }

  @Test
  void neverAsksWhatOnlyADecidedPermitNeeds() {
    Case old = person("DE", "date_of_birth", LocalDate.of(1980, 1, 1));
    assertThat(standing(old, "DE-25a").open()).isFalse();
    assertThat(standing(old, "DE-25a").result().verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(standing(old, "DE-25b").deciding()).doesNotContain("de_duldung_since", "de_successful_school_years",
        "german_qualification", "extremism_indications", "integration_prognosis_positive");
  }

  @Test
  void dropsAFactThatCannotChangeAConditionAnyMore() {
    Case c = person("DE", "lid_test_passed", true);
    assertThat(standing(c, "DE-25b").result().missing()).contains("fdgo_commitment")
        .doesNotContain("german_school_leaving_certificate");
    assertThat(standing(c, "DE-25b").deciding()).contains("fdgo_commitment")
        .doesNotContain("german_school_leaving_certificate");
  }

  @Test
  void neverAsksASkippedFactNorOneThatOnlyMattersThroughIt() {
    Case c = person("DE", "de_status", "duldung");
    assertThat(standing(c, "DE-25b").deciding()).contains("de_stay_since", "de_60b_months");
    Standing s = standing(c, "DE-25b", "de_stay_since");
    assertThat(s.deciding()).doesNotContain("de_stay_since", "de_60b_months")
        .contains("de_beschaeftigungsduldung_months");
  }

  @Test
  void asksFactsRestrictedToCountriesOnlyForThem() {
    for (Standing s : standings(person("BE"), Set.of())) {
      assertThat(s.deciding()).allMatch(f -> rules.facts().get(f).appliesTo("BE"));
    }
    assertThat(standings(person("FR"), Set.of()).stream().flatMap(s -> s.deciding().stream()))
        .contains("convicted").doesNotContain("be_household", "de_status", "nl_sponsor_age");
  }

  @Test
  void asksWhatCouldMakeADiscretionaryPermitEligibleAfterTheUndeterminedOnes() {
    Case c = person("DE", "de_status", "duldung", "de_stay_since", LocalDate.of(2017, 3, 1), "de_60b_months", 0L,
        "children", List.of(), "german_level", "B1", "livelihood_expected_in_future", true, "fdgo_commitment", true,
        "lid_test_passed", true, "deception_preventing_removal", false, "convicted", false, "has_passport", true,
        "date_of_birth", LocalDate.of(1980, 1, 1));
    Standing s = standing(c, "DE-25b");
    assertThat(s.result().verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(s.open()).isTrue();
    assertThat(next(c)).contains("livelihood_mainly_own_income");
    Case done = c.with(Map.of("livelihood_mainly_own_income", true));
    assertThat(standing(done, "DE-25b").result().verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(next(done)).isEmpty();
  }

  @Test
  void stopsWhenNoAnswerCanChangeAVerdict() {
    Case c = person("NL", "nl_sponsor_age", 30L, "nl_sponsor_permit", "study", "nl_wants_return", false,
        "nl_appeal_lodged", false);
    assertThat(standings(c, Set.of())).noneMatch(Standing::open);
    assertThat(next(c)).isEmpty();
    assertThat(next(person("BE"), "asylum_application_date", "asylum_procedure_pending", "be_household",
        "be_delay_own_conduct", "asylum_decision_date")).isEmpty();
  }

  @Test
  void aListIsSettledOnceNoUndecidedConditionReadsIt() {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("date_of_birth", LocalDate.of(2022, 6, 15));
    child.put("lives_with_applicant", true);
    Case open = person("DE", "de_status", "duldung", "de_stay_since", LocalDate.of(2017, 3, 1), "de_60b_months", 0L,
        "children", List.of(child));
    assertThat(picker.settled(standings(open, Set.of()), "children")).isFalse();
    child.put("school_age", false);
    Case settled = open.with(Map.of("children", List.of(child)));
    assertThat(picker.settled(standings(settled, Set.of()), "children")).isTrue();
  }
}
