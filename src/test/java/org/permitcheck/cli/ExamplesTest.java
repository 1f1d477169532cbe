package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legal regression suite: every example's expect: block holds against the product rules. */
class ExamplesTest {
  @Test
  void everyExampleGetsTheVerdictsItExpects() {
    Run.Result r = Run.run("test", "examples");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(" 0 failed").doesNotContain("FAIL");
    assertThat(r.exit()).isZero();
  }

  @Test
  void aWrongExpectationFailsTheRunWithExitCode4(@TempDir Path dir) throws IOException {
    Path wrong = edited(dir.resolve("wrong.yaml"), "examples/de-25b-eligible.yaml",
        s -> s.replace("DE-25b: eligible", "DE-25b: not_eligible"));
    Run.Result r = Run.run("test", wrong.toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.out()).contains("FAIL " + wrong + ": DE-25b expected not_eligible, got eligible");
  }

  @Test
  void aFailureInAnNdjsonFileOrOnStdinNamesTheLineAndIdOfItsCase(@TempDir Path dir) throws IOException {
    String good = "{\"id\":\"a\",\"country\":\"DE\",\"facts\":{},\"expect\":{\"DE-25b\":\"undetermined\"}}";
    String bad = "{\"id\":\"x\",\"country\":\"DE\",\"facts\":{},\"expect\":{\"DE-25b\":\"eligible\"}}";
    String ndjson = good + "\n" + bad + "\n" + good + "\n";
    Path file = dir.resolve("exp.ndjson");
    Files.writeString(file, ndjson);

    Run.Result r = Run.run("test", file.toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.out()).contains("FAIL " + file + ":2 (id x): DE-25b expected eligible, got undetermined")
        .doesNotContain(":1 (id").doesNotContain(":3 (id");

    Run.Result stdin = Run.run(ndjson, java.util.Map.of(), "test", "-");
    assertThat(stdin.out()).contains("FAIL <stdin>:2 (id x): DE-25b expected eligible, got undetermined");
  }

  /**
   * A criterion whose waiver depends on a fact not given (the Duldung months before a § 60b period)
   * is marked as maybe waivable, as diff marks it: else a not-met criterion without a mark stands beside
   * an undetermined verdict, which reads as a contradiction.
   */
  @Test
  void aMismatchMarksACriterionWhoseWaiverIsUndecidedAsMaybeWaivable(@TempDir Path dir) throws IOException {
    Path saved = edited(dir.resolve("saved-before-the-fact.yaml"), "examples/de-25a-60b-between-two-duldungen.yaml",
        s -> s.replaceAll("(?m)^  de_duldung_months_before_60b: .*\n", ""));
    Run.Result r = Run.run("test", saved.toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.out()).contains("FAIL " + saved + ": DE-25a expected discretionary, got undetermined\n"
        + "     not_met (waivable): residence_period\n"
        + "     not_met (maybe waivable): toleration_12_months\n"
        + "     missing: de_duldung_months_before_60b\n");
  }

  /** A copy of an example at {@code to}, its text changed by {@code edit}. */
  private static Path edited(Path to, String example, UnaryOperator<String> edit) throws IOException {
    Files.writeString(to, edit.apply(Files.readString(Path.of(example))));
    return to;
  }

  @Test
  void testWithoutACaseOutsideACheckoutSaysThatExamplesIsTheDefault(@TempDir Path dir) {
    Run.Result r = Run.run("", java.util.Map.of(), dir, "test");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("permitcheck: no case named, and no examples/ folder here to test by default\n"
        + "  hint: name case files or folders, e.g. permitcheck test cases/; without one, test reads examples/ in "
        + "the current folder\n");
  }

  @Test
  void aPermitFilterTakesIdsWithSpacesAfterTheCommas() {
    Run.Result r = Run.run("", java.util.Map.of(), GoldenTest.FIXTURES, "test", "--permit", "DE-25b, DE-25a",
        "cases/de-eligible.yaml");
    assertThat(r.out()).startsWith("1 case, 2 expectations: 2 passed, 0 failed");
    assertThat(r.exit()).isZero();
  }
}
