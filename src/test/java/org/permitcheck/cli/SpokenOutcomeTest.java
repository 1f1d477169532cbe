package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each criterion of a report says its outcome in words, not only by a symbol or its colour: a screen
 * reader reads "✗" as "ballot x" or not at all, and "?" is usually silent.
 */
class SpokenOutcomeTest {
  private static final String CASE = "examples/de-missing-facts.yaml";

  @Test
  void textReportSaysEachCriterionsOutcomeInWords() {
    String out = Run.run("eval", "--permit", "DE-25a", CASE).out();
    assertThat(out).contains("  ✓ Met: Is at least 14 years old at the decision (the application may be filed\n",
        "  ✗ Not met: Applies before the 27th birthday (before 31 Dec 2022: before the",
        "  ? Unknown: Has lived in Germany");
  }

  @Test
  void textReportSaysTheOutcomeInTheChosenLanguage() {
    String out = Run.run("eval", "--lang", "fr", "--permit", "DE-25a", CASE).out();
    assertThat(out).contains("  ✓ Rempli : ", "  ✗ Non rempli : ", "  ? Inconnu : ");
  }

  @Test
  void markdownReportSaysEachCriterionsOutcomeInWords() {
    String out = Run.run("eval", "--format", "markdown", "--permit", "BE-9bis-admissibility",
        "examples/be-2.4-proof-missing.yaml").out();
    assertThat(out).contains("- ? Unknown: Has an identity document", "- ✓ Met: Shows exceptional circumstances");
  }

  @Test
  void explainedTreeSaysEachCriterionsOutcomeInWords() {
    String out = Run.run("eval", "--explain", "--permit", "DE-25a", CASE).out();
    assertThat(out).contains("✗ Not met: ").contains("✓ Met: ").doesNotContain("✗ Applies");
  }
}
