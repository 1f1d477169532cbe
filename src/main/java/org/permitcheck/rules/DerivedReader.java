package org.permitcheck.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.permitcheck.expr.ExprCompiler;
import org.permitcheck.expr.ExprError;
import org.permitcheck.expr.Symbols;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.ScalarNode;

/**
 * Reads the {@code derived:} section, orders the derived facts so that each is compiled after those
 * it uses, and reports cycles.
 */
final class DerivedReader {
  /** How long a chain of derived facts, each computed from the next, may be. */
  static final int MAX_CHAIN = 64;

  static final List<String> KEYS = List.of("expr", "text");
  private final NodeReader reader;
  private final TextReader texts;
  private final Set<String> factNames;
  private boolean chainReported;

  DerivedReader(NodeReader reader, TextReader texts, Set<String> factNames) {
    this.reader = reader;
    this.texts = texts;
    this.factNames = factNames;
  }

  private record Entry(String name, ScalarNode expr, Text text, Pos keyPos) {}

  Map<String, DerivedFact> read(MapNode section, Symbols.Builder symbols) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (MapNode.Entry e : section.entries()) {
      String what = "derived fact '" + e.key() + "'";
      if (!FactReader.NAME.matcher(e.key()).matches()) {
        reader.error(e.keyPos(), "derived fact name '" + e.key() + "' must be lower-case snake_case", "");
        continue;
      }
      String reserved = ExprCompiler.reservedName(e.key());
      if (reserved != null) {
        reader.error(e.keyPos(), reserved, "choose another name");
        continue;
      }
      if (factNames.contains(e.key())) {
        reader.error(e.keyPos(), "derived fact '" + e.key() + "' has the name of a fact", "choose another name");
        continue;
      }
      Optional<ScalarNode> expr = expression(e.value(), what);
      if (expr.isEmpty()) {
        symbols.broken(e.key());
      } else {
        Text text = e.value() instanceof MapNode
            ? texts.optional((MapNode) e.value(), "text", "text of " + what, RulesLoader.REQUIRED_LANGUAGES) : Text.EMPTY;
        entries.put(e.key(), new Entry(e.key(), expr.get(), text, e.keyPos()));
      }
    }
    Map<String, DerivedFact> out = new LinkedHashMap<>();
    List<String> order = order(entries);
    entries.keySet().stream().filter(name -> !order.contains(name)).forEach(symbols::broken);
    for (String name : order) {
      Entry e = entries.get(name);
      ExprCompiler.Result r = ExprCompiler.compile(e.expr().text(), symbols.snapshot(), null);
      report(reader, e.expr(), r.errors(), "derived fact '" + name + "'");
      if (r.expr().isPresent()) {
        symbols.derived(name, r.expr().get());
        out.put(name, new DerivedFact(name, r.expr().get(), e.text()));
      } else {
        symbols.broken(name);
      }
    }
    return out;
  }

  private Optional<ScalarNode> expression(Node node, String what) {
    Node n = node;
    if (node instanceof MapNode) {
      MapNode m = (MapNode) node;
      reader.onlyKeys(m, KEYS, what);
      Optional<Node> e = reader.required(m, "expr", what);
      if (e.isEmpty()) {
        return Optional.empty();
      }
      n = e.get();
    }
    if (n instanceof ScalarNode && ((ScalarNode) n).type() == ScalarNode.Type.STRING) {
      return Optional.of((ScalarNode) n);
    }
    reader.error(n.pos(), what + " must be an expression in quotes, found " + n.kind(), "");
    return Optional.empty();
  }

  /** Depth-first order: dependencies first. Reports each cycle once, at its first member. */
  private List<String> order(Map<String, Entry> entries) {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      Set<String> d = new java.util.LinkedHashSet<>(ExprCompiler.names(e.expr().text()));
      d.retainAll(entries.keySet());
      deps.put(e.name(), d);
    }
    List<String> out = new ArrayList<>();
    Map<String, Integer> state = new LinkedHashMap<>();
    for (String name : entries.keySet()) {
      visit(name, deps, state, out, new ArrayList<>(), entries);
    }
    return out;
  }

  private void visit(String name, Map<String, Set<String>> deps, Map<String, Integer> state, List<String> out,
      List<String> path, Map<String, Entry> entries) {
    Integer s = state.get(name);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      reader.error(entries.get(name).keyPos(), "derived facts depend on each other in a cycle: "
          + String.join(" → ", cycle), "one of them must be computed from facts only");
      state.put(name, 3);
      return;
    }
    if (s != null) {
      return;
    }
    if (path.size() >= MAX_CHAIN) {
      if (!chainReported) {
        chainReported = true;
        reader.error(entries.get(name).keyPos(), "derived facts are computed from each other more than "
          + MAX_CHAIN + " levels deep (" + path.get(0) + " → " + path.get(1) + " → …)", "compute them from facts directly");
      }
      state.put(name, 3);
      return;
    }
    state.put(name, 1);
    path.add(name);
    for (String d : deps.get(name)) {
      visit(d, deps, state, out, path, entries);
      if (state.get(d) == 3) {
        state.put(name, 3);
      }
    }
    path.remove(path.size() - 1);
    if (state.get(name) == 1) {
      state.put(name, 2);
      out.add(name);
    }
  }

  /** Reports expression errors at their exact position in the rules file. */
  static void report(NodeReader reader, ScalarNode scalar, List<ExprError> errors, String where) {
    for (ExprError err : errors) {
      Pos pos = ExprLocator.locate(reader.source(), scalar, err.start());
      reader.error(pos, err.message() + " in " + where, err.hint());
    }
  }
}
