package org.permitcheck.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permitcheck.tree.YamlSubsetTest.dump;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.bench.Generate;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesBundle;
import org.permitcheck.rules.RulesLoader;

/**
 * The JSON reader of the bundled rules gives up on what it does not read exactly, and where it reads a
 * text it builds the very tree Jackson's reader builds: values, types, quoting and every position.
 * Checked on hand-written texts, on every part of the bundled ruleset, on the examples and generated
 * cases written as JSON, compact and indented, and on thousands of mutations of them.
 */
public class CompactJsonTest {
  private static Ruleset rules;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeAll
  static void loadRules() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value().get();
  }

  /** The tree Jackson's reader builds, or null when it reports anything or finds more than one value. */
  private static Node jackson(String text, int firstLine, Limits limits) {
    List<TreeReader.Result> results = new ArrayList<>();
    TreeReader.json(limits).readAll(new SourceText("x.json", text, firstLine), results::add, 2);
    if (results.size() != 1 || !results.get(0).ok() || !results.get(0).diagnostics().isEmpty()) {
      return null;
    }
    return results.get(0).root().get();
  }

  /**
   * How the reader reads the text otherwise than Jackson, or null when alike or not at all (also for
   * the fuzzer, {@code CaseReaderFuzzTest}).
   */
  public static String disagreement(String text, int firstLine, Limits limits) {
    Node compact = CompactJson.read(text, firstLine, limits);
    if (compact == null) {
      return null;
    }
    Node full = jackson(text, firstLine, limits);
    if (full == null) {
      return "Jackson refuses what the reader reads:\n" + text;
    }
    String a = dump(compact);
    String b = dump(full);
    return a.equals(b) ? null : "the reader reads\n" + a + "\nJackson\n" + b + "\nfrom\n" + text;
  }

  /** Whether the reader reads the text; fails when it reads it otherwise than Jackson. */
  private static boolean agrees(String text, int firstLine) {
    assertThat(disagreement(text, firstLine, Limits.CASE)).isNull();
    return CompactJson.read(text, firstLine, Limits.CASE) != null;
  }

  private static String indented(String json) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "{ }", "[ ]", "\"\"", "\"x\"", "0", "-0", "12", "-3", "1.5", "-0.25", "1e5", "1E+5", "2.5e-3",
      "true", "false", "null", " \n  {\"a\": 1}\n", "{\"a\":{\"b\":[1,[2,[]],{}]},\"c\":\"d\"}",
      "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "\"\\u00e9\\u00C9\"", "\"\\uD83D\\uDE00\"", "\"é – ok\"",
      "{\n  \"a\" : [\n    1,\n    \"two\"\n  ],\n\t\"b\": null\n}", "{\"a\":1,\"b\":{\"a\":2}}"})
  void readsWellFormedJsonAsJacksonDoes(String text) {
    assertThat(agrees(text, 1)).as(text).isTrue();
    assertThat(agrees(text, 7)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "{a:1}",
      "{'a':1}", "{\"a\":1,\"a\":2}", "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "1_000", "NaN",
      "Infinity", "tru", "truex", "nul", "True", "\"abc", "\"a\\x\"", "\"a\\u00\"", "\"a\\u00g1\"", "\"a\tb\"",
      "\"a\u0001b\"", "\"\\u\u0660\u0660\u0664\u0661\"", "\"\\u\uff10\uff10\uff14\uff41\"", "1 2", "{} {}", "{}x", "// c\n{}", "\ufeff{}", "{\r\n}", "[1]\r"})
  void givesUpOnWhatJacksonMustRead(String text) {
    assertThat(CompactJson.read(text, 1, Limits.CASE)).as(text).isNull();
  }

  @Test
  void givesUpBeyondTheLimits() {
    Limits small = new Limits(1000, 2, 5, 3);
    assertThat(CompactJson.read("{\"a\":1234}", 1, small)).isNull();
    assertThat(CompactJson.read("{\"a\":\"abcdef\"}", 1, small)).isNull();
    assertThat(CompactJson.read("{\"abcdef\":1}", 1, small)).isNull();
    assertThat(CompactJson.read("{\"a\":{\"b\":{\"c\":1}}}", 1, small)).isNull();
    assertThat(CompactJson.read("[[[]]]", 1, small)).isNull();
    assertThat(CompactJson.read("{\"a\":{\"b\":123}}", 1, small)).isNotNull();
    assertThat(CompactJson.read("[" + "1,".repeat(600) + "1]", 1, small)).isNull();
  }

  @Test
  void readsEveryPartOfTheBundledRulesAsJacksonDoes() throws IOException {
    Node tree = TreeReader.yaml(Limits.RULES).read(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .root().orElseThrow();
    Map<String, String> parts = RulesBundle.split((MapNode) tree);
    assertThat(parts).containsKeys(RulesBundle.CORE, "DE", "FR", "BE", "NL");
    for (Map.Entry<String, String> part : parts.entrySet()) {
      assertThat(CompactJson.read(part.getValue(), 1, Limits.RULES)).as(part.getKey()).isNotNull();
      assertThat(disagreement(part.getValue(), 1, Limits.RULES)).as(part.getKey()).isNull();
    }
  }

  /** The examples and generated cases, as compact JSON and indented. */
  private static List<String> cases() throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("examples"), "*.yaml")) {
      for (Path file : files) {
        Node tree = TreeReader.yaml(Limits.CASE).read(new SourceText(file.toString(), Files.readString(file)))
            .root().orElseThrow();
        out.add(TreeWriter.json(tree));
      }
    }
    Random r = new Random(5);
    for (int i = 0; i < 300; i++) {
      out.add(Generate.json(rules, r, i));
    }
    int compact = out.size();
    for (int i = 0; i < compact; i += 3) {
      out.add(indented(out.get(i)));
    }
    return out;
  }

  @Test
  void readsEveryExampleAndGeneratedCaseAsJacksonDoes() throws IOException {
    for (String text : cases()) {
      assertThat(agrees(text, 1)).as(text).isTrue();
    }
  }

  @Test
  void neverDiffersFromJacksonOnMutatedCases() throws IOException {
    Random r = new Random(13);
    String[] noise = {"\u0661", "\uff41", "\\u00\u0660\u0664", " ", "\n", "\r\n", "\t", "\"", "\\", "\\u00e9", "\\uD83D", "\\x", "\\n", "{", "}", "[", "]",
        ",", ":", "0", "00", "-", ".", "e", "E", "+", "true", "false", "null", "tru", "\u00e9", "\u0001", "01", "1.5",
        "1e5", "\ufeff", "//", "/*", "'", "NaN", "Infinity", "\"a\":1", "\"a\"", "\ud83d\ude00", "x"};
    int read = 0;
    int outside = 0;
    List<String> bases = cases();
    for (int i = 0; i < 8000; i++) {
      StringBuilder text = new StringBuilder(bases.get(r.nextInt(bases.size())));
      YamlSubsetTest.cut(text, r, noise);
      if (agrees(text.toString(), 1 + r.nextInt(3))) {
        read++;
      } else {
        outside++;
      }
    }
    // both outcomes are exercised
    assertThat(read).isGreaterThan(500);
    assertThat(outside).isGreaterThan(800);
  }

  @Test
  void readsJsonThroughTheTreeReaderWithoutJackson() {
    TreeReader.Result r = TreeReader.json(Limits.CASE).read(new SourceText("a.json", "{\"id\": \"a\", \"facts\": {}}"));
    assertThat(r.ok()).isTrue();
    assertThat(dump(r.root().get())).isEqualTo("@1:1{id@1:2=@1:8STRING quoted <a>, facts@1:13=@1:22{}, }");
    // what it gives up on, Jackson reports
    TreeReader.Result bad = TreeReader.json(Limits.CASE).read(new SourceText("a.json", "{\"id\": \"a\",\n \"id\": 1}"));
    assertThat(bad.diagnostics()).singleElement().extracting(d -> d.message()).asString().contains("duplicate key 'id'");
  }
}
