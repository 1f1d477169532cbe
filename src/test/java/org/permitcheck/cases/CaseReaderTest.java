package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

class CaseReaderTest {
  static Ruleset rules;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml",
        Files.readString(Path.of("src/test/resources/fixtures/rules.yaml")))).value().get();
  }

  static Checked<Case> read(String name, String text) {
    return new CaseReader(rules, TODAY).read(new SourceText(name, text));
  }

  static List<String> errors(Checked<Case> c) {
    return c.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message()
        + (d.hints().isEmpty() ? "" : " — " + d.hints().get(0))).toList();
  }

  @Test
  void typesEveryFactAgainstItsDeclaration() {
    Checked<Case> c = read("c.yaml", "country: DE\nfacts:\n  date_of_birth: 1999-05-14\n  german_level: A2\n"
        + "  de_60b_months: 3\n  convicted: no\n  de_status: duldung\n"
        + "  children:\n    - {date_of_birth: 2015-02-01, in_school: yes}\n");
    assertThat(c.diagnostics()).isEmpty();
    Case k = c.value().get();
    assertThat(k.id()).isEqualTo("c");
    assertThat(k.country()).contains("DE");
    assertThat(k.facts()).containsEntry("date_of_birth", LocalDate.of(1999, 5, 14))
        .containsEntry("german_level", "A2").containsEntry("de_60b_months", 3L)
        .containsEntry("convicted", false).containsEntry("de_status", "duldung");
    assertThat(k.facts().get("children")).isEqualTo(
        List.of(Map.of("date_of_birth", LocalDate.of(2015, 2, 1), "in_school", true)));
  }

  @Test
  void aPeriodWhoseStatusOrStartIsRefusedIsNotAlsoSaidToLackIt() throws IOException {
    Ruleset real = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value().get();
    Checked<Case> c = new CaseReader(real, TODAY).read(new SourceText("c.yaml", "country: FR\nfacts:\n"
        + "  fr_work_history:\n"
        + "    - {status: other, from: 2022-03-01}\n"
        + "    - {status: other_work, from: 2022-13-01}\n"
        + "    - {from: 2022-03-01}\n"
        + "    - {status: other_work, from: ~}\n"));
    assertThat(errors(c)).extracting(e -> e.replaceAll(" — .*", "")).containsExactly(
        "4:16 fact 'fr_work_history[1].status' has no value 'other'",
        "5:34 fact 'fr_work_history[2].from' expects a date like 1999-05-14, found '2022-13-01'",
        "6:7 item 3 of fact 'fr_work_history' needs a 'status' and a 'from' date",
        "7:7 item 4 of fact 'fr_work_history' needs a 'status' and a 'from' date");
  }

  @Test
  void readsJsonCasesWithTheSameRules() {
    Checked<Case> c = read("c.json", "{\"id\": \"j\", \"as_of\": \"2026-01-01\", \"facts\": {\"date_of_birth\": \"1999-05-14\","
        + " \"convicted\": false, \"de_60b_months\": 0}}");
    assertThat(c.diagnostics()).isEmpty();
    assertThat(c.value().get().asOf()).contains(LocalDate.of(2026, 1, 1));
    assertThat(c.value().get().facts()).containsEntry("convicted", false);
  }

  @Test
  void aMissingFactIsUnknownNotAnError() {
    Checked<Case> c = read("c.yaml", "facts:\n  german_level: B1\n  convicted: null\n");
    assertThat(c.diagnostics()).isEmpty();
    assertThat(c.value().get().facts()).containsOnlyKeys("german_level");
  }

  @Test
  void reportsEveryWrongFactWithItsLineTheExpectedFormAndASuggestion() {
    Checked<Case> c = read("c.yaml", "facts:\n  date_of_birth: 14/05/99\n  german_levl: B1\n  de_status: dudlung\n"
        + "  de_60b_months: 2.5\n  convicted: maybe\n  asylum_application_date: 2023-02-30\n  date_of_birth2: x\n");
    assertThat(c.hasErrors()).isTrue();
    // what could be read is kept, without a value in error, so that the case can be named by its id
    assertThat(c.value().get().facts()).isEmpty();
    assertThat(errors(c)).containsExactly(
        "2:18 fact 'date_of_birth' expects a date like 1999-05-14, found '14/05/99' — write dates as YYYY-MM-DD",
        "3:3 unknown fact 'german_levl' — did you mean 'german_level'?",
        "4:14 fact 'de_status' has no value 'dudlung' — did you mean 'duldung'?",
        "5:18 fact 'de_60b_months' expects a whole number of months, found '2.5' — write a whole number without quotes, e.g. 12",
        "6:14 fact 'convicted' expects yes or no (true/false), found 'maybe'",
        "7:28 fact 'asylum_application_date' expects a date like 1999-05-14, found '2023-02-30' — this day does not exist in the calendar",
        "8:3 unknown fact 'date_of_birth2' — did you mean 'date_of_birth'?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"20.0", "2.0e+1", "2.0E1", "20.000", "1e1"})
  void takesAWholeNumberWrittenAsADecimalForAnIntegerFactInYamlAndJson(String written) {
    long expected = written.equals("1e1") ? 10 : 20;
    Checked<Case> yaml = read("c.yaml", "facts:\n  de_60b_months: " + written + "\n");
    assertThat(yaml.diagnostics()).isEmpty();
    assertThat(yaml.value().get().facts()).containsEntry("de_60b_months", expected);
    Checked<Case> json = read("c.json", "{\"facts\": {\"de_60b_months\": " + written.replace("+", "") + "}}");
    assertThat(json.diagnostics()).isEmpty();
    assertThat(json.value().get().facts()).containsEntry("de_60b_months", expected);
  }

  @Test
  void refusesADecimalThatIsNotWholeForAnIntegerFactInJson() {
    for (String written : List.of("20.5", "2.05e1")) {
      Checked<Case> c = read("c.json", "{\"facts\": {\"de_60b_months\": " + written + "}}");
      assertThat(errors(c)).containsExactly("1:29 fact 'de_60b_months' expects a whole number of months, found '"
          + written + "' — write a whole number without quotes, e.g. 12");
    }
  }

  @Test
  void refusesABirthDateInTheFuture() {
    Checked<Case> c = read("c.yaml", "facts:\n  date_of_birth: 2027-01-01\n");
    assertThat(errors(c)).containsExactly("2:18 fact 'date_of_birth' is 2027-01-01, later than the case's date (2026-11-22)"
        + " — check the year; a case's date is its as_of, else --as-of, else today");
  }

  /** Whether a case is valid must not depend on the day it is read: "the future" is the case's. */
  @ParameterizedTest(name = "as_of {0}, date_of_birth {1}, --as-of {2}: valid {3}")
  @CsvSource({
    "2030-01-01, 2027-01-01,           , true",  // a case dated after today, with a date after today
    "2019-01-01, 2024-06-01,           , false", // born after the case's date
    "2026-01-01, 2025-06-01, 2021-01-01, true",  // evaluated at an earlier date: its facts stay valid
    "          , 2025-06-01, 2021-01-01, false", // without as_of, the command's date is the case's
    "          , 2026-11-22,           , true",  // without either, today (2026-11-22 in these tests)
  })
  void judgesAPastDateAtTheCasesOwnDate(String asOf, String born, String override, boolean valid) {
    String text = (asOf == null ? "" : "as_of: " + asOf + "\n") + "facts:\n  date_of_birth: " + born + "\n";
    LocalDate at = override == null ? null : LocalDate.parse(override);
    CaseReader reader = new CaseReader(rules, TODAY, at);
    for (String name : List.of("c.yaml", "c.json")) {
      String body = name.endsWith(".json") ? "{" + (asOf == null ? "" : "\"as_of\": \"" + asOf + "\", ")
          + "\"facts\": {\"date_of_birth\": \"" + born + "\"}}" : text;
      SourceText source = new SourceText(name, body);
      assertThat(reader.read(source).hasErrors()).as(name).isEqualTo(!valid);
      byte[] utf8 = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (int i = 0; i < 20; i++) { // the YAML fast path is taken after the first few files
        assertThat(reader.read(source, utf8).hasErrors()).as(name + " on the fast path").isEqualTo(!valid);
      }
    }
  }

  @Test
  void refusesANegativeDuration() {
    Checked<Case> c = read("c.yaml", "facts:\n  de_60b_months: -1\n");
    assertThat(errors(c)).containsExactly("2:18 fact 'de_60b_months' must be at least 0 months, found -1");
  }

  @Test
  void suggestsTheFactsADerivedFactIsComputedFrom() {
    Checked<Case> c = read("c.yaml", "facts:\n  age: 30\n");
    assertThat(errors(c)).containsExactly(
        "2:3 unknown fact 'age' — 'age' is computed by the rules; give the facts it is computed from instead");
  }

  @Test
  void checksExpectedVerdictsAndCountry() {
    Checked<Case> c = read("c.yaml", "country: XX\nexpect:\n  DE-25b: elligible\n");
    assertThat(errors(c)).containsExactly(
        "1:10 unknown country 'XX' — countries: DE, BE",
        "3:11 unknown verdict 'elligible' for 'DE-25b' — did you mean 'eligible'?");
  }

  @Test
  void readsACaseExpectingAPermitTheRulesNoLongerHaveWithAWarning() {
    Checked<Case> c = read("c.yaml", "expect:\n  DE-99: eligible\nfacts: {}\n");
    assertThat(c.hasErrors()).isFalse();
    assertThat(c.diagnostics()).extracting(d -> d.severity()).containsExactly(Severity.WARNING);
    assertThat(errors(c)).containsExactly(
        "2:3 unknown permit 'DE-99' in 'expect' — 'test' counts this expectation as failed unless --permit or --country leaves it out");
    assertThat(c.value().get().expect()).containsEntry("DE-99", "eligible");
  }

  @Test
  void refusesUnknownKeysAndAnEmptyFile() {
    assertThat(errors(read("c.yaml", "fact:\n  a: 1\n"))).containsExactly(
        "1:1 unknown key 'fact' in a case — did you mean 'facts'?");
    assertThat(errors(read("c.yaml", ""))).containsExactly("1:0 the case file is empty — a case has at least 'facts:'");
  }

  @Test
  void readsARenamedFactUnderItsNewNameWithANotice() {
    Ruleset renamed = RulesLoader.load(new SourceText("r.yaml", rulesWithRename())).value().get();
    Checked<Case> c = new CaseReader(renamed, TODAY).read(new SourceText("c.yaml", "facts:\n  old_n: 3\n"));
    assertThat(c.value().get().facts()).containsEntry("n", 3L);
    assertThat(c.diagnostics()).extracting(Diagnostic::severity).containsExactly(Severity.NOTICE);
    assertThat(c.diagnostics().get(0).message()).isEqualTo("fact 'old_n' is now called 'n'; read as 'n'");
  }

  static String rulesWithRename() {
    return "ruleset: t\nversion: '1'\nreviewed: 2026-01-01\nlanguages: [en, fr]\nfacts:\n  n:\n    type: integer\n"
        + "    renamed_from: [old_n]\n    question: {en: N, fr: N}\ncountries:\n  BE:\n    name: {en: B, fr: B}\n"
        + "    permits:\n      - id: P\n        title: {en: T, fr: T}\n        legal_basis: x\n        source: {seed: s}\n"
        + "        criteria: {all: [{id: a, text: {en: A, fr: A}, when: \"n > 1\"}]}\n";
  }

  @Test
  void parsesAValueFromTheCommandLineLikeACaseFileDoes() {
    CaseReader r = new CaseReader(rules, TODAY);
    assertThat(r.parseValue("german_level", "B1", "--set", TODAY).value()).contains(Optional.of("B1"));
    assertThat(r.parseValue("convicted", "yes", "--set", TODAY).value()).contains(Optional.of(true));
    assertThat(r.parseValue("de_60b_months", "4", "--set", TODAY).value()).contains(Optional.of(4L));
    assertThat(r.parseValue("de_60b_months", "", "--set", TODAY).value()).contains(Optional.empty());
    assertThat(r.parseValue("german_level", "Z9", "--set", TODAY).hasErrors()).isTrue();
    assertThat(r.parseValue("children", "[{date_of_birth: 2015-01-01, in_school: true}]", "--set", TODAY).value().get())
        .contains(List.of(Map.of("date_of_birth", LocalDate.of(2015, 1, 1), "in_school", true)));
  }

  @Test
  void readsNullOnTheCommandLineAsUnknownAndRefusesAValueThatIsOnlyAComment() {
    CaseReader r = new CaseReader(rules, TODAY);
    assertThat(r.parseValue("german_level", "null", "--set", TODAY).value()).contains(Optional.empty());
    assertThat(r.parseValue("date_of_birth", "~", "--set", TODAY).value()).contains(Optional.empty());
    assertThat(r.parseValue("german_level", "#B1", "--set", TODAY).errors()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("the value '#B1' is a YAML comment, so no value at all"));
  }

  @Test
  void warnsOfTheFirstDateOfACaseThatLiesAfterTheDateItIsEvaluatedAt() {
    Case c = read("c.yaml", "as_of: 2026-11-22\nfacts:\n  children:\n    - {date_of_birth: 2015-02-01}\n"
        + "    - {date_of_birth: 2020-03-01}\n").value().get();
    CaseReader reader = new CaseReader(rules, TODAY);
    java.util.function.Function<Object, Optional<org.permitcheck.tree.Node>> none = x -> Optional.empty();
    assertThat(reader.dateAfter(c, LocalDate.of(2018, 1, 1), "c.yaml", 1, null, none)).get().satisfies(d -> {
      assertThat(d.isError()).isFalse();
      assertThat(d.message()).isEqualTo(
          "fact 'children[2].date_of_birth' is 2020-03-01, later than the date the case is evaluated at (2018-01-01)");
      assertThat(d.withoutValues()).doesNotContain("2020-03-01");
      assertThat(d.line()).isEqualTo(1); // where the case starts, when its document cannot be had
    });
    assertThat(reader.dateAfter(c, LocalDate.of(2020, 3, 1), "c.yaml", 1, null, none)).isEmpty();
    assertThat(reader.dateAfter(c, LocalDate.of(2030, 1, 1), "c.yaml", 1, null, none)).isEmpty();
  }

  @Test
  void warnsOfALateDateAtItsOwnLineAndColumnAndCountsTheOthers() {
    String text = "as_of: 2026-11-22\nfacts:\n  de_stay_since: 2016-03-01\n  children:\n"
        + "    - {date_of_birth: 2015-02-01}\n    - {date_of_birth: 2020-03-01}\n  date_of_birth: 1990-01-01\n";
    Case c = read("c.yaml", text).value().get();
    CaseReader reader = new CaseReader(rules, TODAY);
    java.util.function.Function<String, Optional<org.permitcheck.tree.Node>> document =
        t -> org.permitcheck.tree.TreeReader.yaml(org.permitcheck.tree.Limits.CASE).read(
            new org.permitcheck.diag.SourceText("c.yaml", t)).root();
    assertThat(reader.dateAfter(c, LocalDate.of(2018, 1, 1), "c.yaml", 1, text, document)).get().satisfies(d -> {
      assertThat(d.line()).isEqualTo(6);
      assertThat(d.column()).isEqualTo(23);
      assertThat(d.message()).isEqualTo("fact 'children[2].date_of_birth' is 2020-03-01, later than the date the "
          + "case is evaluated at (2018-01-01)");
    });
    // every date of the case is later: the first is named, where it is, and the others counted
    assertThat(reader.dateAfter(c, LocalDate.of(1980, 1, 1), "c.yaml", 1, text, document)).get().satisfies(d -> {
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.column()).isEqualTo(18);
      assertThat(d.message()).isEqualTo("fact 'de_stay_since' is 2016-03-01, later than the date the case is "
          + "evaluated at (1980-01-01), and so are 3 other facts");
      assertThat(d.withoutValues()).isEqualTo("fact 'de_stay_since' is later than the date the case is evaluated at, "
          + "and so are 3 other facts");
      assertThat(d.code()).isEqualTo("case.evaluated_before.value"); // as for one date: scripts count them alike
    });
  }

}
