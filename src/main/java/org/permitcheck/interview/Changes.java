package org.permitcheck.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.permitcheck.report.Messages;
import org.permitcheck.report.Values;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;

/**
 * On a resumed interview where every verdict is decided: lists the answers and lets the adviser pick
 * one to change (by number or name); Enter keeps them all.
 */
final class Changes {
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

  /** The question whose answer to change ({@link Draft#COUNTRY} or a fact), or empty for none. */
  Optional<String> choose(Draft d, boolean decided) {
    List<String> keys = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    d.subject().country().ifPresent(c -> {
      keys.add(Draft.COUNTRY);
      shown.add(m.get("interview.change.item", "1", m.get("interview.country.name"), c));
    });
    for (Fact f : rules.facts().values()) {
      Object v = d.subject().facts().get(f.name());
      if (v != null || d.skipped().contains(f.name())) {
        String value = v == null ? m.get("interview.unknown") : Values.format(v, m, false);
        keys.add(f.name());
        shown.add(m.get("interview.change.item", String.valueOf(keys.size()), f.name(), value));
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder("\n").append(views.line(m.get(decided ? "interview.change.title"
        : "interview.change.title.open")));
    shown.forEach(s -> out.append(views.line(s, 4)));
    prompter.show(out.toString());
    List<String> names = keys.stream().map(k -> k.equals(Draft.COUNTRY) ? m.get("interview.country.name") : k)
        .toList();
    while (true) {
      Optional<String> line = prompter.read(m.get("interview.prompt", m.get("interview.change.prompt")) + " ", names);
      String t = line.map(String::strip).orElse("");
      if (t.isEmpty()) {
        return Optional.empty();
      }
      int index = t.matches("\\d{1,4}") ? Integer.parseInt(t) - 1 : names.indexOf(t.toLowerCase(Locale.ROOT));
      if (index >= 0 && index < keys.size()) {
        return Optional.of(keys.get(index));
      }
      prompter.show(views.line(m.get("interview.change.invalid", t)));
    }
  }
}
