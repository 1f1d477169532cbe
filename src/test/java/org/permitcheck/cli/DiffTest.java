package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff for scripts: every case is accounted for, readable or not, with the file it came from. */
class DiffTest {
  static final String[] DIFF = {"diff", "--jobs", "1", "--as-of", "2020-01-01", "--to", "2026-11-22"};

  private static Run.Result diff(String format, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(DIFF));
    args.addAll(List.of(more));
    args.addAll(List.of("--format", format, "cases/bad-values.yaml", "cases/de-young.yaml"));
    return Run.run("", Map.of(), GoldenTest.FIXTURES, args.toArray(new String[0]));
  }

  @Test
  void aDateBeyondTheHorizonIsSaidSoAndAnEligiblePermitIsEligibleNow(@TempDir Path dir) throws IOException {
    // 72 months of stay (old) reach 2027-05-01, beyond five years from 2021-06-01; 60 (new) 2026-05-01
    Path young = dir.resolve("stay.yaml");
    Files.writeString(young, Files.readString(GoldenTest.FIXTURES.resolve("cases/de-five-years.yaml"))
        .replace("as_of: 2026-11-22", "as_of: 2021-06-01"));
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--old", "rules.yaml", "--new",
        "rules-shorter-stay.yaml", young.toString(), "cases/de-five-years.yaml");
    assertThat(r.out()).contains("DE-25b  not_eligible → not_eligible  eligible from none within 5 years → 2026-05-01",
        "DE-25b  not_eligible → eligible  near miss yes → no  eligible from 2027-05-01 → now");
  }

  @Test
  void aPermitAvailableNowAtTheAuthoritysDiscretionIsSaidSo(@TempDir Path dir) throws IOException {
    // the old rules read the Belgian language rule broadly only: on the day six months after the
    // closure the request is refused, and the day after it opens; the new leave that day to the authority
    String rules = Files.readString(Path.of("rules.yaml"));
    Path old = dir.resolve("old.yaml");
    Files.writeString(old, rules.replaceFirst("(?m)^  be_language_rule_surely_applies: .*$",
        "  be_language_rule_surely_applies: \"be_language_rule_applies\""));
    Path lastDay = dir.resolve("last-day.yaml");
    Files.writeString(lastDay, Files.readString(Path.of("examples/be-language-six-months-last-day.yaml"))
        .replace("as_of: '2026-11-23'\napplication_date: '2026-11-22'", "as_of: '2026-11-22'"));
    Run.Result r = Run.run("", Map.of(), dir, "diff", "--old", old.toString(), "--new",
        Path.of("rules.yaml").toAbsolutePath().toString(), lastDay.toString());
    assertThat(r.out()).contains("BE-9bis-admissibility  not_eligible → discretionary  near miss yes → no"
        + "  eligible from 2026-11-23 → now, at the authority's discretion  because: language");
  }

  @Test
  void exitCodeGivesFourForAChangeEvenWhenAnotherCaseIsUnreadable() {
    Run.Result r = diff("text", "--exit-code");
    assertThat(r.out()).contains("de-young  DE-25a  not_in_force → eligible", "1 result changed");
    assertThat(r.err()).contains("cases/bad-values.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.MISMATCH);
  }

  @Test
  void textSummaryCountsTheUnreadableCases() {
    Run.Result r = diff("text");
    assertThat(r.out()).contains("\n1 case compared, 1 result changed, 1 case unreadable\n");
    Run.Result fr = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--lang", "fr", "--old", "rules.yaml",
        "cases/bad-values.yaml", "cases/bad-syntax.yaml", "cases/de-eligible.yaml");
    assertThat(fr.out()).startsWith("1 dossier comparé, 0 résultat modifié, 2 dossiers illisibles\n");
  }

  @Test
  void textSummaryNamesBothRulesetsInTheChosenLanguage() {
    Run.Result fr = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--lang", "fr", "--old", "rules.yaml",
        "cases/de-eligible.yaml");
    assertThat(fr.out()).containsPattern("\n  anciennes règles : \\S+ .+\n  nouvelles règles : \\S+ ");
    assertThat(diff("text").out()).containsPattern("\n  old: \\S+ .+\n  new: \\S+ ");
  }

  @Test
  void exitCodeGivesOneForAnUnreadableCaseWhenNothingChanged() {
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--jobs", "1", "--exit-code", "--old",
        "rules.yaml", "cases/bad-values.yaml", "cases/de-eligible.yaml");
    assertThat(r.out()).contains("0 results changed");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void ndjsonGivesAnErrorRecordForAnUnreadableCaseAndTheSourceOfEveryChange() throws IOException {
    Run.Result r = diff("ndjson");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records = r.out().lines().map(l -> {
      try {
        return json.readTree(l);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    JsonNode failure = records.get(0);
    assertThat(failure.get("case").asText()).isEqualTo("bad-values");
    assertThat(failure.get("source").asText()).isEqualTo("cases/bad-values.yaml");
    assertThat(failure.get("errors").get(0).get("message").asText())
        .isEqualTo("fact 'date_of_birth' expects a date like 1999-05-14, found '14/05/99'");
    assertThat(failure.get("errors").get(0).get("line").asInt()).isEqualTo(4);
    assertThat(records.subList(1, records.size())).isNotEmpty()
        .allSatisfy(c -> assertThat(c.get("source").asText()).isEqualTo("cases/de-young.yaml"));
  }

  @Test
  void jsonCountsAndListsTheUnreadableCases() throws IOException {
    Run.Result r = diff("json");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("cases").asInt()).isEqualTo(1);
    assertThat(doc.get("unreadable").asInt()).isEqualTo(1);
    assertThat(doc.get("errors")).hasSize(1);
    assertThat(doc.get("errors").get(0).get("source").asText()).isEqualTo("cases/bad-values.yaml");
    assertThat(doc.get("changes").get(0).get("source").asText()).isEqualTo("cases/de-young.yaml");
  }

  private static JsonNode document(String old, String now, String... cases) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("diff", "--jobs", "1", "--exit-code", "--format", "json",
        "--old", old, "--new", now));
    args.addAll(List.of(cases));
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, args.toArray(new String[0]));
    assertThat(r.err()).as("stderr").isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.MISMATCH);
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void aCaseThatOnlyTheNewRulesRejectIsAChangeNamingThatSideAndItsError() throws IOException {
    JsonNode doc = document("rules.yaml", "rules-school-years-max.yaml", "cases/de-young.yaml");
    assertThat(doc.get("cases").asInt()).isEqualTo(1);
    assertThat(doc.get("unreadable").asInt()).isZero();
    assertThat(doc.get("changed").asInt()).isEqualTo(1);
    assertThat(doc.get("transitions").get("(accepted) → (rejected)").asInt()).isEqualTo(1);
    assertThat(doc.get("errors")).isEmpty();
    JsonNode change = doc.get("changes").get(0);
    assertThat(change.get("case").asText()).isEqualTo("de-young");
    assertThat(change.get("source").asText()).isEqualTo("cases/de-young.yaml");
    assertThat(change.get("rejected_by").asText()).isEqualTo("new");
    assertThat(change.get("errors").get(0).get("message").asText())
        .isEqualTo("fact 'de_successful_school_years' must be at most 3 years, found 4");
  }

  @Test
  void swappingTheRulesNamesTheOldSideAsTheOneThatRejects() throws IOException {
    JsonNode doc = document("rules-school-years-max.yaml", "rules.yaml", "cases/de-young.yaml");
    assertThat(doc.get("transitions").get("(rejected) → (accepted)").asInt()).isEqualTo(1);
    assertThat(doc.get("changes").get(0).get("rejected_by").asText()).isEqualTo("old");
  }

  @Test
  void aCaseThatBothRulesRejectStaysAnUnreadableCase() throws IOException {
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--jobs", "1", "--exit-code", "--format",
        "json", "--old", "rules.yaml", "--new", "rules-school-years-max.yaml", "cases/bad-values.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("unreadable").asInt()).isEqualTo(1);
    assertThat(doc.get("changes")).isEmpty();
    assertThat(doc.get("errors").get(0).has("rejected_by")).isFalse();
  }

  @Test
  void redactLeavesTheValueOutOfTheLineOfARejectedCase() {
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--jobs", "1", "--redact", "--old",
        "rules.yaml", "--new", "rules-school-years-max.yaml", "cases/de-young.yaml");
    assertThat(r.out()).contains("de-young  (accepted) → (rejected)  rejected by the new rules: "
        + "cases/de-young.yaml:11:31: fact 'de_successful_school_years' must be at most 3 years\n")
        .doesNotContain("found 4");
    assertThat(r.exit()).isZero();
  }

  @Test
  void jsonNamesTheCriterionWhoseWaiverWasRemovedWithItsOutcomesWithDiscretion() throws IOException {
    JsonNode doc = document("rules.yaml", "rules-no-livelihood-waiver.yaml", "cases/de-discretionary.yaml");
    JsonNode change = doc.get("changes").get(0);
    assertThat(change.get("permit").asText()).isEqualTo("DE-25b");
    assertThat(change.get("before").get("verdict").asText()).isEqualTo("discretionary");
    assertThat(change.get("after").get("verdict").asText()).isEqualTo("not_eligible");
    assertThat(change.get("criteria")).hasSize(1);
    JsonNode criterion = change.get("criteria").get(0);
    assertThat(criterion.get("id").asText()).isEqualTo("livelihood");
    assertThat(criterion.get("before").asText()).isEqualTo("not_met");
    assertThat(criterion.get("after").asText()).isEqualTo("not_met");
    assertThat(criterion.get("before_with_discretion").asText()).isEqualTo("met");
    assertThat(criterion.get("after_with_discretion").asText()).isEqualTo("not_met");
  }

  @Test
  void jsonRecordsTheDateEachSideWasEvaluatedAt() throws IOException {
    JsonNode doc = new ObjectMapper().readTree(diff("json").out());
    assertThat(doc.get("old").get("as_of").asText()).isEqualTo("2020-01-01");
    assertThat(doc.get("new").get("as_of").asText()).isEqualTo("2026-11-22");
    JsonNode asOf = doc.get("changes").get(0).get("as_of");
    assertThat(asOf.get("before").asText()).isEqualTo("2020-01-01");
    assertThat(asOf.get("after").asText()).isEqualTo("2026-11-22");
  }

  @Test
  void jsonWithoutDatesGivenRecordsEachCasesOwnAsOf() throws IOException {
    JsonNode doc = document("rules.yaml", "rules-no-livelihood-waiver.yaml", "cases/de-discretionary.yaml");
    assertThat(doc.get("old").get("as_of").isNull()).isTrue();
    assertThat(doc.get("new").get("as_of").isNull()).isTrue();
    JsonNode asOf = doc.get("changes").get(0).get("as_of");
    assertThat(asOf.get("before").asText()).isEqualTo("2026-11-22");
    assertThat(asOf.get("after").asText()).isEqualTo("2026-11-22");
  }

  @Test
  void textSummaryNamesTheDatesGivenForEachSideInTheChosenLanguage() {
    assertThat(diff("text").out()).contains(", as of 2020-01-01\n  new: ", ", as of 2026-11-22\n");
    Run.Result de = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--lang", "de", "--as-of", "2020-01-01",
        "--to", "2026-11-22", "cases/de-young.yaml");
    assertThat(de.out()).contains(", Stichtag 01.01.2020\n  neu: ", ", Stichtag 22.11.2026\n");
    assertThat(Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--old", "rules.yaml", "cases/de-young.yaml").out())
        .doesNotContain("as of");
  }

  @Test
  void aCaseNeitherSideCanReadIsNamedByItsOwnIdWhenThatCouldBeRead(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, "{\"id\": \"kept\", \"country\": \"XX\"}\n{broken\n");
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--jobs", "1", "--format", "json", "--old",
        "rules.yaml", input.toString());
    JsonNode errors = new ObjectMapper().readTree(r.out()).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("case").asText()).isEqualTo("kept");
    assertThat(errors.get(1).get("case").asText()).isEqualTo(input + ":2");
  }

  @Test
  void theUsageErrorAsksForWhatDiffReallyNeedsOldRulesOrTo() {
    // --as-of alone compares a date with itself; --to alone compares each case's own date with it
    Run.Result asOf = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--as-of", "2025-06-01", "cases/de-young.yaml");
    assertThat(asOf.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(asOf.err()).startsWith("permitcheck: diff needs --old RULES or --to DATE\n");
    assertThat(Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--to", "2027-11-22", "cases/de-young.yaml").exit())
        .isZero();
    assertThat(Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--lang", "fr", "--as-of", "2025-06-01",
        "cases/de-young.yaml").err()).startsWith("permitcheck: diff a besoin de --old RÈGLES ou de --to DATE\n");
  }

  @Test
  void comparingAtADateBeforeTheCasesOwnDatesWarnsOnStderr() {
    Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "diff", "--as-of", "1980-01-01", "--to", "2026-11-22",
        "cases/de-young.yaml");
    assertThat(r.err()).contains("cases/de-young.yaml:6:18: warning: fact 'date_of_birth' is 2007-09-01, later than "
        + "the date the case is evaluated at (1980-01-01), and so are 2 other facts");
  }
}
