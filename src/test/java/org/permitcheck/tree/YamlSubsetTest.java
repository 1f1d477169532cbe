package org.permitcheck.tree;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.bench.Generate;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.cases.CaseWriter;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/**
 * The YAML subset reader gives up on what it does not read exactly, and where it reads a text it
 * builds the very tree SnakeYAML's reader builds: values, types, quoting and every position. Checked
 * on hand-written texts, on the examples, on generated case files in both styles (the benchmark's and
 * {@link CaseWriter}'s) and on thousands of mutations of them.
 */
public class YamlSubsetTest {
  private static Ruleset rules;

  @BeforeAll
  static void loadRules() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value().get();
  }

  /** The tree as text, with every type, quoting and position. */
  static String dump(Node node) {
    StringBuilder out = new StringBuilder();
    dump(node, out);
    return out.toString();
  }

  private static void dump(Node node, StringBuilder out) {
    out.append('@').append(node.pos().line()).append(':').append(node.pos().column());
    if (node instanceof MapNode m) {
      out.append('{');
      for (MapNode.Entry e : m.entries()) {
        out.append(e.key()).append('@').append(e.keyPos().line()).append(':').append(e.keyPos().column()).append('=');
        dump(e.value(), out);
        out.append(", ");
      }
      out.append('}');
    } else if (node instanceof ListNode l) {
      out.append('[');
      for (Node item : l.items()) {
        dump(item, out);
        out.append(", ");
      }
      out.append(']');
    } else {
      ScalarNode s = (ScalarNode) node;
      out.append(s.type()).append(s.quoted() ? " quoted " : " plain ").append('<').append(s.text()).append('>');
    }
  }

  /** The tree the full reader builds, or null when it reports anything or finds more than one document. */
  static Node full(SourceText source) {
    List<TreeReader.Result> results = new ArrayList<>();
    TreeReader.yaml(Limits.CASE).readAll(source, results::add, 2);
    if (results.size() != 1 || !results.get(0).ok() || !results.get(0).diagnostics().isEmpty()) {
      return null;
    }
    return results.get(0).root().get();
  }

  /** The tree's values and types, without positions or quoting (which JSON does not keep). */
  static String values(Node node) {
    if (node instanceof MapNode m) {
      StringBuilder out = new StringBuilder("{");
      for (MapNode.Entry e : m.entries()) {
        out.append(e.key()).append('=').append(values(e.value())).append(", ");
      }
      return out.append('}').toString();
    }
    if (node instanceof ListNode l) {
      StringBuilder out = new StringBuilder("[");
      for (Node item : l.items()) {
        out.append(values(item)).append(", ");
      }
      return out.append(']').toString();
    }
    ScalarNode s = (ScalarNode) node;
    return s.type() + "<" + s.text() + ">";
  }

  /**
   * How the subset writes the text as JSON otherwise than it reads it, or null: the JSON must read back
   * (with the JSON reader) as the same values of the same types; where the subset reads nothing, it
   * writes nothing, or JSON that the reader refuses (a duplicate key).
   */
  static String jsonDisagreement(String text) {
    Node tree = YamlSubset.read(text, 1, Limits.CASE);
    byte[] json = YamlSubset.json(text, Limits.CASE);
    if (json == null) {
      return tree == null ? null : "the subset reads but does not write as JSON:\n" + text;
    }
    TreeReader.Result back = TreeReader.forName("x.json", Limits.CASE).read(SourceText.ofUtf8("x.json", json));
    String written = new String(json, StandardCharsets.UTF_8);
    if (tree == null) {
      return back.ok() ? "the subset writes as JSON what it does not read:\n" + text + "\nas\n" + written : null;
    }
    if (!back.ok()) {
      return "the JSON does not read back:\n" + written + "\n" + back.diagnostics() + "\nfrom\n" + text;
    }
    String a = values(tree);
    String b = values(back.root().get());
    return a.equals(b) ? null : "the subset reads\n" + a + "\nits JSON\n" + b + "\nfrom\n" + text;
  }

  /** Whether the subset reads the text; fails when it reads it otherwise than the full reader. */
  static boolean agrees(String text, int firstLine) {
    assertThat(disagreement(text, firstLine)).isNull();
    return YamlSubset.read(text, firstLine, Limits.CASE) != null;
  }

  /**
   * How the subset reads the text otherwise than the full reader, or null when it reads it alike or
   * not at all (also for the fuzzer, {@code CaseReaderFuzzTest}).
   */
  public static String disagreement(String text, int firstLine) {
    String json = jsonDisagreement(text);
    if (json != null) {
      return json;
    }
    Node subset = YamlSubset.read(text, firstLine, Limits.CASE);
    if (subset == null) {
      return null;
    }
    Node full = full(new SourceText("case.yaml", text, firstLine));
    if (full == null) {
      return "the full reader refuses what the subset reads:\n" + text;
    }
    String a = dump(subset);
    String b = dump(full);
    return a.equals(b) ? null : "the subset reads\n" + a + "\nthe full reader\n" + b + "\nfrom\n" + text;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "id: a\nfacts:\n  x: 1\n",
      "id: a\nfacts:\n  x: 1",
      "# a case\n\nid: a  # its id\nfacts:   # below\n\n  # none yet\n  x: -12\n  w: 0.50\n  z: -0.5\n",
      "a: text with  spaces and (parentheses) / slashes + more   \n",
      "a: 2020-02-30\nb: 2020-01-01\nc: 0\nd: 1234567890123456789012345\n",
      "a: true\nb: false\nc: \"yes\"\nd: \"\"\ne: \"q \\\" b \\\\ n \\n t \\t r \\r u \\u00e9 \\u0041\"\n",
      "a: []\nb: {}\nc: [ ]\nd: { }\ne: [1, 2.5, x y, \"z\", [], {}]\nf: {a: 1, b: [c], d: {e: f}}\n",
      "a: [{x: 1,w: 2},   {x: 3}]\n",
      "facts:\n  l:\n    - {a: 1}\n    - b: 2\n      c: [3]\n    -   d: 4\n    - 5\n    - \"six\"\n  m: 1\n",
      "a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n",
      "a:\n  - x\n  -   yy\nb: z\n",
      "a:\n- x\n- {b: 1}\nc:\n- d: 1\n  e:\n  - 2\n  f: 3\n-   g: 4\nh: 5\ni:\n  j:\n  - 6\n  k: 7\n",
      "a.b-c_d: 1\n_x: 2\n",
      "a: \"\\u0000\"\n",
      "a: 'it''s'\nb: ''\nc: ['x', {d: 'y ''z'''}]\ne: '\\n\"'  # q\n",
      "# Ibrahim — né à N'Djaména\na: \"ünïcødé ✓ — «x»\"  # é\nb: Müller straße\nc: [Zoë, {d: xé}]\n",
  })
  void readsTextsInTheSubsetAsTheFullReaderDoes(String text) {
    assertThat(agrees(text, 1)).as(text).isTrue();
    assertThat(agrees(text, 41)).as("from line 41: " + text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "# only a comment\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", " a: 1\n", "a: 1\n b: 2\n",
      "a:\n", "a:\nb: 1\n", "a: 1\na: 2\n", "a: {b: 1, b: 2}\n", "a: yes\n", "a: No\n", "a: True\n", "a: null\n",
      "a: ~\n", "a: y\n", "a: Off\n", "on: 1\n", "a: |\n  x\n", "a: >\n  x\n", "a: &x 1\n", "a: *x\n", "a: 'x\n  y'\n", "a: 'x''\n", "a: 'x'y\n",
      "a: !!str 1\n", "a: !x 1\n", "a:\tb\n", "a: 1\r\n", "a: \u00e9\n", "a: 01\n", "a: 0x1f\n",
      "a: 1_000\n", "a: 1e5\n", "a: .5\n", "a: 1.\n", "a: +1\n", "a: -\n", "a: - x\n", "a: .inf\n", "a: 12:30\n",
      "a: b: c\n", "a:b\n", "a: x#y\n", "a: x #y\n#z\nb: 1\nc:\n", "a: \"x\"#y\n", "a: [1, 2\n", "a: [1, 2,]\n",
      "a: [1,\n  2]\n", "a: \"x\n  y\"\n", "a: \"\\x41\"\n", "a: \"\\ud800\"\n", "a: \"\\/\"\n", "a: {b:1}\n",
      "a: {b: }\n", "a: {\"b\": 1}\n", "\"a\": 1\n", "$schema: x\n", "a: x\n  y\n", "a: x\n    y: 1\n",
      "a:\n- x\n -y\n", "a:\n- x\n  - y\n", "a:\n- x\n-\n", "a:\n  -x\n", "a:\n  - \n", "a:\n  -\n    x: 1\n", "a:\n  - x\n   - y\n", "- a\n", "a: [x: 1]\n",
      "a: 2020-1-1\n", "# \u2028a: 1\n", "# \u0085\na: 1\n", "a: \"\ud83d\ude00\"\n", "a: \u00e9\u2029\n",
      "a: \ufeffx\n", "\u00e9: 1\n", "a: \u00a0\n", "a: x\u007f\n",
      "a: \"\\u\u0660\u0660\u0664\u0661\"\n", "a: \"\\u\uff10\uff10\uff14\uff41\"\n", "a: ? x\n", "? a\n: 1\n", "a: %x\n", "a: @x\n", "a: `x`\n", "a: x,y\n", "a: [a b:c]\n",
  })
  void givesUpOnWhatIsOutsideTheSubset(String text) {
    assertThat(YamlSubset.read(text, 1, Limits.CASE)).as(text).isNull();
  }

  @Test
  void givesUpBeyondTheLimits() {
    Limits small = new Limits(1000, 2, 5, 3);
    assertThat(YamlSubset.read("a: 123456\n", 1, small)).isNull();
    assertThat(YamlSubset.read("a: abcdef\n", 1, small)).isNull();
    assertThat(YamlSubset.read("abcdef: 1\n", 1, small)).isNull();
    assertThat(YamlSubset.read("a: \"abcdef\"\n", 1, small)).isNull();
    assertThat(YamlSubset.read("a: {b: {c: 1}}\n", 1, small)).isNull();
    assertThat(YamlSubset.read("a: {b: 1}\n", 1, small)).isNotNull();
  }

  @Test
  void agreesOnEveryExample() throws IOException {
    int read = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("examples"), "*.yaml")) {
      for (Path file : files) {
        if (agrees(Files.readString(file), 1)) {
          read++;
        }
      }
    }
    // the examples carry comments and hand-written forms; most are still in the subset
    assertThat(read).isGreaterThan(0);
  }

  /** Generated cases, alternately as the benchmark writes them and as {@link CaseWriter} does. */
  private static List<String> generated(int count) {
    Random r = new Random(7);
    CaseReader reader = new CaseReader(rules, LocalDate.of(2026, 11, 22));
    CaseWriter writer = new CaseWriter(rules);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(i % 2 == 0 ? Generate.yaml(rules, r, i) : writer.write(Generate.read(rules, reader, r, i).value()));
    }
    return out;
  }

  @Test
  void readsEveryGeneratedCaseAsTheFullReaderDoes() {
    for (String text : generated(1000)) {
      assertThat(agrees(text, 1)).as(text).isTrue();
    }
  }

  @Test
  void neverDiffersFromTheFullReaderOnMutatedCases() {
    Random r = new Random(11);
    String[] noise = {" ", "  ", "\n", "\n  ", "\n    - ", "- ", ":", ": ", "#", " #", "\"", "'", "\\", "\\u00e9",
        "[", "]", "{", "}", ",", ", ", "0", "-", ".", "e", "yes", "true", "null", "~", "&a", "*a", "!", "|", ">",
        "?", "---", "\t", "\r", "\u00e9", "\u00a0", "\u2028", "\u0085", "\u2014", "\ud83d\ude00", "x", "_", "1",
        "2020-01-01"};
    int read = 0;
    int outside = 0;
    List<String> bases = generated(800);
    for (int i = 0; i < 8000; i++) {
      StringBuilder text = new StringBuilder(bases.get(r.nextInt(bases.size())));
      cut(text, r, noise);
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

  /** Replaces one to three places of the text, each a few characters or none, by a piece of noise. */
  public static void cut(StringBuilder text, Random r, String[] noise) {
    int cuts = 1 + r.nextInt(3);
    for (int k = 0; k < cuts; k++) {
      int at = r.nextInt(text.length());
      int drop = r.nextInt(3) == 0 ? Math.min(text.length() - at, 1 + r.nextInt(3)) : 0;
      text.replace(at, at + drop, noise[r.nextInt(noise.length)]);
    }
  }

  @Test
  void readsUtf8FilesOfTheSubsetWithoutSnakeYaml() {
    byte[] bytes = "id: a\nfacts:\n  x: 1\n".getBytes(StandardCharsets.UTF_8);
    TreeReader.Result r = TreeReader.yaml(Limits.CASE).read(SourceText.ofUtf8("a.yaml", bytes));
    assertThat(r.ok()).isTrue();
    assertThat(dump(r.root().get())).isEqualTo(dump(full(SourceText.ofUtf8("a.yaml", bytes))));
  }
}
