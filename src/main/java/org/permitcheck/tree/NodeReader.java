package org.permitcheck.tree;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.permitcheck.diag.Suggest;

/**
 * Reads typed values out of a {@link Node} tree and collects a located diagnostic for everything that
 * is wrong, so that a validator can report every problem of a file at once.
 */
public final class NodeReader {
  private final SourceText source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /**
   * By mapping, the required keys reported missing and the keys suggested for its unknown keys: a
   * misspelt required key ("critera") is reported once, as an unknown key with its suggestion, not
   * also as a missing one, whichever of the two checks runs first. Made at the first such problem (a
   * reader is made for every case of a batch).
   */
  private Map<MapNode, Map<String, Diagnostic>> missing;
  private Map<MapNode, Set<String>> suggested;
  /** Whether its diagnostics keep their {@link Diagnostic#wording()}, to be said in other languages. */
  private final boolean translated;

  /** A reader whose diagnostics are said in English only (a rules file's). */
  public NodeReader(SourceText source) {
    this(source, false);
  }

  /**
   * @param translated whether its diagnostics can be said in every language (a case file's), or only
   *     in English (a rules file's, for the legal officers who write them)
   */
  public NodeReader(SourceText source, boolean translated) {
    this.source = source;
    this.translated = translated;
  }

  public SourceText source() {
    return source;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public Diagnostic error(Pos pos, String message, String hint) {
    return report(Severity.ERROR, pos, message, hint);
  }

  public Diagnostic warning(Pos pos, String message, String hint) {
    return report(Severity.WARNING, pos, message, hint);
  }

  /**
   * An error whose message quotes a value of the case, with the same message without it ({@link
   * Diagnostic#withoutValues}).
   */
  public Diagnostic error(Pos pos, String message, String withoutValues, String hint) {
    return report(Severity.ERROR, pos, message, withoutValues, hint);
  }

  public Diagnostic report(Severity severity, Pos pos, String message, String hint) {
    return report(severity, pos, message, null, hint);
  }

  private Diagnostic report(Severity severity, Pos pos, String message, String withoutValues, String hint) {
    Diagnostic d =
        new Diagnostic(severity, source.name(), pos.line(), pos.column(), message,
            pos.line() > 0 ? source.line(pos.line()) : "", List.of(), withoutValues)
            .withHint(hint);
    diagnostics.add(d);
    return d;
  }

  /**
   * A diagnostic said in phrases: {@code withoutValues} is the message without the case's values, or
   * null when it quotes none; {@code hint} may be null. Its wording is kept only by a reader of
   * {@code translated} diagnostics.
   */
  public Diagnostic report(Severity severity, Pos pos, Phrase message, Phrase withoutValues, Phrase hint) {
    Diagnostic d = Diagnostic.of(severity, source.name(), pos.line(), pos.column(),
        pos.line() > 0 ? source.line(pos.line()) : "", message, withoutValues).withHint(hint);
    d = translated ? d : d.inEnglishOnly();
    diagnostics.add(d);
    return d;
  }

  /** An error said in phrases: see {@link #report(Severity, Pos, Phrase, Phrase, Phrase)}. */
  public Diagnostic error(Pos pos, Phrase message, Phrase withoutValues, Phrase hint) {
    return report(Severity.ERROR, pos, message, withoutValues, hint);
  }

  /** What kind of node it is ("a mapping", "a list", "text"), said in any language. */
  public static Phrase kind(Node node) {
    if (node instanceof MapNode) {
      return Phrase.of("node.mapping");
    }
    if (node instanceof ListNode) {
      return Phrase.of("node.list");
    }
    return switch (((ScalarNode) node).type()) {
      case STRING -> Phrase.of("node.text");
      case INTEGER, DECIMAL -> Phrase.of("node.number");
      case BOOLEAN -> Phrase.of("node.boolean");
      case NULL -> Phrase.of("node.null");
    };
  }

  public void add(Diagnostic d) {
    diagnostics.add(d);
  }

  /** The node as a mapping, or an error naming {@code what} it should have been. */
  public Optional<MapNode> map(Node node, String what) {
    return map(node, (Object) what);
  }

  /** {@link #map(Node, String)}, naming what it should have been in a phrase ("a case"). */
  public Optional<MapNode> map(Node node, Phrase what) {
    return map(node, (Object) what);
  }

  private Optional<MapNode> map(Node node, Object what) {
    if (node instanceof MapNode) {
      return Optional.of((MapNode) node);
    }
    error(node.pos(), Phrase.of("node.not_mapping", what, kind(node)), null,
        Phrase.of(node.pos().column() <= 1 ? "node.not_mapping.hint" : "node.not_mapping.hint.indented"));
    return Optional.empty();
  }

  public Optional<ListNode> list(Node node, String what) {
    return list(node, (Object) what);
  }

  private Optional<ListNode> list(Node node, Object what) {
    if (node instanceof ListNode) {
      return Optional.of((ListNode) node);
    }
    error(node.pos(), Phrase.of("node.not_list", what, kind(node)), null, Phrase.of("node.not_list.hint"));
    return Optional.empty();
  }

  /** Reports every key of {@code map} that is not in {@code allowed}, with a suggestion. */
  public void onlyKeys(MapNode map, Collection<String> allowed, String where) {
    onlyKeys(map, allowed, (Object) where);
  }

  /** {@link #onlyKeys(MapNode, Collection, String)}, naming the mapping in a phrase ("a case"). */
  public void onlyKeys(MapNode map, Collection<String> allowed, Phrase where) {
    onlyKeys(map, allowed, (Object) where);
  }

  private void onlyKeys(MapNode map, Collection<String> allowed, Object where) {
    for (MapNode.Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        Optional<String> meant = Suggest.closest(e.key(), allowed);
        error(e.keyPos(), Phrase.of("node.unknown_key", e.key(), where), null,
            meant.isPresent() ? Phrase.of("hint.did_you_mean", meant.get())
                : Phrase.of("node.allowed_keys", new TreeSet<>(allowed)));
        if (meant.isPresent()) {
          if (suggested == null) {
            suggested = new IdentityHashMap<>();
          }
          suggested.computeIfAbsent(map, k -> new HashSet<>()).add(meant.get());
          Diagnostic alsoMissing = missing == null ? null : missing.getOrDefault(map, Map.of()).get(meant.get());
          if (alsoMissing != null) {
            diagnostics.remove(alsoMissing);
          }
        }
      }
    }
  }

