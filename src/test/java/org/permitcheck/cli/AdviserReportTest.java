package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an adviser reads in the report of the real ruleset, on the example cases. */
class AdviserReportTest {
  @Test
  void quotesTheRulesOwnDiscretionaryTextInsteadOfClaimingTheAuthorityMayGrant() {
    Run.Result r = Run.run("eval", "examples/nl-ukraine-refugee.yaml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("The authority may grant it").doesNotContain("may waive")
        .contains("The criteria alone do not decide: For a refugee from Ukraine this may still")
        .contains("(fully) apply to refugees from Ukraine) (not decisive: see above)");
  }

  @Test
  void showsTheDiscretionaryTextOnAnUnknownCriterionItDoesNotQuoteAbove() {
    Run.Result r = Run.run("eval", "--explain", "examples/de-104c-application-31-december.yaml");
    assertThat(r.out()).contains("(not decisive: Whether an application on 31 Dec 2025 was still")
        .doesNotContain("uncertain..");
  }

  @Test
  void neverMarksAnExpiredDeadlineAsWaivable() {
    Run.Result r = Run.run("eval", "--permit", "DE-104c", "examples/de-104c-after-expiry.yaml");
    assertThat(r.out()).contains("✗ Applied by 30 Dec 2025\n").doesNotContain("not decisive");
  }
}
