package org.permitcheck.interview;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.permitcheck.expr.Type;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Text;

/**
 * The sub-dialogue of a list fact (e.g. children) or a status history: how many items, then each
 * field of each item in turn. Every step is saved to the draft; {@code back} steps back one field (from
 * the first step it leaves the list); a skipped field stays unknown, except a period's status and start.
 * One list at a time.
 */
final class ListDialogue {
  /** Where the dialogue ended: the list answered or skipped, back out of it, quit, or input ended. */
  record Result(Reply.Kind kind, Draft draft) {}

  private final Asker asker;
  private final Views views;
  private final Messages m;
  private final DraftStore store;
  private Draft d;
  private Fact fact;
  private List<Fact> fields;
  private List<Map<String, Object>> items;
  private int step;
  private boolean keeps;
  /** The steps of fields passed over, not asked: {@code back} passes over them too. */
  private final Set<Integer> passed = new HashSet<>();

  ListDialogue(Asker asker, Views views, DraftStore store) {
    this.asker = asker;
    this.views = views;
    this.m = views.messages();
    this.store = store;
  }

  /**
   * Asks {@code list} from its first step, or from where the draft's pending list stands; if {@code
   * keeps}, the list has an answer being changed, which Enter at the first step keeps. {@code
   * settled} tells, for a draft, whether no verdict depends on the list any more: the remaining fields
   * are then left unknown (not for status histories, whose periods need a status and a start).
   */
  Result run(Draft start, Fact list, boolean keeps, Supplier<String> why, Predicate<Draft> settled,
      FieldCheck asks) throws IOException {
    return run(start, list, keeps, false, why, settled, asks);
  }

  /**
   * As {@link #run(Draft, Fact, boolean, Supplier, Predicate, FieldCheck)}; {@code completing}: the
   * items are given and the draft's pending step is the first field they lack, and the fields already
   * given are passed over (not asked again).
   */
  Result run(Draft start, Fact list, boolean keeps, boolean completing, Supplier<String> why,
      Predicate<Draft> settled, FieldCheck asks) throws IOException {
    d = start;
    fact = list;
    this.keeps = keeps;
    fields = fields(list);
    step = d.pending().filter(p -> p.fact().equals(list.name())).map(Draft.Pending::step).orElse(0);
    items = items(d.subject().facts().get(list.name()));
    passed.clear();
    while (true) {
      Optional<Result> end = step == 0 ? count(why) : field(why);
      if (end.isPresent()) {
        return end.get();
      }
      d = d.pending(fact.name(), copy(items), step);
      if (step > 1 && fact.type().kind() == Type.Kind.LIST && settled.test(d)) {
        return answered(Optional.of(copy(items)));
      }
      // a field that can no longer change a verdict, whatever the fields after it, is left unknown
      while (step > 0 && fact.type().kind() == Type.Kind.LIST && step <= items.size() * fields.size()
          && passesOver(step, completing, asks)) {
        passed.add(step);
        step++;
        d = d.pending(fact.name(), copy(items), step);
      }
      if (step > 0 && step > items.size() * fields.size()) {
        return answered(Optional.of(copy(items)));
      }
      store.save(d);
    }
  }

  /**
   * Whether the field of {@code step} is not asked: it can no longer change a verdict, or, when {@code
   * completing} a list, it is already given.
   */
  private boolean passesOver(int step, boolean completing, FieldCheck asks) {
    int item = (step - 1) / fields.size();
    String field = fields.get((step - 1) % fields.size()).name();
    return completing && items.get(item).get(field) != null || !asks.matters(d, item, field);
  }

  /** Whether a field of an item, not given yet, can still change a verdict (for a draft). */
  interface FieldCheck {
    boolean matters(Draft draft, int item, String field);
  }

