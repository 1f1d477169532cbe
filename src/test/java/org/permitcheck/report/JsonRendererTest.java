package org.permitcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.permitcheck.bench.Generate;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Scope;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/**
 * The renderer writes, byte for byte, what the Jackson-based {@link ReferenceJsonRenderer} wrote: for
 * generated cases over the real rules.yaml (case ids, sources, notes and text facts carrying quotes,
 * backslashes, control characters and non-ASCII), their what-ifs and failures, in every format and
 * language.
 */
class JsonRendererTest {
  static final int CASES = 200;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final String AWKWARD = "q\"uote \\back\\slash\nnew\tline\r\b\f \u0000\u0001\u001b\u001f\u007f é ß 中文 😀"
      + " \u2028 </script>";
  /** Written into the text facts (descriptions of circumstances), to find them again in the output. */
  static final String AWKWARD_FACT = "fact: " + AWKWARD;

  static Ruleset rules;
  static final List<Evaluation> evaluations = new ArrayList<>();

  @BeforeAll
  static void evaluateGeneratedCases() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value()
        .orElseThrow();
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(20261122L);
    CaseReader reader = new CaseReader(rules, TODAY);
    Evaluator evaluator = new Evaluator(rules);
    Evaluation previous = null;
    for (int i = 0; i < CASES; i++) {
      String line = Generate.json(rules, random, i)
          .replace("\"id\":\"case-" + i + "\"", "\"id\":" + json.writeValueAsString(AWKWARD + " " + i))
          .replace("\"text ", json.writeValueAsString(AWKWARD_FACT).replaceFirst("\"$", " "));
      String source = "dir\\sub \"é\"/case-" + i + ".json";
      Case c = reader.read(new SourceText(source, line)).value()
          .orElseThrow(() -> new IllegalStateException("generated case does not read: " + line));
      Evaluation e = evaluator.evaluate(c, c.asOf().orElse(TODAY), Scope.ALL);
      evaluations.add(e);
      if (i % 4 == 0) {
        // what-if: a fact becomes unknown
        Map<String, Object> changes = new HashMap<>();
        changes.put(c.facts().keySet().iterator().next(), null);
        evaluations.add(evaluator.evaluate(c.with(changes), e.asOf(), Scope.ALL).comparedWith(e));
      }
      if (i % 5 == 0) {
        // inside the application windows of 2009 and the rules of 2004-2010: dates to apply before
        evaluations.add(evaluator.evaluate(c, LocalDate.of(2009, 10, 1).plusDays(i), Scope.ALL));
      }
      if (i % 10 == 0) {
        evaluations.add(awkward(e));
      }
      if (i % 7 == 0 && previous != null) {
        // compared with another country's case: most permits have no result before
        evaluations.add(e.comparedWith(previous));
      }
      previous = e;
    }
    // the examples: hand-made cases with dates to become eligible or to apply by, which generated
    // cases seldom have
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("examples"), "*.yaml")) {
      for (Path file : files) {
        Case c = reader.read(new SourceText(file.toString(), Files.readString(file))).value()
            .orElseThrow(() -> new IllegalStateException("example does not read: " + file));
        evaluations.add(evaluator.evaluate(c, c.asOf().orElse(TODAY), Scope.ALL));
      }
    }
  }

  /**
   * The evaluation with awkward strings where the real rules put none: every criterion read the case's
   * facts (lists of maps whose texts are awkward) and an awkward fact name, which is also missing. The
   * permits are copies and the top-level criteria reversed, so that the compact parts written once do
   * not apply.
   */
  static Evaluation awkward(Evaluation e) {
    Map<String, Object> facts = new LinkedHashMap<>(e.subject().facts());
    facts.put(AWKWARD, AWKWARD_FACT);
    List<PermitResult> results = new ArrayList<>();
    for (PermitResult r : e.results()) {
      Permit p = r.permit();
      Permit copy = new Permit(p.id(), p.country(), p.kind(), p.title(), p.legalBasis(), p.source(), p.inForce(),
          p.window(), p.grants(), p.apply(), p.documents(), p.appeal(), p.notes(), p.discretionary(), p.criteria());
      CriterionResult tree = withFacts(r.tree(), facts);
      List<CriterionResult> reversed = new ArrayList<>(tree.children());
      Collections.reverse(reversed);
      tree = new CriterionResult(tree.criterion(), tree.outcome(), tree.lenient(), tree.waivable(), tree.facts(),
          reversed);
      List<String> missing = new ArrayList<>(r.missing());
      missing.add(AWKWARD);
      results.add(new PermitResult(copy, r.verdict(), r.nearMiss(), tree, missing, r.eligibleFrom(),
          r.applyBefore(), r.fromDiscretionary(), r.eligibleUntil(), r.afterApplyBefore(),
          r.missingAfterApplyBefore(), r.applyBeforeJudgedAt(), r.eligibleFromIfRequested(),
          r.requestFrom(), r.requestBy(), r.ifRequestedDiscretionary()));
    }
    return new Evaluation(e.subject(), e.asOf(), e.applicationDate(), results);
  }

  static CriterionResult withFacts(CriterionResult c, Map<String, Object> facts) {
    List<CriterionResult> children = c.children().stream().map(child -> withFacts(child, facts)).toList();
    return new CriterionResult(c.criterion(), c.outcome(), c.lenient(), c.waivable(), facts, children);
  }

  static Stream<Arguments> formats() {
    List<Arguments> all = new ArrayList<>();
    for (String language : Messages.LANGUAGES) {
      for (boolean pretty : new boolean[] {false, true}) {
        for (boolean full : new boolean[] {false, true}) {
          for (boolean redact : new boolean[] {false, true}) {
            all.add(Arguments.of(language, pretty, full, redact));
          }
        }
      }
    }
    return all.stream();
  }

  static List<Diagnostic> notes(int i) {
    return i % 3 != 0 ? List.of() : List.of(
        new Diagnostic(Severity.WARNING, "notes/" + AWKWARD, i, i % 5, "case '" + AWKWARD + "'", "",
            List.of("hint \"one\"", AWKWARD)),
        Diagnostic.error("b.json", 0, 0, "no hints"));
  }

  @ParameterizedTest(name = "{0} pretty={1} full={2} redact={3}")
  @MethodSource("formats")
  void writesWhatJacksonWrote(String language, boolean pretty, boolean full, boolean redact) {
    OutputOptions options = new OutputOptions(language, full, false, redact);
    JsonRenderer renderer = new JsonRenderer(rules, options, pretty, full);
    ReferenceJsonRenderer reference = new ReferenceJsonRenderer(rules, options, pretty, full);
    // full records are long: every fourth is enough for the writer, the compact ones all go through the parts
    for (int i = 0; i < evaluations.size(); i += full ? 4 : 1) {
      Evaluation e = evaluations.get(i);
      String expected = reference.render(e, notes(i));
      assertThat(renderer.render(e, notes(i))).as("record %d, case %s", i, e.subject().id()).isEqualTo(expected);
      if (!pretty) {
        assertThat(bytes(renderer.renderLine(e, notes(i)))).as("record %d as a line", i)
            .isEqualTo((expected + "\n").getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder batch = new StringBuilder("before\n");
      renderer.append(batch, e, notes(i));
      assertThat(batch).as("record %d appended", i).hasToString("before\n" + expected);
    }
    for (int i = 0; i < 4; i++) {
      assertThat(renderer.renderFailure(AWKWARD, "in/" + AWKWARD, notes(i * 3)))
          .isEqualTo(reference.renderFailure(AWKWARD, "in/" + AWKWARD, notes(i * 3)));
    }
    assertThat(renderer.renderFailure(null, null, List.of())).isEqualTo(reference.renderFailure(null, null, List.of()));
  }

  @Test
  void linesStayAsTheyWereAfterTheRecordsRenderedBehindThem() {
    JsonRenderer renderer = new JsonRenderer(rules, OutputOptions.DEFAULT, false, false);
    ReferenceJsonRenderer reference = new ReferenceJsonRenderer(rules, OutputOptions.DEFAULT, false, false);
    List<Utf8Slice> shared = new ArrayList<>();
    List<byte[]> copies = new ArrayList<>();
    // several rounds: far more than one shared buffer holds, so records move on to fresh buffers
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < evaluations.size(); i++) {
        Utf8Slice line = renderer.renderLine(evaluations.get(i), notes(i));
        shared.add(line);
        copies.add(bytes(line));
      }
    }
    assertThat(shared.stream().map(Utf8Slice::bytes).distinct().count()).isGreaterThan(2);
    for (int k = 0; k < shared.size(); k++) {
      int i = k % evaluations.size();
      assertThat(bytes(shared.get(k))).as("record %d, after the records behind it", k).isEqualTo(copies.get(k))
          .isEqualTo((reference.render(evaluations.get(i), notes(i)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The bytes of a rendered line, copied out of the buffer it was rendered in. */
  private static byte[] bytes(Utf8Slice line) {
    return Arrays.copyOfRange(line.bytes(), line.offset(), line.offset() + line.length());
  }

  @Test
  void generatedCasesCoverWhatTheRecordsCanHold() {
    JsonRenderer full = new JsonRenderer(rules, new OutputOptions("en", true, false, false), false, true);
    String all = String.join("\n", evaluations.stream().map(e -> full.render(e, List.of())).toList());
    String fact = JsonWriter.quoted(AWKWARD_FACT);
    assertThat(all).contains(fact.substring(1, fact.length() - 1), "\"before\":{\"verdict\":null",
        "\"moved\":true", "\"moved\":false", "\"near_miss\":true", "\"waivable\":true", "\"outcome\":\"unknown\"");
    for (String verdict : CaseReader.VERDICTS) {
      assertThat(all).contains("\"verdict\":\"" + verdict + "\"");
    }
    JsonRenderer compact = new JsonRenderer(rules, OutputOptions.DEFAULT, false, false);
    String records = String.join("\n", evaluations.stream().map(e -> compact.render(e, List.of())).toList());
    assertThat(records).contains("\"eligible_from\":\"", "\"apply_before\":\"", "\"missing\":[\"");
  }
}
