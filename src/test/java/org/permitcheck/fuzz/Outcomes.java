package org.permitcheck.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.JsonRenderer;
import org.permitcheck.report.OutputOptions;
import org.permitcheck.report.TextRenderer;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/**
 * What the fuzz targets accept as the program's own outcomes: a value, or diagnostics that are
 * located and readable. Anything else (an exception escaping, an unlocated error, a value together
 * with errors) fails the target. Plain checks, no AssertJ: they run millions of times.
 */
public final class Outcomes {
  /** The frozen fixture ruleset: real facts, enums, lists and derived facts for cases and expressions. */
  public static final Ruleset FIXTURE_RULES = load(Path.of("src/test/resources/fixtures/rules.yaml"));

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static final java.util.List<String> LEAKS = java.util.List.of("Exception", "Error:", "\tat ", "java.",
      "com.fasterxml", "org.yaml", "[Source:", "StringReader", "in 'reader'", "Event", "<stream end>",
      "while parsing", "while scanning");

  private Outcomes() {}

  private static Ruleset load(Path path) {
    try {
      Checked<Ruleset> r = RulesLoader.load(new SourceText("rules.yaml", Files.readString(path)));
      return r.value().orElseThrow(() -> new IllegalStateException("the fixture ruleset does not load"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A checked result is either a value or at least one error, and every diagnostic is sound. */
  public static <T> void check(Checked<T> result, SourceText source) {
    if (result.value().isEmpty() && result.errors().isEmpty()) {
      throw new AssertionError("neither a value nor an error");
    }
    for (Diagnostic d : result.diagnostics()) {
      check(d, source);
    }
  }

  public static void check(Diagnostic d, SourceText source) {
    if (!d.file().equals(source.name())) {
      throw new AssertionError("diagnostic for another file: " + d.file());
    }
    if (d.isError() && d.line() <= 0) {
      throw new AssertionError("error without a line: " + d.render());
    }
    // a parser's or Java's exception text, unless the user wrote those very words
    for (String marker : LEAKS) {
      if ((d.message().contains(marker) || String.join(" ", d.hints()).contains(marker))
          && !source.text().contains(marker)) {
        throw new AssertionError("exception text in a message: " + d.render());
      }
    }
    if (d.message().isBlank() || d.message().contains("\n")) {
      throw new AssertionError("not a one-line message: " + d.message());
    }
    d.render();
  }

  /** A case that was read is evaluated and rendered as text and JSON without a failure. */
  public static void evaluate(Ruleset rules, Case c) {
    for (LocalDate asOf : List.of(TODAY, c.asOf().orElse(TODAY))) {
      Evaluation e = new Evaluator(rules).evaluate(c, asOf, Scope.ALL);
      new TextRenderer(rules, new OutputOptions("en", true, false, false)).render(e);
      new JsonRenderer(rules, new OutputOptions("fr", true, false, true), true, true).render(e, List.of());
    }
  }
}