  /** A required key; reports its absence at the mapping. */
  public Optional<Node> required(MapNode map, String key, String where) {
    return required(map, key, (Object) where);
  }

  /** {@link #required(MapNode, String, String)}, naming the mapping in a phrase ("a draft"). */
  public Optional<Node> required(MapNode map, String key, Phrase where) {
    return required(map, key, (Object) where);
  }

  private Optional<Node> required(MapNode map, String key, Object where) {
    Optional<Node> n = map.get(key);
    if (n.isEmpty() || (n.get() instanceof ScalarNode && ((ScalarNode) n.get()).isNull())) {
      if (n.isEmpty() && suggested != null && suggested.getOrDefault(map, Set.of()).contains(key)) {
        return Optional.empty(); // reported as the misspelt key
      }
      Diagnostic d = error(map.pos(), Phrase.of("node.missing_key", where, key), null,
          Phrase.of("node.missing_key.hint", key));
      if (n.isEmpty()) {
        if (missing == null) {
          missing = new IdentityHashMap<>();
        }
        missing.computeIfAbsent(map, k -> new HashMap<>()).put(key, d);
      }
      return Optional.empty();
    }
    return n;
  }

  /** A scalar as text (numbers and booleans keep the text they were written with). */
  public Optional<String> string(Node node, String what) {
    return string(node, (Object) what);
  }

  /** {@link #string(Node, String)}, naming the value in a phrase. */
  public Optional<String> string(Node node, Phrase what) {
    return string(node, (Object) what);
  }

  private Optional<String> string(Node node, Object what) {
    if (node instanceof ScalarNode && !((ScalarNode) node).isNull()) {
      return Optional.of(((ScalarNode) node).text());
    }
    error(node.pos(), Phrase.of("node.not_single", what, kind(node)), null, null);
    return Optional.empty();
  }

  // The helpers below read one key of a mapping. They are written without lambdas: each lambda costs
  // its first caller a bootstrap at run time, which adds up at start-up over the many keys of a file.

  /** The value of an optional key as text. */
  public Optional<String> string(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? string(n.get(), what) : Optional.empty();
  }

  /** The value of a required key as text; its absence is reported at the mapping. */
  public Optional<String> requiredString(MapNode map, String key, String where, String what) {
    Optional<Node> n = required(map, key, where);
    return n.isPresent() ? string(n.get(), what) : Optional.empty();
  }

  /** The value of a required key as a date; its absence is reported at the mapping. */
  public Optional<LocalDate> requiredDate(MapNode map, String key, String where, String what) {
    Optional<Node> n = required(map, key, where);
    return n.isPresent() ? date(n.get(), what) : Optional.empty();
  }

  /** The value of an optional key as a date. */
  public Optional<LocalDate> date(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? date(n.get(), what) : Optional.empty();
  }