  /** Step 0: how many items. No items, or a skip, answers the whole list. */
  private Optional<Result> count(Supplier<String> why) throws IOException {
    asker.prompter().show(views.line(m.get("interview.list.count")));
    Reply r = asker.ask(countFact(), false, keeps, why);
    if (r.is(Reply.Kind.BACK)) {
      return Optional.of(new Result(Reply.Kind.BACK, keeps ? d : d.forget(fact.name())));
    }
    if (!r.is(Reply.Kind.ANSWER)) {
      return Optional.of(new Result(r.kind(), d));
    }
    long n = r.value().map(v -> (Long) v).orElse(-1L);
    if (n <= 0) {
      return Optional.of(answered(n == 0 ? Optional.of(List.of()) : Optional.empty()));
    }
    items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(new LinkedHashMap<>());
    }
    step = 1;
    return Optional.empty();
  }

  /** A step after the first: one field of one item. */
  private Optional<Result> field(Supplier<String> why) throws IOException {
    int index = step - 1;
    Map<String, Object> item = items.get(index / fields.size());
    Fact field = fields.get(index % fields.size());
    asker.prompter().show(views.item(index / fields.size() + 1, items.size(), field));
    boolean required = fact.type().kind() == Type.Kind.PERIODS && !field.name().equals("to");
    Reply r = asker.ask(field, required, why);
    if (r.is(Reply.Kind.QUIT) || r.is(Reply.Kind.ENDED)) {
      return Optional.of(new Result(r.kind(), d));
    }
    if (r.is(Reply.Kind.BACK)) {
      step--;
      while (step >= 1 && passed.remove(step)) {
        step--; // over the fields that were not asked
      }
      if (step >= 1) {
        items.get((step - 1) / fields.size()).remove(fields.get((step - 1) % fields.size()).name());
      }
      return Optional.empty();
    }
    Optional<String> problem = periodEnd(field, item, r.value());
    if (problem.isPresent()) {
      asker.prompter().show(views.line(problem.get()));
      return Optional.empty();
    }
    r.value().ifPresentOrElse(v -> item.put(field.name(), v), () -> item.remove(field.name()));
    step++;
    return step == 1 + items.size() * fields.size() ? Optional.of(answered(Optional.of(copy(items))))
        : Optional.empty();
  }

  private Result answered(Optional<Object> value) throws IOException {
    d = d.answer(fact.name(), value);
    store.save(d);
    return new Result(Reply.Kind.ANSWER, d);
  }

  private Optional<String> periodEnd(Fact field, Map<String, Object> item, Optional<Object> value) {
    if (field.name().equals("to") && value.isPresent() && item.get("from") instanceof LocalDate
        && ((LocalDate) value.get()).isBefore((LocalDate) item.get("from"))) {
      return Optional.of(m.get("interview.invalid.period_end", m.date((LocalDate) value.get()),
          m.date((LocalDate) item.get("from"))));
    }
    return Optional.empty();
  }

  /**
   * A list's declared fields; a status history's status, start and end. A field without help of its
   * own shows the list's help on {@code ?}.
   */
  private List<Fact> fields(Fact list) {
    if (list.type().kind() != Type.Kind.PERIODS) {
      return list.fields().values().stream().map(f -> f.help().isEmpty() ? f.withHelp(list.help()) : f).toList();
    }
    return List.of(
        field("status", list.type().fields().get("status"), "interview.period.status", list),
        field("from", Type.DATE, "interview.period.from", list),
        field("to", Type.DATE, "interview.period.to", list));
  }

  private Fact field(String name, Type type, String question, Fact parent) {
    return new Fact(name, type, List.of(), m.asText(question), parent.help(), parent.labels(), Map.of(),
        Optional.empty(), Optional.empty(), "", false, List.of());
  }

  /** How many items: its help is the list's. */
  private Fact countFact() {
    return new Fact("count", Type.INTEGER, List.of(), m.asText("interview.list.count"), fact.help(), Map.of(),
        Map.of(), Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.valueOf(99)), "", false, List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof List) {
      for (Object o : (List<?>) value) {
        out.add(new LinkedHashMap<>((Map<String, Object>) o));
      }
    }
    return out;
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> item : items) {
      out.add(Collections.unmodifiableMap(new LinkedHashMap<>(item)));
    }
    return Collections.unmodifiableList(out);
  }
}
