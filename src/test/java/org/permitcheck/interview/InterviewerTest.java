package org.permitcheck.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** The loop with a hand-written fake prompter, on a status history (periods). */
class InterviewerTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  /** The first lines of every ruleset here: its name, version, review date and languages. */
  static final String HEAD = "ruleset: t\nversion: '1'\nreviewed: 2026-01-01\nlanguages: [en, fr]";
  static final String RULES = String.join("\n",
      HEAD,
      "facts:",
      "  history: {type: periods, values: [duldung, gestattung], question: {en: 'Status history?', fr: H}}",
      "  works: {type: boolean, question: {en: 'Works?', fr: W}}",
      "countries:",
      "  BE:",
      "    name: {en: B, fr: B}",
      "    permits:",
      "      - id: P",
      "        title: {en: T, fr: T}",
      "        legal_basis: x",
      "        source: {seed: s}",
      "        criteria:",
      "          all:",
      "            - {id: stay, text: {en: S, fr: S}, when: \"months_in(history, 'duldung') >= 12\"}",
      "            - {id: work, text: {en: W, fr: W}, when: \"works\"}",
      "");

  /** Answers from a list; shows go to a transcript. */
  static final class FakePrompter implements Prompter {
    final Deque<String> answers;
    final StringBuilder shown = new StringBuilder();

    FakePrompter(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public void show(String text) {
      shown.append(text);
    }

    @Override
    public Optional<String> read(String prompt, List<String> completions) {
      shown.append(prompt).append('\n');
      return Optional.ofNullable(answers.poll());
    }
  }

  static Interviewer.Result run(FakePrompter p, List<Draft> saved) throws IOException {
    return run(RULES, p, saved);
  }

  static Interviewer.Result run(String text, FakePrompter p, List<Draft> saved) throws IOException {
    Checked<Ruleset> rules = RulesLoader.load(new SourceText("rules.yaml", text));
    assertThat(rules.errors()).isEmpty();
    Case c = new Case("t", "", Optional.of("BE"), Optional.of(TODAY), Optional.empty(), Map.of(), Map.of());
    return new Interviewer(rules.value().get(), p, new Messages("en"), TODAY, saved::add)
        .run(Draft.start(c, Scope.ALL, "t.yaml"), false);
  }

  @Test
  void asksAStatusHistoryPeriodByPeriodAndChecksEachPeriod() throws IOException {
    FakePrompter p = new FakePrompter("2", "", "1", "01.01.2020", "31.12.2019", "31.12.2021", "gestattung",
        "2022-01-01", "", "yes");
    List<Draft> saved = new ArrayList<>();
    Interviewer.Result r = run(p, saved);
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.FINISHED);
    assertThat(r.draft().subject().facts()).containsEntry("history", List.of(
        Map.of("status", "duldung", "from", LocalDate.of(2020, 1, 1), "to", LocalDate.of(2021, 12, 31)),
        Map.of("status", "gestattung", "from", LocalDate.of(2022, 1, 1))));
    assertThat(p.shown.toString()).contains("  [1/2] Status during this period?\n    1 duldung\n    2 gestattung\n",
        "  This is needed for every period and cannot be skipped.\n",
        "  A period cannot end (2019-12-31) before it starts (2020-01-01).\n",
        "  [2/2] Until which date? (Enter if it still lasts)\n");
    assertThat(saved.stream().filter(d -> d.pending().isPresent()).map(d -> d.pending().get().step()))
        .containsExactly(1, 2, 3, 3, 4, 5, 6);
  }

  @Test
  void backFromTheFirstStepOfAListLeavesIt() throws IOException {
    FakePrompter p = new FakePrompter("back", "", "back", "back", "quit");
    Interviewer.Result r = run(p, new ArrayList<>());
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.QUIT);
    assertThat(p.shown.toString().split("\\(1\\) Status history\\?", -1)).hasSize(5);
    assertThat(p.shown.toString()).contains("(2) Works?");
    assertThat(p.shown.toString().split("This is the first question", -1)).hasSize(3);
    assertThat(r.draft().subject().facts()).doesNotContainKey("history");
    assertThat(r.draft().asked()).isEmpty();
    assertThat(r.draft().skipped()).isEmpty();
  }

  /** A permit for the parent of a Belgian child with whom there is a family life, through a derived fact. */
  static final String CHILDREN = String.join("\n",
      HEAD,
      "facts:",
      "  kids:",
      "    type: list",
      "    question: {en: 'Children?', fr: E}",
      "    fields:",
      "      born: {type: date, question: {en: 'Born?', fr: N}}",
      "      citizenship: {type: enum, values: [belgian, other], question: {en: 'Citizenship?', fr: C}}",
      "      family_life: {type: boolean, question: {en: 'Family life?', fr: V}}",
      "derived:",
      "  belgian_child: \"any(kids, years_between(born, as_of) < 18 and citizenship == 'belgian' and family_life)\"",
      "countries: {BE: {name: {en: B, fr: B}, permits: [",
      "  {id: P, title: {en: T, fr: T}, legal_basis: x, source: {seed: s}, criteria: {all: [",
      "    {id: child, text: {en: C, fr: C}, when: belgian_child}]}}]}}",
      "");

  @Test
  void asksAFieldOfAListItemOnlyWhereThatItemCanStillDecide() throws IOException {
    // the first child is not Belgian: its family life cannot matter, whatever the second child is
    FakePrompter p = new FakePrompter("2", "2015-01-01", "other", "2016-01-01", "belgian", "yes");
    Interviewer.Result r = run(CHILDREN, p, new ArrayList<>());
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.FINISHED);
    assertThat(p.shown.toString()).doesNotContain("[1/2] Family life?").contains("[2/2] Family life?");
    assertThat(r.draft().subject().facts().get("kids")).asList().hasSize(2);
  }

  /** A resumed case whose one Belgian child lacks its family life; {@code answers} to the interview. */
  static Interviewer.Result completing(FakePrompter p) throws IOException {
    Checked<Ruleset> rules = RulesLoader.load(new SourceText("rules.yaml", CHILDREN));
    Map<String, Object> child = Map.of("born", LocalDate.of(2016, 1, 1), "citizenship", "belgian");
    Case c = new Case("t", "", Optional.of("BE"), Optional.of(TODAY), Optional.empty(),
        Map.of("kids", List.of(child)), Map.of());
    return new Interviewer(rules.value().get(), p, new Messages("en"), TODAY, d -> { })
        .run(Draft.start(c, Scope.ALL, "t.yaml"), true);
  }

  @Test
  void asksOnlyTheFieldsAnAnsweredListsItemsLackThatCouldDecide() throws IOException {
    FakePrompter p = new FakePrompter("yes");
    Interviewer.Result r = completing(p);
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.FINISHED);
    assertThat(p.shown.toString()).contains("Children?", "[1/1] Family life?").doesNotContain("Born?", "How many");
    assertThat(r.draft().subject().facts().get("kids")).isEqualTo(List.of(
        Map.of("born", LocalDate.of(2016, 1, 1), "citizenship", "belgian", "family_life", true)));
  }

  @Test
  void saysWhichAnsweredListStillLacksAFieldThatCouldDecideWhenItIsSkipped() throws IOException {
    FakePrompter p = new FakePrompter("");
    Interviewer.Result r = completing(p);
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.FINISHED);
    assertThat(p.shown.toString().split("Family life\\?", -1)).hasSize(2); // asked once, not again
    assertThat(p.shown.toString().replace("\n  ", " ")).contains(
        "No question left can decide the open permits: items of kids still lack answers");
  }

  @Test
  void asksTheFieldsOfAListReadWithinAnotherListsItems() throws IOException {
    // the inner condition reads a field of the outer item: no item-by-item shortcut, every field asked
    String nested = String.join("\n",
        HEAD,
        "facts:",
        "  parents: {type: list, question: {en: 'Parents?', fr: P}, fields: {pbel: {type: boolean, question: {en: 'Belgian?', fr: B}}}}",
        "  kids: {type: list, question: {en: 'Kids?', fr: E}, fields: {minor: {type: boolean, question: {en: 'Minor?', fr: M}}}}",
        "countries: {BE: {name: {en: B, fr: B}, permits: [",
        "  {id: P, title: {en: T, fr: T}, legal_basis: x, source: {seed: s}, criteria: {all: [",
        "    {id: c, text: {en: C, fr: C}, when: \"any(parents, any(kids, minor and pbel))\"}]}}]}}",
        "");
    FakePrompter p = new FakePrompter("1", "yes", "1", "yes");
    Interviewer.Result r = run(nested, p, new ArrayList<>());
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.FINISHED);
    assertThat(p.shown.toString()).contains("[1/1] Belgian?", "[1/1] Minor?");
  }

  /** P is discretionary while 'works' is unknown (it could still become eligible); Q is undetermined. */
  static final String TWO_PERMITS = String.join("\n",
      HEAD,
      "facts: {months: {type: integer, question: {en: 'Months?', fr: M}}, works: {type: boolean, question: {en: W, fr: W}}}",
      "countries: {BE: {name: {en: B, fr: B}, permits: [",
      "  {id: P, title: {en: T, fr: T}, legal_basis: x, source: {seed: s}, criteria: {all: [",
      "    {id: stay, text: {en: S, fr: S}, when: 'months >= 12'},",
      "    {id: work, text: {en: W, fr: W}, when: works, discretionary: {text: {en: D, fr: D}}}]}},",
      "  {id: Q, title: {en: T, fr: T}, legal_basis: x, source: {seed: s}, criteria: {all: [",
      "    {id: stay, text: {en: S, fr: S}, when: 'months >= 12'}, {id: work, text: {en: W, fr: W}, when: works}]}}]}}",
      "");

  @Test
  void theClosingSummaryCountsEachPermitOnceUnderTheVerdictTheListShows() throws IOException {
    FakePrompter p = new FakePrompter("24", "quit");
    Interviewer.Result r = run(TWO_PERMITS, p, new ArrayList<>());
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.QUIT);
    assertThat(p.shown.toString()).endsWith("\nStopped after 1 answer: DISCRETIONARY 1, UNDETERMINED 1.\n"
        + "  Where the permits stand:\n"
        + "    P · DISCRETIONARY · 1 fact can still decide it\n"
        + "    Q · UNDETERMINED · 1 fact can still decide it\n");
  }

  @Test
  void theClosingSummaryCountsASkippedQuestionAsNoAnswer() throws IOException {
    FakePrompter p = new FakePrompter("", "quit");
    Interviewer.Result r = run(TWO_PERMITS, p, new ArrayList<>());
    assertThat(r.draft().skipped()).containsExactly("months");
    assertThat(p.shown.toString()).contains("\nStopped after 0 answers: ");
  }
}
