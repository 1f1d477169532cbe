package org.permitcheck.interview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.permitcheck.cases.Case;
import org.permitcheck.engine.Scope;

/**
 * An interview so far, as saved after every answer: the case being built, the scope it was started
 * with, the questions answered or skipped in order (for {@code back}; {@value #COUNTRY} stands for the
 * country), the facts left unknown on purpose, a list being answered item by item, where the case
 * will be saved, the absolute path of the case file it edits ({@code replaces}: a case file re-opened,
 * which it replaces when it finishes; "" for none: the interview must not write over a file), and
 * whether every verdict was decided.
 */
public record Draft(
    Case subject,
    Scope scope,
    List<String> asked,
    Set<String> skipped,
    Optional<Pending> pending,
    String save,
    String replaces,
    boolean finished) {
  /** The country question in {@code asked}; no fact can have this name. */
  public static final String COUNTRY = "@country";

  /**
   * A list fact being answered: {@code step} 0 asks how many items, then one step per field of each
   * item, in order.
   */
  public record Pending(String fact, int step) {}

  public Draft {
    asked = List.copyOf(asked);
    skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
  }

  public static Draft start(Case subject, Scope scope, String save) {
    return new Draft(subject, scope, List.of(), Set.of(), Optional.empty(), save, "", false);
  }

  /**
   * A case file re-opened as a draft: its country and facts count as answered, in file order; {@code
   * replaces} the absolute path of that file when {@code save} names it, else "".
   */
  public static Draft of(Case subject, String save, String replaces) {
    List<String> asked = new ArrayList<>();
    subject.country().ifPresent(c -> asked.add(COUNTRY));
    asked.addAll(subject.facts().keySet());
    return new Draft(subject, Scope.ALL, asked, Set.of(), Optional.empty(), save, replaces, false);
  }

  /**
   * The options that give a command the scope of this interview, which a case file does not keep:
   * {@code " --permit DE-25b"}, or its countries when the case names none; empty for every permit. Every
   * command the interview proposes (to continue it, to evaluate the case) carries them.
   */
  public String scopeOptions() {
    if (!scope.permits().isEmpty()) {
      return " --permit " + String.join(",", new TreeSet<>(scope.permits()));
    }
    if (!scope.countries().isEmpty() && subject.country().isEmpty()) {
      return " --country " + String.join(",", new TreeSet<>(scope.countries()));
    }
    return "";
  }

  /** The country is not known and was not asked. */
  boolean countryOpen() {
    return scope.countries().isEmpty() && scope.permits().isEmpty() && subject.country().isEmpty()
        && !asked.contains(COUNTRY);
  }

  /** Records an answer (or, with an empty value, a skip) to a fact. */
  Draft answer(String fact, Optional<Object> value) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put(fact, value.orElse(null));
    Set<String> s = new LinkedHashSet<>(skipped);
    s.remove(fact);
    if (value.isEmpty()) {
      s.add(fact);
    }
    return new Draft(subject.with(change), scope, append(fact), s, Optional.empty(), save, replaces, false);
  }

  Draft country(Optional<String> code) {
    Case c = new Case(subject.id(), subject.source(), code, subject.asOf(), subject.applicationDate(),
        subject.facts(), subject.expect(), subject.note());
    return new Draft(c, scope, append(COUNTRY), skipped, Optional.empty(), save, replaces, false);
  }

  /** Forgets the answer to a question (the country, or a fact), so that it can be asked again. */
  Draft forget(String question) {
    List<String> a = new ArrayList<>(asked);
    a.remove(question);
    Set<String> s = new LinkedHashSet<>(skipped);
    s.remove(question);
    Case c = subject;
    if (question.equals(COUNTRY)) {
      c = new Case(c.id(), c.source(), Optional.empty(), c.asOf(), c.applicationDate(), c.facts(), c.expect(),
          c.note());
    } else {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put(question, null);
      c = c.with(change);
    }
    return new Draft(c, scope, a, s, Optional.empty(), save, replaces, false);
  }

  /** A list fact in progress: its partial value and where its sub-dialogue stands. */
  Draft pending(String fact, List<Map<String, Object>> items, int step) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put(fact, items);
    return new Draft(subject.with(change), scope, asked, skipped, Optional.of(new Pending(fact, step)), save, replaces, false);
  }

  Draft finish() {
    return new Draft(subject, scope, asked, skipped, pending, save, replaces, true);
  }

  Draft reopen() {
    return new Draft(subject, scope, asked, skipped, pending, save, replaces, false);
  }

  private List<String> append(String question) {
    List<String> a = new ArrayList<>(asked);
    a.remove(question);
    a.add(question);
    return a;
  }
}
