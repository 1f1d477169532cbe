package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: every file under src/test/resources/bad/cases and bad/rules is broken or
 * hostile in one way, and its {@code NAME.expected} holds the exit code and the exact diagnostics.
 * Each must be refused with a located message (file and line), the right exit code, no stack trace
 * and no Jackson, SnakeYAML or Java exception text, in bounded time. Huge inputs (100 MB, very long
 * texts) are generated into a temporary folder instead of being committed. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files, then review the change with git diff.
 *
 * <p>Case files are evaluated with the frozen fixture ruleset; rules files are checked with {@code
 * check}.
 */
class BadInputTest {
  static final Path BAD = Path.of("src/test/resources/bad").toAbsolutePath();
  static final Path FIXTURE_RULES = GoldenTest.FIXTURES.resolve("rules.yaml");
  static final Duration BOUND = Duration.ofSeconds(2);

  /** The first line of the diagnostics: the file, a line number, "error:" and a message. */
  static final Pattern LOCATED = Pattern.compile("^(cases|rules)/[^:]+:\\d+(:\\d+)?: error: \\S.*");

  /** Words that only appear in the text of a Java, Jackson or SnakeYAML exception. */
  static final List<String> LEAKS = List.of("exception", "\tat ", "at java.", "at org.", "at com.",
      "jackson", "snakeyaml", "fasterxml", "org.yaml", "caused by", "stacktrace", "internal error", "<org.",
      "startevent", "[source:", "stringreader", "line: ");

  @TestFactory
  Stream<DynamicTest> everyBadCaseIsRefusedWithALocatedMessage() throws IOException {
    return corpus("cases", ExitCode.INVALID_INPUT);
  }

  @TestFactory
  Stream<DynamicTest> everyBadRulesFileIsRefusedWithALocatedMessage() throws IOException {
    return corpus("rules", ExitCode.INVALID_RULES);
  }

