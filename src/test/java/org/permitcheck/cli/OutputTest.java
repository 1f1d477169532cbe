package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --output writes the same results as stdout would get, privately, and never over an input. */
class OutputTest {
  static final Path FIXTURES = GoldenTest.FIXTURES;

  @Test
  void writesTheReportToAPrivateFileInsteadOfStdout(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.md");
    String caseFile = FIXTURES.resolve("cases/de-eligible.yaml").toString();
    Run.Result toFile = Run.run("", Map.of(), FIXTURES, "eval", "--format", "markdown", "--lang", "fr",
        "--output", report.toString(), caseFile);
    Run.Result toStdout = Run.run("", Map.of(), FIXTURES, "eval", "--format", "markdown", "--lang", "fr", caseFile);
    assertThat(toFile.exit()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(Files.readString(report)).isEqualTo(toStdout.out()).startsWith("# Rapport d'éligibilité");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(report);
    }
  }

  @Test
  void neverWritesColourIntoAFile(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.txt");
    Run.Result r = Run.run("", Map.of(), FIXTURES, true, "eval", "--output", report.toString(), "cases/de-near-miss.yaml");
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(report)).doesNotContain("\u001b[").contains("NOT ELIGIBLE (near miss)");
  }

  @Test
  void refusesToWriteIntoADirectoryOfInputsAsACaseFile(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("cases/de-young.yaml"), dir.resolve("a.yaml"));
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "json", "--output",
        dir.resolve("results.json").toString(), dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is one of the inputs and would be overwritten");
    assertThat(dir.resolve("results.json")).doesNotExist();
  }

  @Test
  void refusesAFolderThatDoesNotExist(@TempDir Path dir) {
    Run.Result r = Run.run("", Map.of("LANG", "de_DE.UTF-8"), FIXTURES, "eval", "--output",
        dir.resolve("no/such/report.md").toString(), "cases/de-young.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("existiert nicht");
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "markdown"})
  void showsControlCharactersOfACaseEscapedSoThatItCannotActOnTheTerminal(String format) {
    String ndjson = "{\"id\":\"x\\u001b[31mRED\\u001b[0m\\nfake\",\"facts\":{}}\n";
    Run.Result r = Run.run(ndjson, Map.of(), FIXTURES, "eval", "--format", format, "--country", "DE", "-");
    assertThat(r.exit()).isZero();
    // text shows the line break escaped too; Markdown, as a space
    assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\nfake").contains("x\\u001B")
        .containsAnyOf("RED\\u001B[0m\\u000Afake", "RED\\u001B\\[0m fake");
  }
}
