package org.permitcheck.interview;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.NextQuestion;
import org.permitcheck.engine.Question;
import org.permitcheck.engine.Standing;
import org.permitcheck.expr.Type;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/**
 * The interview loop: asks the question {@link NextQuestion} picks until every verdict in scope is
 * decided, saving the draft after every answer. Knows nothing of consoles: it talks through a {@link
 * Prompter}. A resumed interview with nothing left to ask first offers to change one answer. One run
 * at a time.
 */
public final class Interviewer {
  /** How an interview ended. */
  public enum Ending {
    /** No question can change a verdict any more. */
    FINISHED,
    /** The adviser typed quit. */
    QUIT,
    /** The input ended (end of file, Ctrl-D, Ctrl-C, closed terminal). */
    STOPPED
  }

  /** The ending, the last draft (already saved), and where the permits stand. */
  public record Result(Ending ending, Draft draft, List<Standing> standings) {}

  private final Ruleset rules;
  private final NextQuestion picker;
  private final LocalDate today;
  private final Prompter prompter;
  private final Messages m;
  private final Views views;
  private final Asker asker;
  private final ListDialogue lists;
  private final DraftStore store;
  private final Changes changes;
  private Draft d;
  /** The question chosen from the list of answers to change its answer, until it is asked. */
  private Optional<String> changing = Optional.empty();
  /**
   * The answered lists whose items were offered for the answers they lack, once each in an interview:
   * a field skipped again is not asked a second time.
   */
  private final Set<String> completed = new HashSet<>();
  /** The list {@link #completion} offered last, if the question it gave is the one asked. */
  private Optional<Completion> completion = Optional.empty();
  /** An answer was chosen to change: the questions are numbered on after the list of answers. */
  private boolean changed;

  public Interviewer(Ruleset rules, Prompter prompter, Messages messages, LocalDate today, DraftStore store) {
    this.rules = rules;
    this.picker = new NextQuestion(new Evaluator(rules));
    this.today = today;
    this.prompter = prompter;
    this.m = messages;
    this.views = new Views(messages);
    this.asker = new Asker(prompter, views, new AnswerParser(messages, today));
    this.lists = new ListDialogue(asker, views, store);
    this.store = store;
    this.changes = new Changes(rules, prompter, views);
  }

  /**
   * Runs the interview from {@code start}. A {@code resumed} interview with nothing left to ask (a
   * finished case) first offers to change one answer.
   */
  public Result run(Draft start, boolean resumed) throws IOException {
    return run(start, resumed, false);
  }

  /**
   * As {@link #run(Draft, boolean)}; a re-opened {@code savedCase} offers to change one answer even
   * when questions are left (Enter goes on with them), since changing one is what it was opened for.
   * The answer chosen is asked again with the answer so far, which Enter keeps and {@code back}
   * keeps too, going back to the list of answers.
   */
  public Result run(Draft start, boolean resumed, boolean savedCase) throws IOException {
    d = start.reopen();
    store.save(d);
    prompter.show(views.line(m.get("interview.intro")));
    Optional<String> again = Optional.empty();
    boolean offer = resumed && (next(again).isEmpty() || savedCase);
    while (true) {
      if (offer) {
        offer = false;
        again = changes.choose(d, next(Optional.empty()).isEmpty() ? Optional.of(incompleteLists(standings()))
            : Optional.empty());
        if (again.equals(Optional.of(Changes.QUIT))) {
          return stop(Reply.of(Reply.Kind.QUIT));
        }
        changing = again;
        changed = again.isPresent();
      }
      Optional<Question> q = next(again);
      again = Optional.empty();
      if (q.isEmpty()) {
        return finish();
      }
      Reply r = ask(q.get());
      boolean change = changing.equals(Optional.of(key(q.get())));
      changing = Optional.empty();
      if (r.is(Reply.Kind.ANSWER) || r.is(Reply.Kind.KEEP)) {
        prompter.show(views.progress(standings()));
      } else if (r.is(Reply.Kind.BACK)) {
        offer = change;
        again = change ? Optional.empty() : Optional.of(back(q.get()));
      } else {
        return stop(r);
      }
    }
  }

  /** No question can change a verdict any more. */
  private Result finish() throws IOException {
    List<Standing> standings = standings();
    boolean open = standings.stream().anyMatch(Standing::open);
    List<String> incomplete = incompleteLists(standings);
    prompter.show("\n" + views.line(!open ? m.get("interview.done") : incomplete.isEmpty() ? m.get("interview.done.open")
        : m.get("interview.done.incomplete", String.join(", ", incomplete))));
    d = d.finish();
    store.save(d);
    return new Result(Ending.FINISHED, d, standings);
  }

  /** Quit, or the input ended: a summary of where the permits stand. */
  private Result stop(Reply r) {
    if (r.is(Reply.Kind.ENDED)) {
      prompter.show("\n" + views.line(m.get(prompter.interrupted() ? "interview.interrupted" : "interview.stopped")));
    }
    List<Standing> now = standings();
    // a question skipped (left unknown) is not an answer
    long answered = d.asked().stream().filter(a -> !d.skipped().contains(a)).count();
    prompter.show(views.summary((int) answered, now));
    return new Result(r.is(Reply.Kind.QUIT) ? Ending.QUIT : Ending.STOPPED, d, now);
  }

  /** The question to ask: a list in progress, else one asked again, else the picker's. */
  private Optional<Question> next(Optional<String> again) {
    List<Standing> standings = standings();
    Optional<String> forced = d.pending().map(Draft.Pending::fact).or(() -> again);
    if (forced.isPresent()) {
      String f = forced.get();
      // what the question can decide, an answer being changed left out
      return Optional.of(f.equals(Draft.COUNTRY) ? Question.country(List.of())
          : Question.fact(f, NextQuestion.decidedBy(d.pending().isPresent() ? standings : standings(d.forget(f)), f)));
    }
    Optional<Question> q = picker.next(standings, d.countryOpen());
    return q.isPresent() ? q : completion(standings);
  }

