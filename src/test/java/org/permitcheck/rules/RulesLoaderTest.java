package org.permitcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;

public class RulesLoaderTest {
  static final String HEAD = "ruleset: t\nversion: '1'\nreviewed: 2026-01-01\nlanguages: [en, fr]\n"
      + "facts:\n  n:\n    type: integer\n    question: {en: 'N?', fr: 'N ?'}\n";

  static Checked<Ruleset> load(String text) {
    return RulesLoader.load(new SourceText("r.yaml", text));
  }

  static List<String> located(Checked<Ruleset> r) {
    return r.diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
  }

  /** A ruleset of one fact, 'n', and one permit, 'P' of BE, whose {@code criteria:} are {@code criteria}. */
  public static String permit(String criteria) {
    return HEAD + "countries:\n  BE:\n    name: {en: B, fr: B}\n    permits:\n      - id: P\n"
        + "        title: {en: T, fr: T}\n        legal_basis: x\n        source: {seed: s}\n"
        + "        criteria:\n" + criteria;
  }

  @Test
  void loadsTheBundledRulesWithoutAnyProblem() throws IOException {
    Checked<Ruleset> r = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.value()).isPresent();
    assertThat(r.value().get().sha256()).hasSize(64);
  }

  @Test
  void readsALegalBasisAsOneCitationForEveryLanguageOrAsATextPerLanguage() {
    String criteria = "          all:\n            - {id: a, text: {en: A, fr: A}, when: \"n > 1\"}\n";
    Permit one = load(permit(criteria)).value().orElseThrow().permit("P").orElseThrow();
    assertThat(List.of("en", "fr", "de", "nl")).allSatisfy(l -> assertThat(one.legalBasis().in(l)).contains("x"));
    Permit each = load(permit(criteria).replace("legal_basis: x", "legal_basis: {en: 'Act of 1980', fr: 'Loi de 1980'}"))
        .value().orElseThrow().permit("P").orElseThrow();
    assertThat(each.legalBasis().in("fr")).contains("Loi de 1980");
    assertThat(located(load(permit(criteria).replace("legal_basis: x", "legal_basis: {en: 'Act of 1980'}"))))
        .containsExactly("15:22 'legal_basis' of permit 'P' has no 'fr' text");
  }

  @Test
  void reportsEveryProblemOfABrokenFileAtOnceWithPositions() throws IOException {
    String text = Files.readString(Path.of("src/test/resources/fixtures/broken-rules.yaml"));
    Checked<Ruleset> r = RulesLoader.load(new SourceText("broken-rules.yaml", text));
    assertThat(r.value()).isEmpty();
    assertThat(located(r)).containsExactly(
        "3:11 'reviewed' must be a date like 2024-03-01, found '2026-02-30'",
        "5:1 unknown key 'colour' in the rules file",
        "11:11 unknown type 'levle' for fact 'german_level'",
        "12:15 question of fact 'german_level' has no 'fr' text",
        "18:3 derived facts depend on each other in a cycle: loop_a → loop_b → loop_a",
        "22:40 language 'de' in name of country 'DE' is not one of the ruleset's languages",
        "25:35 language 'de' in title of permit 'DE-x' is not one of the ruleset's languages",
        "31:40 language 'de' in text of criterion 'a' of permit 'DE-x' is not one of the ruleset's languages",
        "32:22 unknown fact 'agee' in criterion 'a' of permit 'DE-x'",
        "34:40 language 'de' in text of criterion 'b' of permit 'DE-x' is not one of the ruleset's languages",
        "35:43 the expression ends too early in criterion 'b' of permit 'DE-x'",
        "36:19 duplicate criterion id 'b' in permit 'DE-x' (first at line 33)",
        "37:21 text of criterion 'b' of permit 'DE-x' has no 'de' text",
        "38:22 cannot compare a date with an integer in criterion 'b' of permit 'DE-x'",
        "39:13 duplicate permit id 'DE-x' (first at line 24)",
        "40:35 language 'de' in title of permit 'DE-x' is not one of the ruleset's languages",
        "46:40 language 'de' in text of criterion 'c' of permit 'DE-x' is not one of the ruleset's languages",
        "47:22 unknown function 'yaers_between' in criterion 'c' of permit 'DE-x'",
        "49:21 text of criterion 'd' of permit 'DE-x' has no 'de' text",
        "50:22 'DE-y' looks like a permit id, which a condition cannot use in criterion 'd' of permit 'DE-x'",
        "52:21 text of criterion 'e' of permit 'DE-x' has no 'de' text",
        "53:22 unknown fact 'work_permit_held' in criterion 'e' of permit 'DE-x'");
  }

  @Test
  void pointsIntoDoubleQuotedSingleQuotedAndPlainExpressions() {
    Checked<Ruleset> r = load(permit(
        "          all:\n"
            + "            - {id: a, text: {en: A, fr: A}, when: \"n > 1 and m > 2\"}\n"
            + "            - {id: b, text: {en: B, fr: B}, when: 'n > 1 and q > 2'}\n"
            + "            - id: c\n              text: {en: C, fr: C}\n              when: n > 1 and z > 2\n"));
    assertThat(located(r)).containsExactly(
        "19:62 unknown fact 'm' in criterion 'a' of permit 'P'",
        "20:62 unknown fact 'q' in criterion 'b' of permit 'P'",
        "23:31 unknown fact 'z' in criterion 'c' of permit 'P'");
  }

  @Test
  void pointsIntoBlockScalars() {
    Checked<Ruleset> r = load(permit(
        "          all:\n"
            + "            - id: a\n              text: {en: A, fr: A}\n              when: |\n"
            + "                n > 1\n                and k > 2\n"));
    assertThat(located(r)).containsExactly("23:21 unknown fact 'k' in criterion 'a' of permit 'P'");
  }

  @Test
  void requiresIdAndTextOnTopLevelCriteria() {
    Checked<Ruleset> r = load(permit("          all:\n            - when: \"n > 1\"\n            - \"n > 2\"\n"));
    assertThat(located(r)).containsExactly(
        "19:15 a top-level criterion of permit 'P' must have an 'id' and a 'text'",
        "20:15 a top-level criterion of permit 'P' must have an 'id' and a 'text'");
  }

  @Test
  void rejectsACriterionWithTwoConditions() {
    Checked<Ruleset> r = load(permit("          all:\n            - {id: a, text: {en: A, fr: A}, when: \"n > 1\", any: [\"n > 2\"]}\n"));
    assertThat(located(r)).containsExactly("19:15 criterion 'a' of permit 'P' has both 'when' and 'any'");
  }

  /** A ruleset whose {@code derived:} section is {@code derived} and whose criteria use 'a' and 'n'. */
  static String usingDerived(String head, String derived) {
    return permit("          all:\n            - {id: x, text: {en: X, fr: X}, when: \"a > 1 and n > 1\"}\n"
        + "            - {id: y, text: {en: Y, fr: Y}, when: \"a > 2 or nn > 1\"}\n").replace(HEAD, head + derived);
  }

  @Test
  void reportsABrokenDerivedFactOnceNotAtEachUse() {
    Checked<Ruleset> r = load(usingDerived(HEAD, "derived:\n  a: \"n +\"\n  b: \"a + 1\"\n"));
    assertThat(located(r)).hasSize(2).allMatch(m -> !m.contains("unknown fact 'a'") && !m.contains("'b'"))
        .anyMatch(m -> m.contains("unknown fact 'nn'"));
  }

  /**
   * A ruleset with German among its languages and a country DE without permits: HEAD's facts with
   * {@code more} (more facts, then a derived section if any), and permit 'P' of BE with {@code criteria}.
   */
  static String withGermany(String more, String criteria) {
    return permit(criteria).replace(HEAD, HEAD.replace("[en, fr]", "[en, fr, de]") + more)
        + "  DE:\n    name: {en: D, fr: D, de: D}\n    permits: []\n";
  }

  /** One criterion that holds no surprise, for a test about the facts. */
  static final String ONE_CRITERION = "          all:\n            - {id: x, text: {en: X, fr: X}, when: \"n > 1\"}\n";

  @Test
  void refusesAFactAskedOnlyInAnotherCountryDirectlyOrThroughADerivedFact() {
    String g = "  g:\n    type: integer\n    countries: [DE]\n    question: {en: 'G?', fr: 'G ?', de: 'G?'}\n"
        + "derived:\n  a: \"g + n\"\n";
    String criteria = "          all:\n            - {id: x, text: {en: X, fr: X}, when: \"n > 1 and g > 1\"}\n"
        + "            - {id: y, text: {en: Y, fr: Y}, when: \"n > 2 or a > 1\"}\n";
    Checked<Ruleset> r = load(withGermany(g, criteria));
    assertThat(located(r)).containsExactly(
        "25:62 fact 'g' is asked only in DE, but criterion 'x' of permit 'P' (BE) reads it: the interview would"
            + " never ask it there",
        "26:61 fact 'g' (through derived fact 'a') is asked only in DE, but criterion 'y' of permit 'P' (BE) reads"
            + " it: the interview would never ask it there");
    assertThat(r.diagnostics().get(0).hints()).containsExactly("add BE to the 'countries' of fact 'g', or use a fact asked in BE");
    assertThat(load(withGermany(g.replace("[DE]", "[DE, BE]"), criteria)).diagnostics())
        .filteredOn(Diagnostic::isError).isEmpty();
  }

  @Test
  void requiresTheLabelsAndHelpOfAFactOfOneCountryInThatCountrysLanguage() {
    String s = "  s:\n    type: enum\n    countries: [DE]\n"
        + "    question: {en: 'S?', fr: 'S ?', de: 'S?'}\n    help: {en: 'H', fr: 'H'}\n"
        + "    values: {a: {en: A, fr: A, de: A}, b: {en: B, fr: B}}\n";
    assertThat(located(load(withGermany(s, ONE_CRITERION)))).containsExactly(
        "13:11 help of fact 's' has no 'de' text", "14:43 label of 'b' in fact 's' has no 'de' text");
  }

  @Test
  void requiresTheFieldsOfAListOfOneCountryInThatCountrysLanguage() {
    String l = "  l:\n    type: list\n    countries: [DE]\n    question: {en: 'L?', fr: 'L ?', de: 'L?'}\n"
        + "    fields: {k: {type: enum, question: {en: K, fr: K}, values: {a: {en: A, fr: A, de: A}}}}\n";
    assertThat(located(load(withGermany(l, ONE_CRITERION))))
        .containsExactly("13:40 question of field 'k' has no 'de' text");
  }

  @Test
  void reportsADerivationCycleOnceNotAtEachUse() {
    Checked<Ruleset> r = load(usingDerived(HEAD, "derived:\n  a: \"b + n\"\n  b: \"a - 1\"\n"));
    assertThat(located(r)).hasSize(2).anyMatch(m -> m.contains("cycle"))
        .anyMatch(m -> m.contains("unknown fact 'nn'"));
  }

  @ParameterizedTest(name = "{0} derived facts, {1} order: refused at {2}")
  @CsvSource({
    "64, natural, , ",
    "64, reverse, , ",
    "65, natural, kk, k63",
    "65, reverse, kk, k63",
    "2501, natural, k64, k63",
    "2501, reverse, k64, k63",
  })
  void refusesTheDerivedFactWhoseChainIsTooLongInAnyOrder(int length, String order, String refused, String next) {
    // k0 from the fact n, each next from the one before, the last one a condition
    List<String> lines = new ArrayList<>();
    lines.add("  k0: \"n\"");
    for (int i = 1; i < length - 1; i++) {
      lines.add("  k" + i + ": \"k" + (i - 1) + " + 1\"");
    }
    lines.add("  kk: \"k" + (length - 2) + " > 3\"");
    if (order.equals("reverse")) {
      Collections.reverse(lines);
    }
    String text = permit("          all:\n            - {id: k, text: {en: K, fr: K}, when: \"kk\"}\n")
        .replace("countries:", "derived:\n" + String.join("\n", lines) + "\ncountries:");
    Checked<Ruleset> r = load(text);
    if (refused == null) {
      assertThat(located(r)).isEmpty();
      return;
    }
    int line = Arrays.asList(text.split("\n")).indexOf(lines.stream()
        .filter(l -> l.startsWith("  " + refused + ":")).findFirst().orElseThrow()) + 1;
    assertThat(located(r)).containsExactly(line + ":3 derived facts are computed from each other more than 64 "
        + "levels deep (" + refused + " → " + next + " → …)");
  }

  @Test
  void reportsAFactOfUnknownTypeOnceNotAtEachUse() {
    String head = HEAD + "  a:\n    type: levels\n    question: {en: 'A?', fr: 'A ?'}\n";
    Checked<Ruleset> r = load(usingDerived(head, ""));
    assertThat(located(r)).hasSize(2).anyMatch(m -> m.contains("unknown type 'levels'"))
        .anyMatch(m -> m.contains("unknown fact 'nn'"));
  }

  @Test
  void reportsAListFieldOfUnknownTypeOnceNotAtEachUseOfTheList() {
    String head = HEAD + "  kids:\n    type: list\n    question: {en: 'K?', fr: 'K ?'}\n"
        + "    fields: {f: {type: bool, question: {en: F, fr: F}}}\n";
    Checked<Ruleset> r = load(permit("          all:\n            - {id: x, text: {en: X, fr: X}, when: \"any(kids, f)\"}\n")
        .replace(HEAD, head));
    assertThat(located(r)).containsExactly("12:24 unknown type 'bool' for field 'f'");
  }

  @Test
  void rejectsDuplicateKeysAndKeepsCheckingTheRest() {
    Checked<Ruleset> r = load(HEAD.replace("facts:", "version: '2'\nfacts:"));
    assertThat(located(r)).containsExactly("1:1 the rules file declares no 'countries'",
        "5:1 duplicate key 'version' (first written at line 2)");
  }

  @Test
  void reportsAYamlSyntaxErrorWithItsLine() {
    Checked<Ruleset> r = load("ruleset: x\n\tversion: 1\n");
    assertThat(located(r)).containsExactly("2:1 YAML syntax error: a tab character cannot be used for indentation");
    assertThat(r.diagnostics().get(0).hints()).containsExactly("indent with spaces only",
        "the file is read no further than this error: the rest is checked once it is fixed");
  }

  /**
   * The warnings of a ruleset of the facts 'n', 'c' and the list 'kids' (field 'f'), the derived facts
   * {@code derived}, and one criterion {@code criterion}, as "line:col message — hint".
   */
  static List<String> unused(String derived, String criterion) {
    String facts = "  c: {type: boolean, question: {en: C, fr: C}}\n"
        + "  kids: {type: list, question: {en: K, fr: K}, fields: {f: {type: boolean, question: {en: F, fr: F}}}}\n";
    Checked<Ruleset> r = load(permit("          all:\n            - {id: a, text: {en: A, fr: A}, " + criterion + "}\n")
        .replace(HEAD, HEAD + facts + derived));
    assertThat(r.errors()).isEmpty();
    return r.diagnostics().stream()
        .map(d -> d.line() + ":" + d.column() + " " + d.message() + " — " + String.join(" ", d.hints())).toList();
  }

  @Test
  void warnsAtEachFactNoCriterionUses() {
    assertThat(unused("", "when: \"n > 1\"")).containsExactly(
        "9:3 fact 'c' is used by no criterion — remove it, or use it in a condition",
        "10:3 fact 'kids' is used by no criterion — remove it, or use it in a condition");
  }

  @Test
  void warnsAtAFactReadOnlyByADerivedFactNoCriterionUses() {
    assertThat(unused("derived:\n  d: 'not c'\n", "when: \"any(kids, f) and n > 1\"")).containsExactly(
        "9:3 fact 'c' is used by no criterion — only derived fact 'd', which no criterion uses, reads it:"
            + " remove both, or use 'd' in a condition",
        "12:3 derived fact 'd' is used by no criterion — remove it, or use it in a condition");
  }

  @Test
  void countsAFactAsUsedThroughDerivedFactsListsAndDiscretionaryConditions() {
    assertThat(unused("derived:\n  d: 'not c'\n  e: 'd and any(kids, f) and n > 1'\n", "when: \"e\"")).isEmpty();
    assertThat(unused("", "when: \"any(kids, f)\", discretionary: {text: {en: D, fr: D}, when: \"c and n > 1\"}"))
        .isEmpty();
  }

  @Test
  void reportsEachBadItemOfAFlowListAtTheItem() {
    Checked<Ruleset> r = load(permit("          all:\n            - {id: a, text: {en: A, fr: A}, when: \"n > 1\"}\n")
        .replace("    question: {en: 'N?', fr: 'N ?'}\n", "    question: {en: 'N?', fr: 'N ?'}\n"
            + "    countries: [BE, XX, be]\n    renamed_from: [old, n, old]\n"
            + "  m:\n    type: integer\n    question: {en: 'M?', fr: 'M ?'}\n    countries:\n      - XX\n"
            + "    renamed_from: [old]\n"));
    assertThat(located(r)).containsExactly(
        "9:21 country 'XX' in fact 'n' is not declared under 'countries'",
        "9:25 country 'be' in fact 'n' is not declared under 'countries'",
        "10:25 'n' in renamed_from is still the name of a declared fact",
        "10:28 'old' is listed twice in renamed_from of 'n'",
        "15:9 country 'XX' in fact 'm' is not declared under 'countries'",
        "16:20 'old' is listed in renamed_from of both 'n' and 'm'");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
    // in a ruleset of one fact 'n' and one permit 'P': replace | by | first error | its hint
    "facts:\\n ~ facts:\\n  b: {type: boolean, min: 0, question: {en: B, fr: B}}\\n"
        + " ~ 'min' and 'max' apply only to numbers, but fact 'b' is true/false"
        + " ~ remove 'min' and 'max', or declare the fact as type: integer, decimal or money",
    "facts:\\n ~ facts:\\n  b: {type: integer, past: true, question: {en: B, fr: B}}\\n"
        + " ~ 'past' applies only to dates ~ remove 'past', or declare the fact as type: date",
    "facts:\\n ~ facts:\\n  b: {type: boolean, values: [x], question: {en: B, fr: B}}\\n"
        + " ~ 'values' applies only to enum, level and periods facts ~ remove 'values', or declare the fact as type: enum",
    "facts:\\n ~ facts:\\n  b: {type: enum, values: x, question: {en: B, fr: B}}\\n"
        + " ~ 'values' of fact 'b' must be a list or a mapping of value to label"
        + " ~ e.g. values: [duldung, gestattung] or values: {duldung: {en: \"Toleration\", fr: \"Tolérance\"}}",
    "facts:\\n ~ facts:\\n  b: {type: enum, values: [], question: {en: B, fr: B}}\\n"
        + " ~ 'values' of fact 'b' is empty ~ list the values it can take, e.g. values: [duldung, gestattung]",
    "facts:\\n ~ facts:\\n  b: {type: boolean, renamed_from: [old, old], question: {en: B, fr: B}}\\n"
        + " ~ 'old' is listed twice in renamed_from of 'b' ~ remove one of them",
    "facts:\\n ~ facts:\\n  b: {type: boolean, renamed_from: [old], question: {en: B, fr: B}}\\n"
        + "  c: {type: boolean, renamed_from: [old], question: {en: C, fr: C}}\\n"
        + " ~ 'old' is listed in renamed_from of both 'b' and 'c'"
        + " ~ an old name leads to one fact only: remove it from the renamed_from of the other",
    "facts:\\n ~ facts:\\n  b: {type: boolean, countries: [XX], question: {en: B, fr: B}}\\n"
        + " ~ country 'XX' in fact 'b' is not declared under 'countries' ~ countries: BE",
    "countries:\\n ~ derived:\\n  Age: 'n + 1'\\ncountries:\\n"
        + " ~ derived fact name 'Age' must be lower-case snake_case"
        + " ~ write it in lower case, words joined by '_', e.g. de_qualifying_months",
    "countries:\\n ~ derived:\\n  b: 5\\ncountries:\\n"
        + " ~ derived fact 'b' must be an expression in quotes, found a number"
        + " ~ e.g. age: \"years_between(date_of_birth, as_of)\"",
    "- id: P\\n ~ - id: 'P x'\\n"
        + " ~ permit id 'P x' may only contain letters, digits, '.', '_' and '-' ~ e.g. DE-25b or BE-9bis-1.1",
    "all:\\n ~ any:\\n"
        + " ~ the criteria of permit 'P' must be an 'all:' list, or one criterion with an 'id' and a 'text'"
        + " ~ e.g. criteria: {all: [{id: age, text: {en: ..., fr: ...}, when: \"age >= 18\"}]}",
    "when: \"n > 1\"} ~ when: \"n > 1\"}\\n            - {id: a, text: {en: A, fr: A}, when: \"n > 2\"}"
        + " ~ duplicate criterion id 'a' in permit 'P' (first at line 19) ~ give each criterion of a permit its own id",
    "when: \"n > 1\"} ~ when: \"n > 1\", discretionary: {text: {en: D, fr: D}, when: [x]}}"
        + " ~ 'when' of 'discretionary' of criterion 'a' of permit 'P' must be an expression in quotes"
        + " ~ e.g. when: \"de_60b_months > 0\"",
  })
  void givesEachProblemAHint(String from, String to, String message, String hint) {
    String text = permit("          all:\n            - {id: a, text: {en: A, fr: A}, when: \"n > 1\"}\n");
    String was = from.replace("\\n", "\n");
    assertThat(text).contains(was);
    Diagnostic first = load(text.replaceFirst(java.util.regex.Pattern.quote(was),
        java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n")))).errors().get(0);
    assertThat(first.message()).isEqualTo(message);
    assertThat(first.hints()).containsExactly(hint);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '~', value = {
    // in a ruleset of one fact 'n' and one permit 'P': replace | by | its only error
    "criteria: ~ critera: ~ unknown key 'critera' in permit 'P'",
    "when: \"n > 1\"} ~ when: \"n > 1\", in_force: {form: 2020-01-01}}"
        + " ~ unknown key 'form' in 'in_force' of criterion 'a' of permit 'P'",
    "when: \"n > 1\"} ~ when: \"n > 1\", discretionary: ''}"
        + " ~ 'discretionary' of criterion 'a' of permit 'P' must give the text per language, e.g. {en: \"...\","
        + " fr: \"...\"}, found nothing",
  })
  void reportsAMisspeltOrEmptyKeyOnceNotAlsoAsMissing(String from, String to, String message) {
    String text = permit("          all:\n            - {id: a, text: {en: A, fr: A}, when: \"n > 1\"}\n");
    assertThat(text).contains(from);
    assertThat(load(text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)))
        .errors()).extracting(Diagnostic::message).containsExactly(message);
  }

  @Test
  void reportsAnEmptyFile() {
    assertThat(located(load(""))).containsExactly("1:0 the rules file is empty");
  }
}
