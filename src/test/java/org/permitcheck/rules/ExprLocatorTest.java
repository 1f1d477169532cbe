package org.permitcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;

/** An error inside an expression is reported where its text was written, for every YAML scalar style. */
class ExprLocatorTest {
  /** A small ruleset whose only criterion is {@code when}, written from line 22, column 21 on. */
  static String rules(String when) {
    return String.join("\n",
        "ruleset: mini",
        "version: 1.0.0",
        "reviewed: 2026-11-22",
        "languages: [en, fr]",
        "facts:",
        "  convicted: {type: boolean, question: {en: \"Convicted?\", fr: \"Condamné ?\"}}",
        "  status: {type: text, question: {en: \"Status?\", fr: \"Statut ?\"}}",
        "countries:",
        "  BE:",
        "    name: {en: Belgium, fr: Belgique}",
        "    permits:",
        "      - {id: BE-x, title: {en: X, fr: X}, legal_basis: Art. 1, source: {seed: s.txt},",
        "         criteria: {all: [{id: c, text: {en: C, fr: C}, when: \"status == 'a'\"}]}}",
        "      - id: BE-y",
        "        title: {en: Y, fr: Y}",
        "        legal_basis: Art. 2",
        "        source: {seed: s.txt}",
        "        criteria:",
        "          all:",
        "            - id: c",
        "              text: {en: C, fr: C}",
        "              when: " + when,
        "");
  }

  private static String firstError(String when) {
    return RulesLoader.load(new SourceText("r.yaml", rules(when))).diagnostics().stream()
        .filter(Diagnostic::isError).findFirst().map(Diagnostic::location).orElse("none");
  }

  static Stream<Arguments> styles() {
    return Stream.of(
        Arguments.of("single-quoted with doubled quotes", "'status != ''a'' and not convictd'", "r.yaml:22:46"),
        Arguments.of("double-quoted with escapes", "\"status != \\\"a\\\" and \\u00e9 == status\"", "r.yaml:22:42"),
        Arguments.of("double-quoted over two lines", "\"status == 'a' and\n                not convictd\"", "r.yaml:23:21"),
        Arguments.of("double-quoted with an escaped line break", "\"status == 'a' and \\\n                not convictd\"", "r.yaml:23:21"),
        Arguments.of("double-quoted with a tab", "\"not\tconvictd\"", "r.yaml:22:26"),
        Arguments.of("folded block", ">-\n                status == 'a' and\n                  not convictd", "r.yaml:24:23"),
        Arguments.of("plain over two lines", "status == 'a' and\n                not convictd", "r.yaml:23:21"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("styles")
  void reportsExpressionErrorWhereItIsWritten(String style, String when, String location) {
    assertThat(firstError(when)).isEqualTo(location);
  }
}
