package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.permitcheck.bench.Generate;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.TreeReader;
import org.permitcheck.tree.YamlSubsetTest;

/**
 * A YAML case file read in a batch is read on the fast path of JSON (written out as JSON by the subset
 * reader, {@code TreeReader.plainYamlAsJson}) once the reader
 * has read a few files: it must yield exactly what typing the tree yields, diagnostics included, for
 * every example, generated cases in both writers' styles, and thousands of mutations of them.
 */
class YamlFastPathTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static Ruleset rules;
  /** Warmed up: past the files a reader types without the fast path. */
  static CaseReader batch;
  static CaseReader full;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value().get();
    batch = new CaseReader(rules, TODAY);
    full = new CaseReader(rules, TODAY);
    for (int i = 0; i < 20; i++) {
      byte[] b = Generate.yaml(rules, new Random(i), i).getBytes(StandardCharsets.UTF_8);
      batch.read(SourceText.ofUtf8("warm.yaml", b), b);
    }
  }

  /** Both paths give the same case and diagnostics; true when the fast path took it. */
  static boolean agrees(String text, String name) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    SourceText source = SourceText.ofUtf8(name, bytes);
    return same(text, batch.read(source, bytes), full.read(source));
  }

  /** Asserts that the batch's reading gave what typing the tree gave; true when on the fast path. */
  private static boolean same(String text, Checked<Case> viaBatch, Checked<Case> viaTree) {
    assertThat(viaBatch.value()).as(text).isEqualTo(viaTree.value());
    assertThat(viaBatch.diagnostics()).as(text).isEqualTo(viaTree.diagnostics());
    if (viaTree.value().isPresent()) {
      assertThat(JsonCaseReaderTest.bySlot(viaBatch.value().get(), rules)).as(text)
          .isEqualTo(JsonCaseReaderTest.bySlot(viaTree.value().get(), rules));
      assertThat(viaBatch.value().get().facts().keySet()).as(text)
          .containsExactlyElementsOf(viaTree.value().get().facts().keySet());
    }
    return viaBatch.value().isPresent() && viaBatch.value().get().factsBySlot(rules.symbols()) != null;
  }

  private static List<String> generated(int count) {
    Random r = new Random(17);
    CaseWriter writer = new CaseWriter(rules);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(i % 2 == 0 ? Generate.yaml(rules, r, i) : writer.write(Generate.read(rules, full, r, i).value()));
    }
    return out;
  }

  @Test
  void typesEveryGeneratedCaseOnTheFastPathAsTheTreeIsTyped() {
    for (String text : generated(1000)) {
      assertThat(agrees(text, "dir/case-x.yaml")).as(text).isTrue();
    }
  }

  @Test
  void agreesOnEveryExample() throws IOException {
    int fast = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("examples"), "*.yaml")) {
      for (Path file : files) {
        if (agrees(Files.readString(file), file.toString())) {
          fast++;
        }
      }
    }
    assertThat(fast).isGreaterThan(50);
  }

  @Test
  void neverDiffersFromTypingTheTreeOnMutatedCases() {
    Random r = new Random(23);
    String[] noise = {" ", "\n", "\n  ", "\n    - ", "- ", ": ", "#", " #", "\"", "'", "\\", "\\u00e9", "\\ud800",
        "[", "]", "{", "}", ",", "0", "-", ".", "e", "yes", "Yes", "true", "TRUE", "null", "~", "0x1f", "1_000",
        "012", "+1", "1.", ".5", "1e3", "1.5e3", "2020-01-01", "2020-02-30", "2099-01-01", "x", "\u00e9", "\u2028",
        "\ud83d\ude00", "\t", "|", ">", "&a", "*a", "!!str ", "1", "\"a\\\"b\"", "'it''s'", "\"\\t\""};
    int fast = 0;
    int other = 0;
    List<String> bases = generated(600);
    for (int i = 0; i < 6000; i++) {
      StringBuilder text = new StringBuilder(bases.get(r.nextInt(bases.size())));
      YamlSubsetTest.cut(text, r, noise);
      if (agrees(text.toString(), "m/case-" + i + ".yaml")) {
        fast++;
      } else {
        other++;
      }
    }
    // most cuts make a case invalid, which the tree's typing explains; both paths are exercised
    assertThat(fast).isGreaterThan(10);
    assertThat(other).isGreaterThan(3000);
  }

  @Test
  void neverDiffersFromTypingTheTreeWhenAFactTakesAnotherValue() {
    Random r = new Random(29);
    String[] values = {"12", "-0", "1.50", "0.00000000001", "1234567890123456789", "0x1f", "012", "1e3", "1.5e3",
        "yes", "no", "on", "true", "false", "TRUE", "null", "~", "'x'", "\"a\\\"b\"", "\"\\u00e9\"", "'it''s'",
        "\"true\"", "'1'", "2020-02-30", "2099-01-01", "2020-01-01", "duldung", "B1", "x y", "é", "[]", "{}",
        "[{}]", "[{from: 2020-01-01}]", "[{status: duldung, from: 2020-01-01, to: 2019-01-01}]",
        "[{status: duldung, from: 2020-01-01, to: null}]", "[1, 2]", "[a, b]"};
    int fast = 0;
    int other = 0;
    List<String> bases = generated(400);
    for (int i = 0; i < 4000; i++) {
      String[] lines = bases.get(r.nextInt(bases.size())).split("\n", -1);
      List<Integer> facts = new ArrayList<>();
      for (int k = 0; k < lines.length; k++) {
        if (lines[k].startsWith("  ") && !lines[k].startsWith("   ") && lines[k].contains(": ")) {
          facts.add(k);
        }
      }
      int k = facts.get(r.nextInt(facts.size()));
      lines[k] = lines[k].substring(0, lines[k].indexOf(": ") + 2) + values[r.nextInt(values.length)];
      if (agrees(String.join("\n", lines), "v/case-" + i + ".yaml")) {
        fast++;
      } else {
        other++;
      }
    }
    assertThat(fast).isGreaterThan(200);
    assertThat(other).isGreaterThan(500);
  }

  @Test
  void readsADocumentOfAYamlStreamAsTheTreeIsTyped() {
    Random r = new Random(31);
    int fast = 0;
    for (int i = 0; i < 300; i++) {
      String text = Generate.yaml(rules, r, i);
      if (i % 3 == 2) {
        text = text.replace("facts:\n", "facts:\n  no_such_fact: 1\n"); // explained with the stream's lines
      }
      SourceText source = new SourceText("<stdin>", text, 5 + i);
      Checked<Case> viaBatch = batch.readDocument(source, false, "<stdin>:" + (5 + i));
      TreeReader.Result parsed = TreeReader.yaml(Limits.CASE).read(source);
      Checked<Case> viaTree = parsed.ok() ? full.read(source, parsed.root().get(), "<stdin>:" + (5 + i))
          : Checked.failed(parsed.diagnostics());
      if (same(text, viaBatch, viaTree)) {
        fast++;
      }
    }
    assertThat(fast).isEqualTo(200);
  }

  @Test
  void aSingleCaseIsTypedFromItsTree() {
    CaseReader fresh = new CaseReader(rules, TODAY);
    byte[] b = Generate.yaml(rules, new Random(1), 1).getBytes(StandardCharsets.UTF_8);
    Checked<Case> c = fresh.read(SourceText.ofUtf8("one.yaml", b), b);
    assertThat(c.value().get().factsBySlot(rules.symbols())).isNull(); // the tree's typing places none
  }
}
