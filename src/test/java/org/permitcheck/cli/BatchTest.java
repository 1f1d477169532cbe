package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** Batches: input order whatever --jobs, bad cases isolated, stdin, directories, streaming output. */
class BatchTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();
  static final Pattern CASE = Pattern.compile("\"case\":\"([^\"]+)\"");

  static String line(int i) {
    String date = String.format("20%02d-%02d-15", 10 + i % 12, 1 + i % 12);
    if (i % 7 == 3) {
      return "{\"id\": \"c" + i + "\", \"facts\": {\"asylum_application_date\": \"not a date\"}}";
    }
    return "{\"id\": \"c" + i + "\", \"country\": \"BE\", \"as_of\": \"2026-11-22\", \"facts\": {"
        + "\"asylum_application_date\": \"" + date + "\", \"asylum_procedure_pending\": " + (i % 2 == 0)
        + ", \"asylum_decision_date\": \"2025-01-01\", \"be_household\": \"isolated\", \"be_delay_own_conduct\": false}}";
  }

  static List<String> ids(String ndjson) {
    return ndjson.lines().map(l -> {
      Matcher m = CASE.matcher(l);
      return m.find() ? m.group(1) : "?";
    }).toList();
  }

  @Test
  void writesResultsInInputOrderWhateverTheNumberOfJobs(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, IntStream.range(0, 600).mapToObj(BatchTest::line).collect(Collectors.joining("\n")));
    Run.Result one = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--jobs", "1", input.toString());
    Run.Result four = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--jobs", "4", input.toString());
    assertThat(four.out()).isEqualTo(one.out());
    List<String> ids = ids(four.out());
    assertThat(ids).hasSize(600);
    for (int i = 0; i < 600; i++) {
      assertThat(ids.get(i)).isEqualTo("c" + i);
    }
  }

  @Test
  void aBadCaseIsReportedAndEveryGoodCaseIsStillEvaluated(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, line(0) + "\n" + line(3) + "\n{broken\n" + line(1) + "\n");
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--jobs", "2", input.toString());
    assertThat(r.exit()).isEqualTo(1);
    // a bad case whose id could be read is named by it; a line that is not JSON by its place
    assertThat(ids(r.out())).containsExactly("c0", "c3", input + ":3", "c1");
    assertThat(r.out().lines().filter(l -> l.contains("\"results\":[]")).count()).isEqualTo(2);
    assertThat(r.err()).contains(input + ":2:").contains(input + ":3:")
        .contains("4 cases read, 2 evaluated, 2 cases with errors").contains("BE-9bis-1.1:");
  }

  @ParameterizedTest(name = "LANG={0}")
  @CsvSource(delimiter = '|', value = {
      "en_GB.UTF-8|2 cases read, 1 evaluated, 1 case with errors, in|8 errors in 1 file",
      "fr_FR.UTF-8|2 dossiers lus, 1 évalué, 1 dossier en erreur, en|8 erreurs dans 1 fichier",
      "de_DE.UTF-8|2 Fälle gelesen, 1 ausgewertet, 1 Fall mit Fehlern, in|8 Fehler in 1 Datei",
      "nl_NL.UTF-8|2 dossiers gelezen, 1 beoordeeld, 1 dossier met fouten, in|8 fouten in 1 bestand"})
  void theSummaryCountsCasesWithErrorsAndTheClosingLineTheErrors(String lang, String cases, String errors) {
    Run.Result r = Run.run("", Map.of("LANG", lang), FIXTURES, "eval", "cases/bad-values.yaml", "cases/de-young.yaml");
    assertThat(r.err()).contains("permitcheck: " + cases + " ").endsWith("permitcheck: " + errors + "\n");
  }

  @Test
  void theSummaryNamesVerdictsAsTheJsonDoesUnlessLangIsGiven() {
    String de = "cases/de-eligible.yaml";
    String be = "cases/be-pending.yaml";
    Run.Result env = Run.run("", Map.of("LANG", "fr_FR.UTF-8"), FIXTURES, "eval", de, be);
    assertThat(env.err()).contains("2 dossiers lus", "\n  DE-25b: eligible 1\n", "\n  BE-9bis-1.1: discretionary 1\n");
    Run.Result fr = Run.run("", Map.of(), FIXTURES, "eval", "--lang", "fr", de, be);
    assertThat(fr.err()).contains("\n  DE-25b: ÉLIGIBLE 1\n", "\n  BE-9bis-1.1: DISCRÉTIONNAIRE 1\n");
    Run.Result en = Run.run("", Map.of("LANG", "fr_FR.UTF-8"), FIXTURES, "eval", "--lang", "en", de, be);
    assertThat(en.err()).contains("\n  DE-25b: ELIGIBLE 1\n");
  }

  @Test
  void readsNdjsonAndYamlStreamsFromStdin() {
    Run.Result nd = Run.run(line(0) + "\n" + line(1) + "\n", Map.of(), FIXTURES, "eval", "--format", "ndjson", "-");
    assertThat(ids(nd.out())).containsExactly("c0", "c1");
    String yaml = "id: y1\ncountry: BE\nas_of: 2026-11-22\nfacts: {be_household: isolated}\n---\nid: y2\ncountry: BE\n"
        + "facts: {be_household: isolatd}\n";
    Run.Result y = Run.run(yaml, Map.of(), FIXTURES, "eval", "--format", "ndjson", "-");
    assertThat(ids(y.out())).containsExactly("y1", "y2");
    assertThat(y.err()).contains("<stdin>:8:23: error: fact 'be_household' has no value 'isolatd'");
    assertThat(y.exit()).isEqualTo(1);
  }

  @Test
  void walksDirectoriesRecursivelyInNameOrder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/z.yaml"), "id: z\ncountry: BE\nfacts: {}\n");
    Files.writeString(dir.resolve("a.json"), "{\"id\": \"a\", \"country\": \"BE\"}");
    Files.writeString(dir.resolve("b/m.yml"), "id: m\ncountry: BE\n");
    Files.writeString(dir.resolve("notes.txt"), "not a case");
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--as-of", "2026-11-22", dir.toString());
    assertThat(ids(r.out())).containsExactly("a", "z", "m");
    assertThat(r.exit()).isZero();
  }

  @Test
  @DisabledOnOs(OS.WINDOWS) // where '\\' separates folders and cannot be in a name
  void keepsABackslashInAFileNameAsACharacterOfTheName(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cases/a"));
    Files.writeString(dir.resolve("cases/a/b.yaml"), "country: BE\nfacts: {}\n");
    Files.writeString(dir.resolve("cases/a\\b.yaml"), "country: BE\nfacts: {}\n");
    Files.writeString(dir.resolve("cases/x\\y.yaml"), "country: BE\nfacts:\n  bogus: 1\n");
    Run.Result r = Run.run("", Map.of(), dir, "eval", "--rules", FIXTURES.resolve("rules.yaml").toString(),
        "--format", "ndjson", "--quiet", "--as-of", "2026-11-22", "cases");
    assertThat(r.out().lines().map(l -> l.replaceAll(".*\"case\":(\"[^\"]*\"),\"source\":(\"[^\"]*\").*", "$1 $2")))
        .containsExactly("\"b\" \"cases/a/b.yaml\"", "\"a\\\\b\" \"cases/a\\\\b.yaml\"",
            "\"x\\\\y\" \"cases/x\\\\y.yaml\"");
    assertThat(r.err()).startsWith("cases/x\\y.yaml:3:3: error: unknown fact 'bogus'\n");
    Run.Result given = Run.run("", Map.of(), dir, "eval", "--rules", FIXTURES.resolve("rules.yaml").toString(),
        "--format", "ndjson", "--as-of", "2026-11-22", "cases/a\\b.yaml");
    assertThat(ids(given.out())).containsExactly("a\\\\b");
  }

  @Test
  void readsAFileWhoseNameStartsWithADashWhenNamedAsTheMessageSays(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("-dash.yaml"), "id: dash\ncountry: BE\nfacts: {}\n");
    String rules = FIXTURES.resolve("rules.yaml").toString();
    Run.Result bare = Run.run("", Map.of(), dir, "eval", "--rules", rules, "-dash.yaml");
    assertThat(bare.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(bare.err()).startsWith("permitcheck: '-dash.yaml' is not an option\n"
        + "  hint: to name a file that starts with '-', write './-dash.yaml' or '-- -dash.yaml'\n");
    for (List<String> named : List.of(List.of("./-dash.yaml"), List.of("--", "-dash.yaml"))) {
      List<String> args = new java.util.ArrayList<>(List.of("eval", "--rules", rules, "--format", "ndjson"));
      args.addAll(named);
      Run.Result r = Run.run("", Map.of(), dir, args.toArray(new String[0]));
      assertThat(ids(r.out())).as("%s", named).containsExactly("dash");
      assertThat(r.exit()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"one", "none", "one.ndjson", "none.ndjson", "one.jsonl", "-", "one.yaml one.yaml"})
  void aBatchInJsonFormatIsAnArrayWhateverTheNumberOfCases(String given, @TempDir Path dir) throws IOException {
    String yaml = "id: y\ncountry: BE\nfacts: {}\n";
    Files.createDirectories(dir.resolve("one"));
    Files.createDirectories(dir.resolve("none"));
    Files.writeString(dir.resolve("one/case.yaml"), yaml);
    Files.writeString(dir.resolve("one.yaml"), yaml);
    Files.writeString(dir.resolve("one.ndjson"), "{\"id\": \"y\", \"country\": \"BE\"}\n");
    Files.writeString(dir.resolve("one.jsonl"), "{\"id\": \"y\", \"country\": \"BE\"}\n");
    Files.writeString(dir.resolve("none.ndjson"), "");
    List<String> args = new java.util.ArrayList<>(List.of("eval", "--rules", FIXTURES.resolve("rules.yaml").toString(),
        "--format", "json", "--quiet"));
    args.addAll(List.of(given.split(" ")));
    Run.Result r = Run.run(yaml, Map.of(), dir, args.toArray(new String[0]));
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.isArray()).as("%s gives an array:%n%s", given, r.out()).isTrue();
    assertThat(json).hasSize(given.startsWith("none") ? 0 : given.contains(" ") ? 2 : 1);
    assertThat(r.out()).endsWith(given.startsWith("none") ? "[]\n" : "  }\n]\n");
  }

  @Test
  void oneCaseFileGivenAloneIsOneObjectInJsonFormat(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("one.yaml"), "id: y\ncountry: BE\nfacts: {}\n");
    Files.writeString(dir.resolve("bad.json"), "{\"facts\": {\"bogus\": 1}}");
    for (String file : List.of("one.yaml", "bad.json")) {
      Run.Result r = Run.run("", Map.of(), dir, "eval", "--rules", FIXTURES.resolve("rules.yaml").toString(),
          "--format", "json", file);
      assertThat(r.out()).as(file).startsWith("{\n").endsWith("}\n");
    }
  }

  @Test
  void severalCasesInJsonFormatMakeOneArray() {
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "json", "--quiet", "cases/be-pending.yaml", "cases/ok.json");
    assertThat(r.out()).startsWith("[\n  {\n").endsWith("  }\n]\n");
    assertThat(ids(r.out().replace("\": \"", "\":\""))).contains("be-pending", "json-case");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void compactNdjsonRecordsCarryVerdictsButNotTexts() {
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "cases/be-pending.yaml");
    assertThat(r.out()).contains("\"verdict\":\"discretionary\"").contains("\"criteria\":[]")
        .doesNotContain("\"title\"");
    Run.Result missing = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "cases/de-undetermined.yaml");
    assertThat(missing.out()).contains("\"criteria\":[{\"id\":\"german_a2\",\"outcome\":\"unknown\",\"waivable\":false}")
        .doesNotContain("\"id\":\"status\"");
    Run.Result full = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--explain", "cases/be-pending.yaml");
    assertThat(full.out()).contains("\"title\"").contains("\"children\"");
    assertThat(full.out().lines().count()).isEqualTo(1);
  }

  @Test
  void refusesANumberOfJobsOutOfRangeInEvalAndDiffAlike() {
    for (String command : List.of("eval", "diff")) {
      for (String jobs : List.of("0", "-1", "257")) {
        Run.Result r = command.equals("eval")
            ? Run.run("", Map.of(), FIXTURES, "eval", "--jobs", jobs, "-")
            : Run.run("", Map.of(), FIXTURES, "diff", "--jobs", jobs, "--as-of", "2026-01-01", "--to", "2027-01-01", "-");
        assertThat(r.exit()).as(command + " --jobs " + jobs).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(command).contains("--jobs must be between 1 and 256, found " + jobs);
      }
    }
  }

  @Test
  void aLineLongerThanTheLimitIsReportedAndTheCasesAfterItAreEvaluated(@TempDir Path dir) throws IOException {
    String long_ = "{\"id\": \"x\", \"note\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}\n";
    Path input = dir.resolve("l.ndjson");
    Files.writeString(input, long_ + line(0) + "\n");
    Run.Result file = Run.run("", Map.of(), dir, "eval", "--rules", FIXTURES.resolve("rules.yaml").toString(),
        "--format", "ndjson", "l.ndjson");
    Run.Result stdin = Run.run(long_ + line(0) + "\n", Map.of(), FIXTURES, "eval", "--format", "ndjson", "-");
    for (Run.Result r : List.of(file, stdin)) {
      assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(ids(r.out())).hasSize(2).endsWith("c0");
    }
    assertThat(file.err()).startsWith("l.ndjson:1: error: the line is longer than the limit of 4 MiB\n"
        + "  hint: write one case per line, each at most 4 MiB, and end every line with a line break\n");
    assertThat(stdin.err()).startsWith("<stdin>:1: error: the line is longer than the limit of 4 MiB\n");
  }

  @Test
  void readsNdjsonOnStdinThatStartsWithAByteOrderMark() {
    Run.Result r = Run.run("\uFEFF" + line(0) + "\n" + line(1) + "\n", Map.of(), FIXTURES, "eval", "--format", "ndjson", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ids(r.out())).containsExactly("c0", "c1");
    Run.Result yaml = Run.run("\uFEFFid: y1\nfacts: {}\n---\nid: y2\n", Map.of(), FIXTURES, "eval", "--format", "ndjson", "-");
    assertThat(ids(yaml.out())).containsExactly("y1", "y2");
  }

  @Test
  void skipsALineHoldingOnlyAByteOrderMarkAsItSkipsABlankLine(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("b.ndjson");
    Files.writeString(input, "\uFEFF\n" + line(0) + "\n\uFEFF  \r\n\uFEFF" + line(1) + "\n");
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--quiet", input.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(ids(r.out())).containsExactly("c0", "c1");
    Files.writeString(input, "\uFEFF\n");
    Run.Result only = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", input.toString());
    assertThat(only.exit()).isZero();
    assertThat(only.out()).isEmpty();
  }

  @Test
  void readsYamlDocumentsThatStartOnTheirMarkerLineFromStdin() {
    Run.Result r = Run.run("--- {id: a, country: BE, facts: {}}\n--- {id: b, country: BE, facts: {}}\n", Map.of(),
        FIXTURES, "eval", "--format", "ndjson", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ids(r.out())).containsExactly("a", "b");
    String mixed = "---\nid: a\nfacts: {}\n--- # the second\nfacts: {be_household: isolatd}\n---\n--- {id: c,\n"
        + "  facts: {}}\n...\n";
    Run.Result m = Run.run(mixed, Map.of(), FIXTURES, "eval", "--format", "ndjson", "-");
    assertThat(ids(m.out())).containsExactly("a", "<stdin>:5", "c");
    assertThat(m.err()).startsWith("<stdin>:5:23: error: fact 'be_household' has no value 'isolatd'");
  }

  @Test
  void refusesAYamlDocumentOverTheLimitAtItsFirstLineAndReadsOn() {
    String big = "id: b\n" + ("# " + "x".repeat(98) + "\n").repeat(43_000);
    String stream = "id: a\nfacts: {}\n---\n" + big + "---\nid: c\nfacts: {}\n";
    Run.Result r = Run.run(stream, Map.of(), FIXTURES, "eval", "--format", "ndjson", "--quiet", "-");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(ids(r.out())).containsExactly("a", "<stdin>:4", "c");
    assertThat(r.err()).startsWith("<stdin>:4:1: error: the document is larger than the limit of 4 MiB\n");
  }

  @Test
  void refusesALineThatIsNotUtf8AndEvaluatesTheOthers(@TempDir Path dir) throws IOException {
    byte[] bad = "{\"id\": \"a\u00ff\", \"facts\": {}}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] good = (line(0) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[good.length + bad.length];
    System.arraycopy(good, 0, both, 0, good.length);
    System.arraycopy(bad, 0, both, good.length, bad.length);
    Files.write(dir.resolve("u.ndjson"), both);
    Run.Result file = Run.run(new byte[0], Map.of(), dir, false, "eval", "--rules", FIXTURES.resolve("rules.yaml").toString(),
        "--format", "ndjson", "--quiet", "u.ndjson");
    Run.Result stdin = Run.run(both, Map.of(), FIXTURES, false, "eval", "--format", "ndjson", "--quiet", "-");
    for (Run.Result r : List.of(file, stdin)) {
      assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(ids(r.out())).hasSize(2).startsWith("c0").doesNotContain("a\uFFFD");
      assertThat(r.out().lines().skip(1).findFirst().orElse("")).contains("\"results\":[]", "not valid UTF-8");
    }
    assertThat(file.err()).isEqualTo("u.ndjson:2:10: error: the line is not valid UTF-8 text (byte 10)\n"
        + "  hint: save it as UTF-8\npermitcheck: 1 error in 1 file\n");
    assertThat(stdin.err()).startsWith("<stdin>:2:10: error: the line is not valid UTF-8 text (byte 10)\n");
    byte[] yaml = "id: y1\nfacts: {}\n---\nid: y2\nnote: \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Run.Result y = Run.run(yaml, Map.of(), FIXTURES, false, "eval", "--format", "ndjson", "--quiet", "-");
    // named by its document's first line, as a document read whole is; the error at the bad line
    assertThat(ids(y.out())).containsExactly("y1", "<stdin>:4");
    assertThat(y.err()).startsWith("<stdin>:5:7: error: the line is not valid UTF-8 text (byte 7)\n");
  }

  @Test
  void reportsALinkToNoFileInAWalkedDirectoryAndDoesNotFollowLinksToDirectories(@TempDir Path dir) throws IOException {
    Path real = Files.createDirectories(dir.resolve("d/real"));
    Files.writeString(real.resolve("a.yaml"), "id: a\nfacts: {}\n");
    Files.createSymbolicLink(dir.resolve("d/linked"), real);
    Files.createSymbolicLink(dir.resolve("d/gone.yaml"), dir.resolve("d/nowhere.yaml"));
    Run.Result r = Run.run("", Map.of(), dir, "eval", "--rules", FIXTURES.resolve("rules.yaml").toString(), "--format",
        "ndjson", "--quiet", "d");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(ids(r.out())).containsExactly("gone", "a");
    assertThat(r.err()).isEqualTo("d/gone.yaml: error: is a symbolic link to a file that does not exist\n"
        + "  hint: fix or remove the link\npermitcheck: 1 error in 1 file\n");
  }

  @Test
  void warnsOfADirectoryWithoutCaseFilesAndStillExitsZero(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("empty/sub"));
    Files.writeString(dir.resolve("empty/notes.txt"), "not a case");
    Files.writeString(dir.resolve("one.yaml"), "id: one\nfacts: {}\n");
    String rules = FIXTURES.resolve("rules.yaml").toString();
    Run.Result r = Run.run("", Map.of(), dir, "eval", "--rules", rules, "--format", "ndjson", "empty", "one.yaml");
    assertThat(r.exit()).isZero();
    assertThat(ids(r.out())).containsExactly("one");
    assertThat(r.err()).isEqualTo("empty: warning: no case files (*.yaml, *.yml, *.json, *.ndjson, *.jsonl) found\n");
  }

  @Test
  void warnsOfStandardInputOrAnNdjsonFileWithoutCasesAsOfAnEmptyDirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("blank.ndjson"), "\n  \n");
    String rules = FIXTURES.resolve("rules.yaml").toString();
    for (String stdin : List.of("", "\n\r\n", "# a comment\n", "---\n", "---\n# nothing\n---\n...\n")) {
      Run.Result r = Run.run(stdin, Map.of(), dir, "eval", "--rules", rules, "-");
      assertThat(r.exit()).as(stdin).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("<stdin>: warning: no case found: the input is empty or holds only blank lines, "
          + "comments or document markers\n");
    }
    Run.Result file = Run.run("", Map.of(), dir, "eval", "--rules", rules, "--lang", "de", "blank.ndjson");
    assertThat(file.exit()).isZero();
    assertThat(file.err()).isEqualTo("blank.ndjson: Warnung: kein Fall gefunden: die Eingabe ist leer oder enthält "
        + "nur Leerzeilen, Kommentare oder Dokumentmarken\n");
  }

  @Test
  void aDocumentOfCommentsAloneInAYamlStreamIsSkippedInEveryFormat() {
    for (String comments : List.of("# nothing here\n", "\uFEFF# nothing here\n", "\uFEFF\n")) {
      String stream = "id: a\nfacts: {}\n---\n" + comments + "---\nid: b\nfacts: {}\n";
      assertThat(ids(Run.run(stream, Map.of(), FIXTURES, "eval", "--format", "ndjson", "-").out())).as(comments)
          .containsExactly("a", "b");
    }
    String stream = "id: a\nfacts: {}\n---\n# nothing here\n---\nid: b\nfacts: {}\n";
    for (String format : List.of("text", "json", "ndjson")) {
      Run.Result r = Run.run(stream, Map.of(), FIXTURES, "eval", "--format", format, "-");
      assertThat(r.exit()).as(format + ": " + r.err()).isZero();
      assertThat(r.err()).as(format).doesNotContain(": error").doesNotContain("1 case with errors");
    }
    assertThat(ids(Run.run(stream, Map.of(), FIXTURES, "eval", "--format", "ndjson", "-").out()))
        .containsExactly("a", "b");
  }

  @Test
  void testFailsWhenItReadNoCaseButPassesCasesWithoutExpectations(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("one.yaml"), "id: one\nfacts: {}\n");
    String rules = FIXTURES.resolve("rules.yaml").toString();
    String nothing = "permitcheck: no case was read, so nothing was tested\n"
        + "  hint: name case files, or folders or NDJSON files that hold some\n";
    Run.Result empty = Run.run("", Map.of(), dir, "test", "--rules", rules, "empty");
    assertThat(empty.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(empty.out()).isEqualTo("0 cases, 0 expectations: 0 passed, 0 failed\n");
    assertThat(empty.err()).isEqualTo("empty: warning: no case files (*.yaml, *.yml, *.json, *.ndjson, *.jsonl) found\n"
        + nothing);
    Run.Result stdin = Run.run("", Map.of(), dir, "test", "--rules", rules, "-");
    assertThat(stdin.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stdin.err()).endsWith(nothing);
    // a case without expect: is read and evaluated: counted, and no failure
    Run.Result without = Run.run("", Map.of(), dir, "test", "--rules", rules, "one.yaml");
    assertThat(without.exit()).isZero();
    assertThat(without.out()).isEqualTo("1 case, 0 expectations: 0 passed, 0 failed; 1 without expect\n");
  }

  /** Standard input that gives {@code text}, then fails as reading a directory or a broken device does. */
  static java.io.InputStream failingAfter(String text) {
    return new java.io.SequenceInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        new java.io.InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Is a directory");
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eval", "diff", "test"})
  void standardInputThatIsADirectoryIsAnInputErrorAndTheOtherInputsAreStillRead(String command,
      @TempDir Path dir) {
    java.util.function.Function<String, String[]> args = lang -> (command.equals("diff")
        ? List.of(command, "--lang", lang, "--old", "rules.yaml", "-", "cases/de-young.yaml")
        : List.of(command, "--lang", lang, "-", "cases/de-young.yaml")).toArray(String[]::new);
    Run.Result r = Run.run(new org.permitcheck.batch.Stdin(failingAfter(""), dir), Map.of(), FIXTURES, false,
        args.apply("en"));
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).startsWith("<stdin>: error: standard input is a directory, not a stream of cases\n"
        + "  hint: to read the case files in a directory, name it instead of '-'; to read cases from standard "
        + "input, redirect a file: - < cases.ndjson\n").doesNotContain("internal error");
    if (command.equals("eval")) {
      assertThat(r.out()).contains("Case de-young");
    }
    Run.Result de = Run.run(new org.permitcheck.batch.Stdin(failingAfter(""), dir), Map.of(), FIXTURES, false,
        args.apply("de"));
    assertThat(de.err()).startsWith("<stdin>: Fehler: die Standardeingabe ist ein Verzeichnis");
  }

  @Test
  void aReadErrorInTheMiddleOfStandardInputEndsItAtItsLineAsAnInputError(@TempDir Path dir) {
    // a stream that breaks off is no directory: the cases read before it are evaluated
    Run.Result r = Run.run(failingAfter(line(0) + "\n" + line(1) + "\n"), Map.of(), FIXTURES, false, "eval",
        "--format", "ndjson", "-");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(ids(r.out())).containsExactly("c0", "c1", "<stdin>:3");
    assertThat(r.err()).startsWith("<stdin>:3: error: the input could not be read from here on\n"
        + "  hint: the cases before this line were read;");
  }

  @Test
  void aYamlStreamThatBreaksOffInADocumentIsAnErrorAtThatDocumentsFirstLine() {
    Run.Result r = Run.run(failingAfter("id: a\nfacts: {}\n---\nid: b\nfacts:\n  de_60b_months: 1\n"), Map.of(),
        FIXTURES, false, "eval", "--format", "ndjson", "-");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    // the document begun is neither evaluated in part nor passed over: the error stands at its start
    assertThat(ids(r.out())).containsExactly("a", "<stdin>:4");
    assertThat(r.err()).startsWith("<stdin>:4: error: the input could not be read from here on\n"
        + "  hint: the cases before this line were read;");
  }

  @Test
  void refusesStdinGivenTwiceBeforeReadingAnything() {
    String stdin = line(0) + "\n";
    for (String[] args : List.of(new String[] {"eval", "-", "-"}, new String[] {"test", "-", "examples", "-"},
        new String[] {"diff", "--as-of", "2026-01-01", "--to", "2027-01-01", "-", "-"})) {
      Run.Result r = Run.run(stdin, Map.of(), FIXTURES, args);
      assertThat(r.exit()).as(args[0]).isEqualTo(ExitCode.USAGE);
      assertThat(r.out()).as(args[0]).isEmpty();
      assertThat(r.err()).as(args[0]).startsWith("permitcheck: '-' (standard input) is given 2 times, but it can be read only once\n")
          .contains("give '-' once").doesNotContain("internal error");
    }
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"ndjson", "text"})
  void stopsReadingWhenNoOneReadsTheResultsAnyMore(String format, @TempDir Path dir) throws IOException {
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, IntStream.range(0, 3000).mapToObj(BatchTest::line).collect(Collectors.joining("\n")));
    // stdout as a pipe whose reader has gone after 20 KB (e.g. | head)
    OutputStream closing = new OutputStream() {
      long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > 20_000) {
          throw new IOException("Broken pipe");
        }
      }
    };
    StringWriter err = new StringWriter();
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), new ByteWriter(closing), new PrintWriter(err),
        Map.of(), FIXTURES, Run.TODAY, false);
    int exit = Cli.run(ctx, "eval", "--format", format, "--jobs", "2", input.toString());
    assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
    Matcher m = Pattern.compile("could not write to stdout after at least (\\d+) results").matcher(err.toString());
    assertThat(m.find()).as(err.toString()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isBetween(1, 100);
    assertThat(err.toString()).doesNotContain("3000 cases");
  }

  /** Stdout as a full disk (/dev/full): every write to the system fails. */
  static Context fullStdout(StringWriter err) {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    return new Context(new ByteArrayInputStream(new byte[0]), ByteWriter.buffered(full, 1 << 16),
        new PrintWriter(err), Map.of(), FIXTURES, Run.TODAY, false);
  }

  @ParameterizedTest(name = "eval --format {0}")
  @ValueSource(strings = {"text", "json", "ndjson", "markdown"})
  void evalSaysWhenStdoutCannotBeWrittenAndCountsOnlyTheResultsWritten(String format) {
    StringWriter err = new StringWriter();
    int exit = Cli.run(fullStdout(err), "eval", "--format", format, "--quiet", "cases");
    assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
    // the bad cases read so far are reported; then one line, and no summary
    assertThat(err.toString().lines().filter(l -> l.startsWith("permitcheck:")))
        .containsExactly("permitcheck: could not write to stdout after at least 0 results (closed, or full?): stopped;"
            + " the last line written may be cut");
    assertThat(err.toString()).endsWith("the last line written may be cut\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show DE-25b", "schema case", "permits", "facts"})
  void everyCommandSaysWhenStdoutCannotBeWritten(String command) {
    StringWriter err = new StringWriter();
    int exit = Cli.run(fullStdout(err), command.split(" "));
    assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(err.toString()).isEqualTo("permitcheck: could not write to stdout (closed, or full?)\n");
  }

  @ParameterizedTest(name = "diff --format {0}")
  @ValueSource(strings = {"text", "json", "ndjson"})
  void diffSaysWhenStdoutCannotBeWritten(String format) {
    StringWriter err = new StringWriter();
    int exit = Cli.run(fullStdout(err), "diff", "--as-of", "2020-01-01", "--to", "2026-11-22", "--format", format,
        "cases");
    assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(err.toString()).endsWith("permitcheck: could not write to stdout after at least 0 results (closed, or"
        + " full?): stopped; the last line written may be cut\n");
  }

  @ParameterizedTest(name = "--jobs {0}")
  @ValueSource(ints = {1, 2})
  void aBadCaseMessageStandsBeforeItsResultWhenStdoutAndStderrAreOneStream(int jobs, @TempDir Path dir)
      throws IOException {
    // eval ... 2>&1, or both on a terminal: 400 cases, every seventh bad (lines 4, 11, ...)
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, IntStream.range(0, 400).mapToObj(BatchTest::line).collect(Collectors.joining("\n")));
    java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
    ByteWriter stdout = new ByteWriter(new java.io.BufferedOutputStream(both, 1 << 16));
    PrintWriter stderr = new PrintWriter(new java.io.OutputStreamWriter(both, java.nio.charset.StandardCharsets.UTF_8));
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), stdout, stderr, Map.of(), FIXTURES, Run.TODAY,
        false);
    assertThat(Cli.run(ctx, "eval", "--format", "ndjson", "--jobs", String.valueOf(jobs), input.toString()))
        .isEqualTo(ExitCode.INVALID_INPUT);
    stdout.flush();
    stderr.flush();
    List<String> lines = List.of(both.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n"));
    int record = 0;
    for (int i = 0; i < lines.size() && record < 400; i++) {
      if (!lines.get(i).startsWith("{")) {
        continue; // the summary at the end, or a message checked below
      }
      // a bad case's record has its own id too, and its message names its line
      assertThat(lines.get(i)).as("record %d", record).contains("\"case\":\"c" + record + "\"");
      if (record % 7 == 3) {
        int message = i - 1;
        while (lines.get(message).startsWith("  ")) {
          message--; // its hint
        }
        assertThat(lines.get(message)).as("the message before record %d", record)
            .startsWith(input + ":" + (record + 1) + ":");
      } else if (i > 0) {
        assertThat(lines.get(i - 1)).as("the line before record %d", record).startsWith("{");
      }
      record++;
    }
    assertThat(record).isEqualTo(400);
  }

  @Test
  void theWarningOfAnInputWithoutCasesStandsInItsPlaceAmongTheResults(@TempDir Path dir) throws IOException {
    // eval ... 2>&1 with workers reading ahead: the directory's warning comes where the directory stands
    Files.createDirectories(dir.resolve("empty"));
    java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
    ByteWriter stdout = new ByteWriter(new java.io.BufferedOutputStream(both, 1 << 16));
    PrintWriter stderr = new PrintWriter(new java.io.OutputStreamWriter(both, StandardCharsets.UTF_8));
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), stdout, stderr, Map.of(), FIXTURES, Run.TODAY,
        false);
    String empty = dir.resolve("empty").toString();
    assertThat(Cli.run(ctx, "eval", "--format", "ndjson", "--jobs", "2", "--quiet", empty, "cases/de-young.yaml",
        "nope.yaml", empty)).isEqualTo(ExitCode.INVALID_INPUT);
    stdout.flush();
    stderr.flush();
    String warning = empty + ": warning: no case files (*.yaml, *.yml, *.json, *.ndjson, *.jsonl) found";
    assertThat(both.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("  "))
        .map(l -> l.startsWith("{") ? "record " + ids(l).get(0) : l).toList())
        .containsExactly(warning, "record de-young", "nope.yaml: error: no such file", "record nope", warning,
            "permitcheck: 1 error in 1 file");
    // diff says them in the same order, among the messages of its cases (its results come after)
    Run.Result diff = Run.run("", Map.of(), FIXTURES, "diff", "--jobs", "2", "--old", "rules.yaml", empty,
        "cases/de-young.yaml", "nope.yaml", empty);
    assertThat(diff.err().lines().filter(l -> !l.startsWith("  ")).toList())
        .containsExactly(warning, "nope.yaml: error: no such file", warning, "permitcheck: 1 error in 1 file");
  }

  @Test
  void showsAProgressBarOnATerminalUnlessQuiet(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, IntStream.range(0, 50).mapToObj(BatchTest::line).collect(Collectors.joining("\n")));
    Run.Result r = Run.run("", Map.of(), FIXTURES, true, "eval", "--format", "ndjson", input.toString());
    assertThat(r.err()).containsPattern("\r\u001b\\[K\\[[#-]{20}\\] +\\d+% · \\d+ cases? · \\d+ cases? with errors · \\d+/s");
    Run.Result fr = Run.run("", Map.of(), FIXTURES, true, "eval", "--lang", "fr", "--format", "ndjson",
        input.toString());
    assertThat(fr.err()).containsPattern("% · \\d+ (dossier|cas)");
    Run.Result piped = Run.run(line(0) + "\n" + line(1) + "\n", Map.of(), FIXTURES, true, "eval", "--format",
        "ndjson", "-");
    assertThat(piped.err()).containsPattern("\r\u001b\\[K\\d+ cases? · \\d+ cases? with errors").doesNotContain("%");
    Run.Result quiet = Run.run("", Map.of(), FIXTURES, true, "eval", "--quiet", "--format", "ndjson", input.toString());
    assertThat(quiet.err()).doesNotContain("\r");
    assertThat(quiet.out()).isEqualTo(r.out());
  }

  @Test
  void showsProgressWhenOnlyStderrIsATerminal(@TempDir Path dir) throws IOException {
    // eval ... > results.txt in a terminal: progress on stderr, no colour in the file
    Run.Result r = twentyCases(dir, Map.of(), false);
    assertThat(r.err()).containsPattern("\\[[#-]{20}\\] +\\d+% · ");
    assertThat(r.out()).doesNotContain("\u001b");
  }

  @Test
  void writesNoEscapeCodesToADumbTerminal(@TempDir Path dir) throws IOException {
    // TERM=dumb (Emacs' shell, some CI logs): neither colour nor a redrawn progress line
    Run.Result r = twentyCases(dir, Map.of("TERM", "dumb"), true);
    assertThat(r.err()).doesNotContain("\u001b").contains("20 cases read");
    assertThat(r.out()).doesNotContain("\u001b").contains("Case c0");
  }

  /** eval over 20 cases with stderr on a terminal, and stdout too if {@code outTerminal}. */
  private static Run.Result twentyCases(Path dir, Map<String, String> env, boolean outTerminal) throws IOException {
    Path input = dir.resolve("cases.ndjson");
    Files.writeString(input, IntStream.range(0, 20).mapToObj(BatchTest::line).collect(Collectors.joining("\n")));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    ByteWriter stdout = new ByteWriter(out);
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), stdout, new PrintWriter(err), env,
        FIXTURES, Run.TODAY, outTerminal, true, outTerminal, EarlyRules.NONE);
    int exit = Cli.run(ctx, "eval", input.toString());
    stdout.flush();
    assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
    return new Run.Result(out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(), exit);
  }

  @Test
  void evaluatingACaseBeforeItsOwnDatesWarnsOnStderrAndInItsRecord() throws IOException {
    Run.Result r = Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--as-of", "1980-01-01",
        "cases/de-young.yaml");
    assertThat(r.exit()).isZero();
    // at the fact's own line and column, naming the first such date and counting the others
    assertThat(r.err()).contains("cases/de-young.yaml:6:18: warning: fact 'date_of_birth' is 2007-09-01, later than "
        + "the date the case is evaluated at (1980-01-01), and so are 2 other facts");
    JsonNode warning = new ObjectMapper().readTree(r.out()).get("errors").get(0);
    assertThat(warning.get("severity").asText()).isEqualTo("warning");
    assertThat(warning.get("line").asInt()).isEqualTo(6);
    assertThat(warning.get("column").asInt()).isEqualTo(18);
    // a line of NDJSON, or a document of a YAML stream, on stdin: its own line in the stream
    Run.Result ndjson = Run.run("\n{\"id\": \"a\", \"as_of\": \"2026-11-22\", \"facts\": {\"de_stay_since\": \"2020-08-20\"}}\n",
        Map.of(), FIXTURES, "eval", "--format", "ndjson", "--as-of", "2019-01-01", "-");
    assertThat(ndjson.err()).startsWith("<stdin>:2:63: warning: fact 'de_stay_since' is 2020-08-20, later than the "
        + "date the case is evaluated at (2019-01-01)\n");
    Run.Result yaml = Run.run("id: a\nfacts: {}\n---\nid: b\nas_of: 2026-11-22\nfacts:\n  de_stay_since: 2020-08-20\n",
        Map.of(), FIXTURES, "eval", "--format", "ndjson", "--as-of", "2019-01-01", "-");
    assertThat(yaml.err()).startsWith("<stdin>:7:18: warning: fact 'de_stay_since' is 2020-08-20");
    assertThat(Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--as-of", "2026-11-22",
        "cases/de-young.yaml").err()).doesNotContain("warning");
    // the facts evaluated, with --set's values: a date set earlier, or unknown, is not late
    assertThat(Run.run("id: a\nas_of: 2026-11-22\nfacts:\n  de_stay_since: 2020-08-20\n", Map.of(), FIXTURES, "eval",
        "--as-of", "2019-01-01", "--set", "de_stay_since=2018-01-01", "-").err()).isEmpty();
  }

  @Test
  void aDateSetOnTheCommandLineIsCheckedAgainstEachCasesOwnDate() {
    String cases = "{\"id\": \"later\", \"as_of\": \"2031-01-01\", \"facts\": {}}\n"
        + "{\"id\": \"today\", \"as_of\": \"2026-11-22\", \"facts\": {}}\n";
    Run.Result r = Run.run(cases, Map.of(), FIXTURES, "eval", "--format", "ndjson", "--set",
        "de_stay_since=2030-06-01", "-");
    assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"schema_version\":1,\"case\":\"later\"").contains("\"errors\":[]");
    assertThat(lines[1]).contains("\"case\":\"today\"", "fact 'de_stay_since' is 2030-06-01, later than the case's date (2026-11-22)");
    assertThat(r.err()).contains("<stdin>:2: error: --set de_stay_since: fact 'de_stay_since' is 2030-06-01, later than the case's date (2026-11-22)");
    // --redact keeps the value out of the error record
    assertThat(Run.run(cases, Map.of(), FIXTURES, "eval", "--format", "ndjson", "--redact", "--set",
        "de_stay_since=2030-06-01", "-").out()).contains("fact 'de_stay_since' is later than the case's date")
        .doesNotContain("2030-06-01");
  }

  @Test
  void aNamedPipeEvaluatedBeforeItsOwnDatesWarnsWithoutWaitingForASecondWriter(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("late.yaml");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(fifo, "id: late\nas_of: 2026-11-22\nfacts:\n  de_stay_since: 2020-08-20\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    // the position of the late date is not looked up by opening the pipe again: that would wait for good
    Run.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson", "--as-of", "2019-01-01", fifo.toString()));
    writer.join();
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).startsWith(fifo + ":1: warning: fact 'de_stay_since' is 2020-08-20");
  }

  @Test
  void formatIsReadWhateverItsCaseAsLangIs() {
    Run.Result upper = Run.run("", Map.of(), FIXTURES, "eval", "--format", "NDJSON", "cases/de-young.yaml");
    assertThat(upper.exit()).as(upper.err()).isZero();
    assertThat(upper.out()).isEqualTo(Run.run("", Map.of(), FIXTURES, "eval", "--format", "ndjson",
        "cases/de-young.yaml").out());
    assertThat(Run.run("", Map.of(), FIXTURES, "diff", "--format", "Json", "--old", "rules.yaml",
        "cases/de-young.yaml").exit()).isZero();
  }
}
