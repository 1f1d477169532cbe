package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fact values never reach stderr: not with --debug, not in the message about another field. Only
 * --debug=facts shows them, and an error shows the value of the offending field of the user's own input.
 */
class PrivacyTest {
  /** Values that appear nowhere but in this case file. */
  static final List<String> VALUES = List.of("1987-03-14", "2016-07-09", "2019-11-03", "ausbildungsduldung",
      "2011-05-17", "amina-k-1987");

  static final String CASE = """
      id: amina-k-1987
      country: DE
      as_of: 2026-11-22
      facts:
        date_of_birth: 1987-03-14
        de_status: ausbildungsduldung
        de_stay_since: 2016-07-09
        de_duldung_since: 2019-11-03
        de_60b_months: 0
        german_level: B2
        children:
          - {date_of_birth: 2011-05-17, lives_with_applicant: true, school_age: true, in_school: true}
        convicted: false
      """;

  @TempDir Path dir;

  @BeforeEach
  void write() throws IOException {
    Files.copy(GoldenTest.FIXTURES.resolve("rules.yaml"), dir.resolve("rules.yaml"));
    Files.writeString(dir.resolve("person.yaml"), CASE);
  }

  private Run.Result run(String... args) {
    return Run.run("", Map.of(), dir, args);
  }

  @Test
  void debugShowsInternalsButNoFactValue() {
    for (String[] args : List.of(
        new String[] {"eval", "--debug", "person.yaml"},
        new String[] {"eval", "--debug", "--explain", "person.yaml"},
        new String[] {"eval", "--debug", "--format", "json", "person.yaml"},
        new String[] {"eval", "--debug", "--output", "results.txt", "person.yaml"},
        new String[] {"test", "--debug", "person.yaml"},
        new String[] {"check", "--debug"})) {
      Run.Result r = run(args);
      assertThat(r.err()).as("stderr of %s", String.join(" ", args)).contains("debug: rules: ");
      for (String value : VALUES) {
        assertThat(r.err()).as("stderr of %s", String.join(" ", args)).doesNotContain(value);
      }
    }
    Run.Result r = run("eval", "--debug", "person.yaml");
    assertThat(r.err()).contains("debug: rules: " + dir.resolve("rules.yaml"))
        .contains("debug: case person.yaml: read in ").contains(" 8 facts given")
        .contains("debug: case person.yaml: 2 permits evaluated as of 2026-11-22");
  }

  @Test
  void debugEqualsFactsShowsTheValuesWhenAskedTo() {
    Run.Result r = run("eval", "--debug=facts", "person.yaml");
    assertThat(r.err()).contains("debug: case person.yaml: fact date_of_birth = 1987-03-14")
        .contains("debug: case person.yaml: fact de_status = ausbildungsduldung");
  }

  @Test
  void debugEqualsFactsWithRedactIsRefusedRatherThanOneWinningSilently() {
    Run.Result r = run("eval", "--debug=facts", "--redact", "person.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--debug=facts shows the fact values that --redact leaves out")
        .doesNotContain("1987-03-14");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aBareDebugNeverTakesTheNextArgumentAsItsValue() {
    Run.Result r = run("eval", "--debug", "person.yaml");
    assertThat(r.exit()).isZero();
    assertThat(run("eval", "--debug=everything", "person.yaml").exit()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void anErrorNamesOnlyTheOffendingFieldsValue() throws IOException {
    Files.writeString(dir.resolve("person.yaml"), CASE.replace("german_level: B2", "german_level: B7"));
    for (String format : List.of("text", "json")) {
      Run.Result r = run("eval", "--debug", "--format", format, "person.yaml");
      assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err()).contains("person.yaml:10:17: error: fact 'german_level' has no value 'B7'");
      for (String value : VALUES) {
        assertThat(r.err()).as("stderr (%s)", format).doesNotContain(value);
      }
    }
  }

  @Test
  void redactLeavesTheValuesOutOfTheMessagesOfErrorRecords() throws IOException {
    Files.copy(Path.of("src/test/resources/fixtures/cases/bad-values.yaml"), dir.resolve("bad.yaml"));
    Files.writeString(dir.resolve("future.ndjson"),
        "{\"id\":\"r\",\"country\":\"DE\",\"facts\":{\"date_of_birth\":\"2030-01-01\"}}\n"
            + "{\"id\":\"s\",\"country\":\"DE\",\"facts\":{\"convicted\":\"SECRETVAL\"}}\n");
    for (String format : List.of("json", "ndjson")) {
      Run.Result r = run("eval", "--redact", "--format", format, "bad.yaml", "future.ndjson");
      assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.out()).as(format)
          .contains("fact 'date_of_birth' is later than the case's date", "fact 'date_of_birth' expects a date like 1999-05-14",
              "fact 'de_status' has no such value", "fact 'de_60b_months' must be at least 0 months",
              "fact 'convicted' expects yes or no (true/false)", "fact 'children[1].date_of_birth' is later than the case's date")
          .doesNotContain("2030-01-01", "SECRETVAL", "14/05/99", "dudlung", "found -2", "maybe");
    }
    // nor a guess at the value it quotes ("did you mean 'duldung'?"), nor a case's own dates
    Files.writeString(dir.resolve("dates.ndjson"),
        "{\"id\":\"t\",\"country\":\"DE\",\"as_of\":\"1999-13-40\",\"facts\":{\"de_status\":\"dudlung\"}}\n");
    for (String format : List.of("json", "ndjson")) {
      Run.Result r = run("eval", "--redact", "--format", format, "bad.yaml", "dates.ndjson");
      assertThat(r.out()).as(format).contains("'as_of' must be a date like 2024-03-01", "write dates as YYYY-MM-DD")
          .doesNotContain("duldung", "1999-13-40");
      assertThat(run("eval", "--format", format, "bad.yaml").out()).as(format).contains("did you mean 'duldung'?");
    }
    // without --redact the record says what was found, as stderr does
    assertThat(run("eval", "--format", "ndjson", "future.ndjson").out())
        .contains("fact 'date_of_birth' is 2030-01-01, later than the case's date", "found 'SECRETVAL'");
  }

  @Test
  void diffRedactLeavesTheValuesOutOfItsErrorRecords() throws IOException {
    Files.writeString(dir.resolve("future.ndjson"),
        "{\"id\":\"r\",\"country\":\"DE\",\"facts\":{\"date_of_birth\":\"2030-01-01\"}}\n"
            + "{\"id\":\"s\",\"country\":\"DE\",\"facts\":{\"convicted\":\"SECRETVAL\"}}\n");
    for (String format : List.of("json", "ndjson")) {
      Run.Result r = run("diff", "--redact", "--format", format, "--as-of", "2025-01-01", "--to", "2026-11-22",
          "future.ndjson");
      assertThat(r.out()).as(format).contains("fact 'date_of_birth' is later than the case's date")
          .doesNotContain("2030-01-01", "SECRETVAL");
    }
    assertThat(run("diff", "--format", "ndjson", "--as-of", "2025-01-01", "--to", "2026-11-22", "future.ndjson").out())
        .contains("found 'SECRETVAL'");
  }
}