  /**
   * When no other question is left: the first field, not given, of an item of an answered list that
   * could still decide an open permit (a case saved before the field was asked, or with it skipped),
   * once per list in an interview. Asking it ({@link #ask}) goes on with the list's dialogue from that
   * field, past the fields given and those that cannot decide.
   */
  private Optional<Question> completion(List<Standing> standings) {
    completion = Optional.empty();
    for (String list : incompleteLists(standings)) {
      if (completed.contains(list)) {
        continue;
      }
      List<?> items = (List<?>) d.subject().facts().get(list);
      List<String> fields = new ArrayList<>(rules.facts().get(list).fields().keySet());
      LocalDate asOf = d.subject().asOf().orElse(today);
      for (int i = 0; i < items.size(); i++) {
        Map<?, ?> item = (Map<?, ?>) items.get(i);
        for (int f = 0; f < fields.size(); f++) {
          if (item.get(fields.get(f)) == null
              && picker.fieldDecides(standings, d.subject(), asOf, d.skipped(), list, i, fields.get(f))) {
            completion = Optional.of(new Completion(list, i * fields.size() + f + 1));
            return Optional.of(Question.fact(list, NextQuestion.decidedBy(standings, list)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A list to complete and the step (item and field) its dialogue starts at. */
  private record Completion(String list, int step) {}

  private Reply ask(Question q) throws IOException {
    Supplier<String> why = () -> views.why(standings(), q);
    Fact fact = q.isCountry() ? countryFact() : rules.facts().get(q.fact());
    Optional<Object> current = changing.filter(key(q)::equals).flatMap(this::answer);
    // a list being completed (its items given, some fields not) asks only what they lack, as a new question
    boolean completing = fact.type().isRecords() && current.isEmpty() && d.pending().isEmpty()
        && completion.filter(c -> c.list().equals(fact.name())).isPresent();
    prompter.show(views.question(number(q) + (completing ? 1 : 0), fact));
    current.ifPresent(v -> prompter.show(views.current(fact, v)));
    if (fact.type().isRecords()) {
      if (completing) {
        completed.add(fact.name());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> given = (List<Map<String, Object>>) d.subject().facts().get(fact.name());
        d = d.pending(fact.name(), given, completion.get().step());
      }
      ListDialogue.Result lr = lists.run(d, fact, current.isPresent(), completing, why,
          draft -> picker.settled(standings(draft), fact.name()),
          (draft, item, field) -> picker.fieldDecides(standings(draft), draft.subject(),
              draft.subject().asOf().orElse(today), draft.skipped(), fact.name(), item, field));
      d = lr.draft();
      return Reply.of(lr.kind());
    }
    Reply r = asker.ask(fact, false, current.isPresent(), why);
    if (r.is(Reply.Kind.ANSWER)) {
      d = q.isCountry() ? d.country(r.value().map(Object::toString)) : d.answer(fact.name(), r.value());
      store.save(d);
    }
    return r;
  }

  private static String key(Question q) {
    return q.isCountry() ? Draft.COUNTRY : q.fact();
  }

  /** The answer so far to a question ({@link Draft#COUNTRY} or a fact), if any. */
  private Optional<Object> answer(String key) {
    return key.equals(Draft.COUNTRY) ? d.subject().country().map(Object.class::cast)
        : Optional.ofNullable(d.subject().facts().get(key));
  }

  /**
   * One after the answers so far, not counting the question's own (being changed); after the list of
   * answers too once one was chosen to change, so that no number is shown twice.
   */
  private int number(Question q) {
    return d.asked().size() - (d.asked().contains(key(q)) ? 1 : 0) + (changed ? 2 : 1);
  }

  /** Forgets the previous answer and returns it, to ask it again; or the current question if first. */
  private String back(Question current) throws IOException {
    if (d.asked().isEmpty()) {
      prompter.show(views.line(m.get("interview.back.none")));
      return current.isCountry() ? Draft.COUNTRY : current.fact();
    }
    String last = d.asked().get(d.asked().size() - 1);
    d = d.forget(last);
    store.save(d);
    return last;
  }

  private List<Standing> standings() {
    return standings(d);
  }

  /**
   * The lists, already answered, that an open permit still misses: some of their items lack a field
   * that could decide it. {@link #completion} asks those fields once; changing the list's answer asks
   * it again whole.
   */
  private List<String> incompleteLists(List<Standing> standings) {
    List<String> out = new ArrayList<>();
    for (Standing s : standings) {
      for (String fact : s.open() ? s.result().missing() : List.<String>of()) {
        if (d.subject().facts().get(fact) instanceof List && rules.facts().get(fact).type().isRecords()
            && !out.contains(fact)) {
          out.add(fact);
        }
      }
    }
    return out;
  }

  private List<Standing> standings(Draft draft) {
    return picker.standings(draft.subject(), draft.subject().asOf().orElse(today), draft.scope(), draft.skipped());
  }

  /** The country, asked like an enum fact whose values are the ruleset's countries. */
  private Fact countryFact() {
    List<String> codes = new ArrayList<>();
    Map<String, Text> labels = new LinkedHashMap<>();
    for (Country c : rules.countries()) {
      codes.add(c.code());
      labels.put(c.code(), c.name());
    }
    return new Fact("country", Type.enumOf("country", codes), List.of(), m.asText("interview.country.question"),
        m.asText("interview.country.help"), labels, Map.of(), Optional.empty(), Optional.empty(), "", false,
        List.of());
  }
}