  /** The value of an optional key as a number. */
  public Optional<BigDecimal> number(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? number(n.get(), what) : Optional.empty();
  }

  /** The value of an optional key as true or false. */
  public Optional<Boolean> bool(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? bool(n.get(), what) : Optional.empty();
  }

  /** The value of an optional key as a mapping. */
  public Optional<MapNode> map(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? map(n.get(), what) : Optional.empty();
  }

  /** The values of the list under an optional key; none when the key is absent. */
  public List<String> strings(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? strings(n.get(), what) : List.of();
  }

  /** The items of a list; none when the node is not a list (reported). */
  public List<Node> items(Node node, String what) {
    Optional<ListNode> l = list(node, what);
    return l.isPresent() ? l.get().items() : List.of();
  }

  /** The items of the list under an optional key; none when the key is absent. */
  public List<Node> items(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? items(n.get(), what) : List.of();
  }

  public Optional<LocalDate> date(Node node, String what) {
    Optional<String> s = string(node, what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    LocalDate d = IsoDate.parse(s.get());
    if (d == null) { // also a year of five digits or with a sign, which LocalDate.parse takes
      error(node.pos(), Phrase.of("node.not_date", what, s.get()), Phrase.of("node.not_date.without_value", what),
          Phrase.of("node.not_date.hint"));
      return Optional.empty();
    }
    return Optional.of(d);
  }

  public Optional<Boolean> bool(Node node, String what) {
    if (node instanceof ScalarNode && ((ScalarNode) node).type() == ScalarNode.Type.BOOLEAN) {
      String t = ((ScalarNode) node).text().toLowerCase(java.util.Locale.ROOT);
      return Optional.of(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
    }
    error(node.pos(), Phrase.of("node.not_boolean", what, kind(node)), null, null);
    return Optional.empty();
  }

  public Optional<BigDecimal> number(Node node, String what) {
    return number(node, (Object) what);
  }

  /** {@link #number(Node, String)}, naming the value in a phrase. */
  public Optional<BigDecimal> number(Node node, Phrase what) {
    return number(node, (Object) what);
  }

  private Optional<BigDecimal> number(Node node, Object what) {
    if (node instanceof ScalarNode) {
      ScalarNode s = (ScalarNode) node;
      if (s.type() == ScalarNode.Type.INTEGER || s.type() == ScalarNode.Type.DECIMAL) {
        Optional<BigDecimal> v = Numbers.parse(s.text());
        if (v.isEmpty()) {
          error(node.pos(), Phrase.of("node.not_decimal", what, s.text()), null, Phrase.of("node.not_decimal.hint"));
          return Optional.empty();
        }
        if (!Numbers.inRange(v.get())) {
          error(node.pos(), Phrase.of("node.out_of_range", what, s.text()), null,
              Phrase.of("hint.number_range", Numbers.MAX_DIGITS, Numbers.MAX_DECIMALS));
          return Optional.empty();
        }
        return v;
      }
    }
    error(node.pos(), Phrase.of("node.not_number", what, kind(node)), null, null);
    return Optional.empty();
  }

  /** A list of single values. */
  public List<String> strings(Node node, String what) {
    List<String> out = new ArrayList<>();
    for (ScalarNode item : scalars(node, what)) {
      out.add(item.text());
    }
    return out;
  }

  /** The texts of a list of scalars, each once: a text listed again is reported at its second place. */
  public List<String> distinctStrings(Node node, String what) {
    List<String> out = new ArrayList<>();
    for (ScalarNode item : scalars(node, what)) {
      if (out.contains(item.text())) {
        error(item.pos(), Phrase.of("node.listed_twice", item.text(), what), null, Phrase.of("node.listed_twice.hint"));
      } else {
        out.add(item.text());
      }
    }
    return out;
  }

  /**
   * The items of a list of single values, each with the position it was written at, so that a bad
   * item is reported at the item and not at the list; an item that is not a single value is reported.
   */
  public List<ScalarNode> scalars(Node node, String what) {
    List<ScalarNode> out = new ArrayList<>();
    for (Node item : items(node, what)) {
      if (item instanceof ScalarNode && !((ScalarNode) item).isNull()) {
        out.add((ScalarNode) item);
      } else {
        string(item, (Object) Phrase.of("what.item", what)); // reports it; no phrase is made for a good item
      }
    }
    return out;
  }

  /** The items of the list of single values under an optional key; none when the key is absent. */
  public List<ScalarNode> scalars(MapNode map, String key, String what) {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? scalars(n.get(), what) : List.of();
  }
}
