package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** A written case reads back to the same case, for every fact type and awkward texts. */
class CaseWriterTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  static final String RULES = String.join("\n",
      "ruleset: t", "version: '1'", "reviewed: 2026-01-01", "languages: [en, fr, de]",
      "facts:",
      "  flag: {type: boolean, question: {en: F, fr: F}}",
      "  months: {type: integer, min: 0, unit: months, question: {en: M, fr: M}}",
      "  ratio: {type: decimal, question: {en: R, fr: R}}",
      "  income: {type: money, currency: EUR, question: {en: I, fr: I}}",
      "  born: {type: date, past: true, question: {en: B, fr: B}}",
      "  note: {type: text, question: {en: N, fr: N}}",
      "  status: {type: enum, values: [duldung, 'null', 'yes', none], question: {en: S, fr: S}}",
      "  level: {type: level, question: {en: L, fr: L}}",
      "  children:",
      "    type: list",
      "    question: {en: C, fr: C}",
      "    fields:",
      "      born: {type: date, question: {en: B, fr: B}}",
      "      in_school: {type: boolean, question: {en: S, fr: S}}",
      "      name: {type: text, question: {en: N, fr: N}}",
      "  history:",
      "    type: periods",
      "    values: [duldung, gestattung]",
      "    question: {en: H, fr: H}",
      "countries:",
      "  DE:",
      "    name: {en: D, fr: D, de: D}",
      "    permits:",
      "      - id: P",
      "        title: {en: T, fr: T, de: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - id: a",
      "              text: {en: A, fr: A, de: A}",
      "              when: \"flag and months >= 1 and ratio > 0 and income > 0 and born < as_of and note != ''"
          + " and status == 'duldung' and level >= 'A2' and count(children, in_school) >= 0"
          + " and months_in(history, 'duldung') >= 0\"",
      "");

  static Ruleset rules() {
    Checked<Ruleset> r = RulesLoader.load(new SourceText("rules.yaml", RULES));
    assertThat(r.errors()).isEmpty();
    return r.value().get();
  }

  static Case roundTrip(Case c) {
    Ruleset rules = rules();
    String text = new CaseWriter(rules).write(c);
    Checked<Case> back = new CaseReader(rules, TODAY).read(new SourceText("c.yaml", text));
    assertThat(back.diagnostics()).as(text).isEmpty();
    return back.value().get();
  }

  static Case of(Map<String, Object> facts) {
    return new Case("c", "c.yaml", Optional.of("DE"), Optional.of(TODAY), Optional.of(TODAY.plusDays(3)),
        facts, Map.of("P", "eligible"));
  }

  @Test
  void roundTripsEveryFactType() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("flag", true);
    facts.put("months", 72L);
    facts.put("ratio", new BigDecimal("0.125"));
    facts.put("income", new BigDecimal("1201.20"));
    facts.put("born", LocalDate.of(1990, 4, 12));
    facts.put("note", "Lives with \"Ali\" — at C/O: 12\nsecond line \\ done");
    facts.put("status", "duldung");
    facts.put("level", "B1");
    facts.put("children", List.of(
        Map.of("born", LocalDate.of(2015, 2, 1), "in_school", true, "name", "yes"),
        Map.of("in_school", false),
        Map.of()));
    facts.put("history", List.of(
        Map.of("status", "gestattung", "from", LocalDate.of(2016, 1, 1), "to", LocalDate.of(2017, 6, 30)),
        Map.of("status", "duldung", "from", LocalDate.of(2017, 7, 1))));
    Case c = of(facts);
    Case back = roundTrip(c);
    assertThat(back.facts()).isEqualTo(c.facts());
    assertThat(back.country()).isEqualTo(c.country());
    assertThat(back.asOf()).isEqualTo(c.asOf());
    assertThat(back.applicationDate()).isEqualTo(c.applicationDate());
    assertThat(back.expect()).isEqualTo(c.expect());
    assertThat(back.id()).isEqualTo("c");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "yes", "none"})
  void quotesEnumValuesYamlWouldMisread(String value) {
    Case back = roundTrip(of(Map.of("status", value)));
    assertThat(back.facts()).containsEntry("status", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12", "true", "~", "2020-01-01", "a: b", "- x", "#x", "'q'", "tab\there", " pad ",
      "ünïcødé ✓", "\u0007bell"})
  void quotesTextsThatWouldReadAsSomethingElse(String text) {
    Case back = roundTrip(of(Map.of("note", text)));
    assertThat(back.facts()).containsEntry("note", text);
  }

  @Test
  void writesEmptyListsAndNoFacts() {
    assertThat(roundTrip(of(Map.of("children", List.of()))).facts()).containsEntry("children", List.of());
    Case none = new Case("2026-01-01", "x", Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of());
    String text = new CaseWriter(rules()).write(none);
    assertThat(text).isEqualTo("id: \"2026-01-01\"\nfacts: {}\n");
    assertThat(roundTrip(none).id()).isEqualTo("2026-01-01");
  }

  @Test
  void writesFactsInDeclarationOrder() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("level", "A2");
    facts.put("flag", false);
    assertThat(new CaseWriter(rules()).write(of(facts)))
        .isEqualTo("id: c\ncountry: DE\nas_of: 2026-11-22\napplication_date: 2026-11-25\nfacts:\n"
            + "  flag: false\n  level: A2\nexpect:\n  P: eligible\n");
  }

  /**
   * A case file as an adviser annotates it, with a comment in every place one can stand, written as
   * {@link CaseWriter} writes a case (facts in the order the rules declare them).
   */
  static final String COMMENTED = String.join("\n",
      "# Client: met on 3 March, with interpreter",
      "# second line of the header",
      "",
      "id: c # the office's reference",
      "country: DE",
      "as_of: 2026-11-22",
      "facts: # as told on 3 March",
      "  months: 14",
      "  # from the passport",
      "  born: 1990-04-12 # checked",
      "  status: duldung",
      "  level: B1 # certificate pending",
      "  children:",
      "    # the eldest",
      "    - born: 2015-02-01 # about",
      "      in_school: true",
      "    - in_school: false # second child: no date yet",
      "# what we expect",
      "expect:",
      "  P: eligible # checked by hand",
      "",
      "# end of file",
      "");

  static String rewrite(String text, java.util.function.UnaryOperator<Case> change) {
    Ruleset rules = rules();
    Checked<Case> read = new CaseReader(rules, TODAY).read(new SourceText("c.yaml", text));
    assertThat(read.diagnostics()).isEmpty();
    return new CaseWriter(rules).write(change.apply(read.value().get()),
        org.permitcheck.tree.Comments.read(text, List.of()));
  }

  static Case withFacts(Case c, Map<String, Object> facts) {
    return new Case(c.id(), c.source(), c.country(), c.asOf(), c.applicationDate(), facts, c.expect(), c.note());
  }

  @Test
  void writesTheCommentsOfTheFileBackWhereTheyStood() {
    assertThat(rewrite(COMMENTED, c -> c)).isEqualTo(COMMENTED);
  }

  @Test
  void movesAFactsCommentsWithItIntoTheOrderOfTheRules() {
    String moved = COMMENTED.replace("  months: 14\n", "").replace("  level: B1 # certificate pending\n", "")
        .replace("  children:\n", "  level: B1 # certificate pending\n  months: 14\n  children:\n");
    assertThat(moved).isNotEqualTo(COMMENTED);
    assertThat(rewrite(moved, c -> c)).isEqualTo(COMMENTED);
  }

  @Test
  void keepsTheCommentsOfAnAnswerTakenBackAtTheEndOfTheFile() {
    String text = rewrite(COMMENTED, c -> {
      Map<String, Object> facts = new LinkedHashMap<>(c.facts());
      facts.remove("born");
      facts.put("level", "B2");
      return withFacts(c, facts);
    });
    assertThat(text).contains("  level: B2 # certificate pending\n")
        .endsWith("  P: eligible # checked by hand\n# (was at facts.born)\n# from the passport\n# checked\n\n# end of file\n");
    Checked<Case> back = new CaseReader(rules(), TODAY).read(new SourceText("c.yaml", text));
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.value().get().facts()).doesNotContainKey("born").containsEntry("level", "B2");
  }

  @Test
  void aFileWithoutCommentsIsWrittenAsWithoutThem() {
    Case c = of(Map.of("flag", true));
    String plain = new CaseWriter(rules()).write(c);
    assertThat(rewrite(plain, x -> x)).isEqualTo(plain);
  }
}
