package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.rules.RulesLoaderTest;

/**
 * Rules as deep as the limits allow: 64 levels of derived facts, each of hundreds of operations, or
 * each read several times by the next. They are evaluated, with their timeline, on a thread with a
 * small stack, and quickly.
 */
class DeepRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static final LocalDate SINCE = LocalDate.of(2026, 3, 31);

  /**
   * A ruleset whose 64 derived facts k0 … k63 each compute the one before ({@code prev}) in
   * {@code shape}, k0 from {@code first}, in natural or reverse order; its one permit needs {@code
   * when}.
   */
  static String rules(String first, String shape, String when, boolean reverse) {
    List<String> derived = new ArrayList<>();
    derived.add("  k0: \"" + first + "\"");
    for (int i = 1; i < 64; i++) {
      derived.add("  k" + i + ": \"" + shape.replace("prev", "k" + (i - 1)) + "\"");
    }
    if (reverse) {
      Collections.reverse(derived);
    }
    return RulesLoaderTest.permit("          all:\n            - {id: k, text: {en: K, fr: K}, when: \"" + when + "\"}\n")
        .replace("facts:\n", "facts:\n  since: {type: date, question: {en: S, fr: S}}\n"
            + "  kids: {type: list, question: {en: K, fr: K}, fields: {ok: {type: boolean, question: {en: O, fr: O}}}}\n")
        .replace("countries:", "derived:\n" + String.join("\n", derived) + "\ncountries:");
  }

  /** Each k0 … k63 is months_between(since, as_of), or whether it is at least 12. */
  static Stream<Arguments> deepRules() {
    String months = "months_between(since, as_of)";
    String notNot = "prev";
    for (int i = 0; i < 14; i++) {
      notNot = "not (" + notNot + " and n > 0)";
    }
    return Stream.of(
        // hundreds of operations a level
        Arguments.of("sums", months, "prev" + " + 1 - 1".repeat(245), "k63 >= 12", false),
        Arguments.of("sums", months, "prev" + " + 1 - 1".repeat(245), "k63 >= 12", true),
        Arguments.of("conditions", months + " >= 12", "prev" + " and n > 0".repeat(240), "k63", false),
        Arguments.of("conditions", months + " >= 12", "prev" + " and n > 0".repeat(240), "k63", true),
        // each level reads the one before three times: followed once, not 3^63 times
        Arguments.of("three reads", months, "prev + prev - prev", "k63 >= 12", false),
        // 28 levels of parentheses and 'not' a level
        Arguments.of("nesting", months + " >= 12", notNot, "k63", false));
  }

  @ParameterizedTest(name = "{0}, reverse order {4}")
  @MethodSource("deepRules")
  void rulesAsDeepAsTheLimitsAllowAreEvaluatedOnASmallStack(String what, String first, String shape, String when,
      boolean reverse) throws InterruptedException {
    PermitResult r = evaluateOnASmallStack(rules(first, shape, when, reverse), Map.of("since", SINCE, "n", 1L));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2027, 3, 31)); // twelve months after 31 March 2026
  }

  @Test
  void aListReadThroughDerivedFactsThatEachReadTheOneBeforeThriceIsFollowedOnce() throws InterruptedException {
    PermitResult r = evaluateOnASmallStack(rules("count(kids, ok)", "prev + prev - prev", "k63 >= 1", false),
        Map.of("kids", List.of(Map.of())));
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.missing()).containsExactly("kids");
  }

  /** The one permit's result for a case with {@code facts}, evaluated on a thread with a 512 KB stack. */
  static PermitResult evaluateOnASmallStack(String text, Map<String, Object> facts) throws InterruptedException {
    Checked<Ruleset> loaded = RulesLoader.load(new SourceText("deep.yaml", text));
    assertThat(loaded.diagnostics()).noneMatch(Diagnostic::isError);
    Ruleset rules = loaded.value().get();
    Case c = new Case("c", "c.yaml", Optional.of("BE"), Optional.of(AS_OF), Optional.empty(), facts, Map.of());
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(new Evaluator(rules).evaluate(c, AS_OF, Scope.ALL).results().get(0));
      } catch (StackOverflowError e) {
        result.set(e);
      }
    }, "small-stack", 512 * 1024);
    t.setDaemon(true);
    t.start();
    t.join(60_000);
    assertThat(t.isAlive()).as("still evaluating after a minute").isFalse();
    assertThat(result.get()).isInstanceOf(PermitResult.class);
    return (PermitResult) result.get();
  }
}
