package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval --output FILE: the results, private, replaced whole, and never over an input file. */
class OutputFileTest {
  @TempDir Path dir;
  Path rules;
  Path input;

  @BeforeEach
  void copyFixtures() throws IOException {
    rules = Files.copy(GoldenTest.FIXTURES.resolve("rules.yaml"), dir.resolve("rules.yaml"));
    input = Files.copy(GoldenTest.FIXTURES.resolve("cases/de-eligible.yaml"), dir.resolve("case.yaml"));
  }

  private Run.Result eval(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("eval", "--as-of", "2026-11-22"));
    all.addAll(List.of(args));
    return Run.run("", Map.of(), dir, all.toArray(new String[0]));
  }

  @Test
  void writesWhatStdoutWouldShowToAFileOnlyTheUserCanRead() throws IOException {
    Run.Result printed = eval("--format", "json", "case.yaml");
    Run.Result written = eval("--format", "json", "--output", "results.json", "case.yaml");
    assertThat(written.exit()).isZero();
    assertThat(written.out()).isEmpty();
    Path results = dir.resolve("results.json");
    assertThat(Files.readString(results)).isEqualTo(printed.out());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results))).isEqualTo("rw-------");
    assertThat(leftovers()).containsExactlyInAnyOrder("rules.yaml", "case.yaml", "results.json");
  }

  @Test
  void replacesAnExistingFileWholeWithANewFileNotInPlace() throws IOException {
    Path results = dir.resolve("results.txt");
    Files.writeString(results, "old results, much longer than the new ones would need to be ".repeat(200));
    Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("rw-r--r--"));
    Path otherName = Files.createLink(dir.resolve("hard-link.txt"), results);
    Object before = Files.readAttributes(results, "unix:ino").get("ino");

    Run.Result r = eval("--output", "results.txt", "case.yaml");

    assertThat(r.exit()).isZero();
    assertThat(Files.readString(results)).isEqualTo(eval("case.yaml").out());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results))).isEqualTo("rw-------");
    // atomic replace: a new file took the name; the old one was never opened for writing
    assertThat(Files.readAttributes(results, "unix:ino").get("ino")).isNotEqualTo(before);
    assertThat(Files.readString(otherName)).startsWith("old results");
    assertThat(leftovers()).containsExactlyInAnyOrder("rules.yaml", "case.yaml", "results.txt", "hard-link.txt");
  }

  @Test
  void refusesToOverwriteAnInputFileHoweverItIsNamed() throws IOException {
    Files.createSymbolicLink(dir.resolve("link.yaml"), input);
    Files.createDirectories(dir.resolve("more"));
    Files.copy(input, dir.resolve("more/second.yaml"));
    String original = Files.readString(input);
    for (String[] args : List.of(
        new String[] {"--output", "case.yaml", "case.yaml"},
        new String[] {"--output", "./more/../case.yaml", "case.yaml"},
        new String[] {"--output", dir.resolve("case.yaml").toString(), "case.yaml"},
        new String[] {"--output", "link.yaml", "case.yaml"},
        new String[] {"--output", "more/second.yaml", "case.yaml", "more"},
        new String[] {"--output", "rules.yaml", "case.yaml"})) {
      Run.Result r = eval(args);
      assertThat(r.exit()).as("%s", String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("is one of the inputs and would be overwritten")
          .contains("hint: choose another file name");
    }
    assertThat(Files.readString(input)).isEqualTo(original);
    assertThat(Files.readString(dir.resolve("more/second.yaml"))).isEqualTo(original);
    assertThat(Files.isSymbolicLink(dir.resolve("link.yaml"))).isTrue();
  }

  @Test
  void refusesAFolderAndReportsAFolderThatDoesNotExist() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    Run.Result folder = eval("--output", "out", "case.yaml");
    assertThat(folder.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(folder.err()).startsWith("permitcheck: --output 'out' is a folder\n");
    Run.Result missing = eval("--output", "nowhere/results.txt", "case.yaml");
    assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).startsWith("permitcheck: the folder of --output 'nowhere/results.txt' does not exist\n");
    assertThat(missing.err()).doesNotContain("Exception");
  }

  @Test
  void aBadCaseIsStillReportedOnStderrAndTheGoodOnesWritten() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "facts:\n  date_of_birth: 2023-02-30\n");
    Run.Result r = eval("--output", "results.txt", "case.yaml", "bad.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).startsWith("bad.yaml:2:18: error:");
    assertThat(Files.readString(dir.resolve("results.txt"))).startsWith("Case de-25b-eligible");
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void saysOnceThatAFullDeviceCouldNotBeWrittenAndKeepsTheDevice() throws IOException {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "/dev/full");
    Run.Result r = eval("--output", "/dev/full", "case.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).isEqualTo("permitcheck: cannot write '/dev/full': the disk is full, or the file was closed\n");
    assertThat(Files.isRegularFile(full)).isFalse();
  }
}