  private Stream<DynamicTest> corpus(String kind, int exit) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(BAD.resolve(kind))) {
      files = list.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    return files.stream().map(f -> DynamicTest.dynamicTest(kind + "/" + f.getFileName(),
        () -> check(kind + "/" + f.getFileName(), exit)));
  }

  private static void check(String file, int exit) throws IOException {
    Run.Result r = run(BAD, file);
    Path expectedFile = BAD.resolve(file + ".expected");
    String actual = "exit " + r.exit() + "\n" + r.err();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertRefused(r, exit);
    assertThat(Files.exists(expectedFile)).as("%s has no .expected file (run with -Dgolden.update=true)", file)
        .isTrue();
    assertThat(actual).as("diagnostics of %s", file).isEqualTo(Files.readString(expectedFile));
    if (file.startsWith("cases/")) {
      assertJsonCarriesTheErrors(file);
    }
  }

  /** Runs eval on a case file or check on a rules file, within the time bound. */
  static Run.Result run(Path cwd, String file) {
    return measured(cwd, file).result();
  }

  /** What a run printed, and how many bytes its thread allocated meanwhile. */
  record Measured(Run.Result result, long allocated) {}

  static Measured measured(Path cwd, String file) {
    String[] args = file.startsWith("cases/")
        ? new String[] {"eval", "--rules", FIXTURE_RULES.toString(), "--as-of", "2026-11-22", file}
        : new String[] {"check", file};
    return assertTimeoutPreemptively(BOUND, () -> {
      long before = allocatedBytes();
      Run.Result r = Run.run("", Map.of(), cwd, args);
      return new Measured(r, allocatedBytes() - before);
    }, () -> file + " took longer than " + BOUND);
  }

  static void assertRefused(Run.Result r, int exit) {
    assertThat(r.exit()).as("exit code; stderr:\n%s", r.err()).isEqualTo(exit);
    assertThat(r.out()).as("stdout").isEmpty();
    assertThat(r.err().lines().findFirst().orElse("")).as("first line of stderr").matches(LOCATED);
    for (String leak : LEAKS) {
      assertThat(r.err().toLowerCase(java.util.Locale.ROOT)).as("stderr must not contain '%s'", leak)
          .doesNotContain(leak);
    }
  }

  /** In JSON, a case that cannot be read still yields an object, with its located errors. */
  private static void assertJsonCarriesTheErrors(String file) throws IOException {
    Run.Result r = assertTimeoutPreemptively(BOUND, () -> Run.run("", Map.of(), BAD, "eval", "--rules",
        FIXTURE_RULES.toString(), "--as-of", "2026-11-22", "--format", "json", file));
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("results")).isEmpty();
    assertThat(json.get("errors")).isNotEmpty();
    assertThat(json.get("errors").get(0).get("file").asText()).isEqualTo(file);
    assertThat(json.get("errors").get(0).get("line").asInt()).isPositive();
  }

  // ---- generated inputs: too large to commit ----

  @Test
  void anErrorRecordNamesEachProblemByTheSameCodeInEveryLanguage() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> english = null;
    for (String lang : List.of("en", "fr", "de", "nl")) {
      Run.Result r = Run.run("", Map.of(), GoldenTest.FIXTURES, "eval", "--lang", lang, "--format", "ndjson",
          "cases/bad-values.yaml");
      List<String> codes = json.readTree(r.out()).get("errors").findValuesAsText("code");
      assertThat(codes).as(lang).contains("fact.expects.value", "case.unknown_fact", "item.unknown_field")
          .doesNotContainNull();
      if (english == null) {
        english = codes;
      }
      assertThat(codes).as(lang).isEqualTo(english);
    }
  }

  @Test
  void refusesA100MegabyteCaseFileBySizeWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("cases")).resolve("huge.yaml");
    writeHugeYaml(f, 100L * 1024 * 1024);
    Measured m = measured(dir, "cases/huge.yaml");
    Run.Result r = m.result();
    long allocated = m.allocated();
    assertRefused(r, ExitCode.INVALID_INPUT);
    assertThat(r.err()).isEqualTo("cases/huge.yaml:1: error: the file is larger than the limit of 4 MiB\n"
        + "  hint: split it, or use NDJSON with one case per line\n"
        + "permitcheck: 1 error in 1 file\n");
    assertThat(allocated).as("bytes allocated while refusing a 100 MB file").isLessThan(32L * 1024 * 1024);
  }

  @Test
  void refusesA100MegabyteRulesFileBySize(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("rules")).resolve("huge.yaml");
    writeHugeYaml(f, 100L * 1024 * 1024);
    Measured m = measured(dir, "rules/huge.yaml");
    Run.Result r = m.result();
    long allocated = m.allocated();
    assertRefused(r, ExitCode.INVALID_RULES);
    assertThat(r.err()).startsWith("rules/huge.yaml:1: error: the file is larger than the limit of 8 MiB\n"
        + "  hint: check that this is a rules file");
    assertThat(allocated).as("bytes allocated while refusing a 100 MB file").isLessThan(32L * 1024 * 1024);
  }

  @Test
  void refusesACaseFileThatIsJustOverTheLimit(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("cases")).resolve("big.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(4L * 1024 * 1024 + 1); // sparse: its size is all that matters
    }
    Run.Result r = run(dir, "cases/big.yaml");
    assertRefused(r, ExitCode.INVALID_INPUT);
    assertThat(r.err()).startsWith("cases/big.yaml:1: error: the file is larger than the limit of 4 MiB\n");
  }

  @Test
  void refusesAVeryLongTextInACaseAtItsLine(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("cases")).resolve("long.yaml");
    Files.writeString(f, "facts:\n  convicted: false\nid: " + "x".repeat(100_001) + "\n");
    Run.Result r = run(dir, "cases/long.yaml");
    assertRefused(r, ExitCode.INVALID_INPUT);
    assertThat(r.err()).isEqualTo("cases/long.yaml:3:5: error: a text is longer than the limit of 100000 characters\n"
        + "  hint: see 'Limits and guarantees' in the README\n"
        + "permitcheck: 1 error in 1 file\n");
  }

  @Test
  void refusesAVeryLongKeyInJson(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("cases")).resolve("long.json");
    Files.writeString(f, "{\"facts\": {\"" + "k".repeat(100_001) + "\": 1}}\n");
    Run.Result r = run(dir, "cases/long.json");
    assertRefused(r, ExitCode.INVALID_INPUT);
    assertThat(r.err()).startsWith("cases/long.json:1:");
    assertThat(r.err()).contains("error: a text is longer than the limit of 100000 characters");
  }

  @Test
  void refusesAVeryLongTextInARulesFileWithAShortExcerpt(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("rules")).resolve("long.yaml");
    Files.writeString(f, "ruleset: mini\nversion: '" + "1".repeat(100_001) + "'\n");
    Run.Result r = run(dir, "rules/long.yaml");
    assertRefused(r, ExitCode.INVALID_RULES);
    assertThat(r.err()).startsWith("rules/long.yaml:2:10: error: a text is longer than the limit of 100000 characters\n");
    assertThat(r.err().length()).as("length of the diagnostics").isLessThan(500);
  }

  @Test
  void aLongUnknownValueIsShortenedInTheMessage(@TempDir Path dir) throws IOException {
    Path f = Files.createDirectories(dir.resolve("cases")).resolve("long-value.yaml");
    Files.writeString(f, "facts:\n  de_status: " + "d".repeat(5000) + "\n");
    Run.Result r = run(dir, "cases/long-value.yaml");
    assertRefused(r, ExitCode.INVALID_INPUT);
    assertThat(r.err()).startsWith("cases/long-value.yaml:2:14: error: fact 'de_status' has no value '"
        + "d".repeat(59) + "…' (5000 characters)\n");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS) // where a file name cannot hold control characters
  void showsAFileNameWithControlCharactersEscapedOnStderrAndAsItIsInJson(@TempDir Path dir) throws IOException {
    Path odd = Files.createDirectories(dir.resolve("odd"));
    Files.writeString(odd.resolve("e\u001b[31mx.yaml"), "facts:\n  bogus: 1\n");
    Files.createDirectories(dir.resolve("empty\u001b[2J"));
    Run.Result r = Run.run("", Map.of(), dir, "eval", "--rules", FIXTURE_RULES.toString(), "--as-of", "2026-11-22",
        "--format", "ndjson", "--debug", "odd", "empty\u001b[2J");
    assertThat(r.err()).doesNotContain("\u001b")
        .contains("debug: case odd/e\\u001B[31mx.yaml: refused after ")
        .contains("odd/e\\u001B[31mx.yaml:2:3: error: unknown fact 'bogus'\n")
        .contains("empty\\u001B[2J: warning: no case files");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("source").asText()).isEqualTo("odd/e\u001b[31mx.yaml");
    assertThat(json.get("errors").get(0).get("file").asText()).isEqualTo("odd/e\u001b[31mx.yaml");
    Run.Result usage = Run.run("", Map.of(), dir, "eval", "--output", "no\u001b[2J/r.json", "odd");
    assertThat(usage.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(usage.err()).startsWith("permitcheck: the folder of --output 'no\\u001B[2J/r.json' does not exist\n");
  }

  /** A valid-looking YAML file of {@code size} bytes, written in chunks (never held in memory). */
  private static void writeHugeYaml(Path f, long size) throws IOException {
    byte[] line = "  - {date_of_birth: 2015-01-01, in_school: true}\n".getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[line.length * 20_000];
    for (int i = 0; i < 20_000; i++) {
      System.arraycopy(line, 0, chunk, i * line.length, line.length);
    }
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("facts:\n  children:\n".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk);
      }
    }
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
