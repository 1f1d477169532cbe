package org.permitcheck.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.permitcheck.report.Messages;
import org.permitcheck.report.Wrap;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;

/**
 * On a resumed interview of a saved case: lists the answers, each by its question and in the words the
 * interview offered (a choice by its label), and lets the adviser pick one to change by its number (or
 * the fact's name, for those who know it); Enter keeps them all.
 */
final class Changes {
  /** What {@link #choose} gives when the adviser types quit: stop here, as at any question. */
  static final String QUIT = "@quit";

  private final Ruleset rules;
  private final Prompter prompter;
  private final Views views;
  private final Messages m;

  Changes(Ruleset rules, Prompter prompter, Views views) {
    this.rules = rules;
    this.prompter = prompter;
    this.views = views;
    this.m = views.messages();
  }

  /**
   * The question whose answer to change ({@link Draft#COUNTRY} or a fact), or empty for none. {@code
   * noQuestion}: no question is left, with the answered lists an open permit still misses fields of
   * (empty: every verdict is decided); empty when questions are left.
   */
  Optional<String> choose(Draft d, Optional<List<String>> noQuestion) {
    List<String> keys = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    d.subject().country().ifPresent(c -> {
      keys.add(Draft.COUNTRY);
      String name = rules.country(c).map(country -> m.text(country.name())).filter(n -> !n.isEmpty()).orElse(c);
      shown.add(m.get("interview.change.item", m.get("interview.country.question"), name));
    });
    for (Fact f : rules.facts().values()) {
      Object v = d.subject().facts().get(f.name());
      if (v != null || d.skipped().contains(f.name())) {
        keys.add(f.name());
        shown.add(m.get("interview.change.item", question(f), views.answer(f, v)));
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String title = noQuestion.isEmpty() ? m.get("interview.change.title.open")
        : noQuestion.get().isEmpty() ? m.get("interview.change.title")
        : m.get("interview.change.title.incomplete", String.join(", ", noQuestion.get()));
    StringBuilder out = new StringBuilder("\n").append(views.line(title));
    int width = String.valueOf(shown.size()).length();
    for (int i = 0; i < shown.size(); i++) { // "  9. …" and "10. …", continued under the text
      String number = String.format("    %" + width + "d. ", i + 1);
      Wrap.append(out, number, " ".repeat(number.length()), shown.get(i));
    }
    prompter.show(out.toString());
    List<String> names = keys.stream().map(k -> k.equals(Draft.COUNTRY) ? m.get("interview.country.name") : k)
        .toList();
    while (true) {
      Optional<String> line = prompter.read(m.get("interview.prompt", m.get("interview.change.prompt")) + " ", names);
      String t = line.map(String::strip).orElse("");
      if (t.isEmpty()) {
        return Optional.empty();
      }
      if (t.equalsIgnoreCase("quit")) {
        return Optional.of(QUIT);
      }
      int index = t.matches("\\d{1,4}") ? Integer.parseInt(t) - 1 : names.indexOf(t.toLowerCase(Locale.ROOT));
      if (index >= 0 && index < keys.size()) {
        return Optional.of(keys.get(index));
      }
      prompter.show(views.line(m.get("interview.change.invalid", t)));
    }
  }

  /** The question as the interview asked it, or the fact's name when the rules give none. */
  private String question(Fact f) {
    String q = m.text(f.question());
    return q.isEmpty() ? f.name() : q;
  }
}
