package org.permitcheck.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        reader.error(e.keyPos(), "derived fact name '" + e.key() + "' must be lower-case snake_case",
            "write it in lower case, words joined by '_', e.g. de_qualifying_months");
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
    reader.error(n.pos(), what + " must be an expression in quotes, found " + n.kind(),
        "e.g. age: \"years_between(date_of_birth, as_of)\"");
    return Optional.empty();
  }

  /**
   * Dependency order: each derived fact after those it reads. Reports each cycle once, at its first
   * member, and refuses the first derived fact whose longest chain of derived facts, each computed
   * from the next, is more than {@link #MAX_CHAIN} long, whatever the order they are written in. A
   * fact of a cycle or beyond the limit is left out (broken), and so is every fact computed from it.
   */
  private List<String> order(Map<String, Entry> entries) {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      Set<String> d = new LinkedHashSet<>(ExprCompiler.names(e.expr().text()));
      d.retainAll(entries.keySet());
      deps.put(e.name(), d);
    }
    List<String> out = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>();
    Map<String, Integer> depth = new HashMap<>();
    for (String name : entries.keySet()) {
      if (!state.containsKey(name)) {
        visit(name, deps, state, depth, out, entries);
      }
    }
    return out;
  }

  // the states of a derived fact while it is ordered
  private static final int ON_PATH = 1;
  private static final int DONE = 2;
  private static final int BROKEN = 3;

  /**
   * Visits the facts {@code root} is computed from, depth first, then {@code root}: with a stack of
   * its own, so that a chain of thousands of derived facts is refused, not a stack overflow.
   */
  private void visit(String root, Map<String, Set<String>> deps, Map<String, Integer> state,
      Map<String, Integer> depth, List<String> out, Map<String, Entry> entries) {
    List<String> path = new ArrayList<>();
    List<Iterator<String>> next = new ArrayList<>();
    state.put(root, ON_PATH);
    path.add(root);
    next.add(deps.get(root).iterator());
    while (!path.isEmpty()) {
      int top = path.size() - 1;
      if (next.get(top).hasNext()) {
        String d = next.get(top).next();
        Integer s = state.get(d);
        if (s == null) {
          state.put(d, ON_PATH);
          path.add(d);
          next.add(deps.get(d).iterator());
        } else if (s == ON_PATH) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(d), path.size()));
          cycle.add(d);
          reader.error(entries.get(d).keyPos(), "derived facts depend on each other in a cycle: "
              + String.join(" → ", cycle), "one of them must be computed from facts only");
          state.put(d, BROKEN);
        }
        continue;
      }
      String name = path.remove(top);
      next.remove(top);
      if (state.get(name) == ON_PATH) {
        finish(name, deps.get(name), state, depth, out, entries);
      }
    }
  }

  /**
   * Once the facts it is computed from are ordered: {@code name} is broken if one of them is, or if
   * its chain is too long (reported at the first such fact); else it comes next in the order.
   */
  private void finish(String name, Set<String> reads, Map<String, Integer> state, Map<String, Integer> depth,
      List<String> out, Map<String, Entry> entries) {
    int levels = 1;
    String deepest = null;
    for (String d : reads) {
      if (state.get(d) == BROKEN) {
        state.put(name, BROKEN);
        return;
      }
      if (depth.get(d) + 1 > levels) {
        levels = depth.get(d) + 1;
        deepest = d;
      }
    }
    if (levels > MAX_CHAIN) {
      state.put(name, BROKEN);
      if (!chainReported) {
        chainReported = true;
        reader.error(entries.get(name).keyPos(), "derived facts are computed from each other more than "
            + MAX_CHAIN + " levels deep (" + name + " → " + deepest + " → …)", "compute them from facts directly");
      }
      return;
    }
    state.put(name, DONE);
    depth.put(name, levels);
    out.add(name);
  }

  /** Reports expression errors at their exact position in the rules file. */
  static void report(NodeReader reader, ScalarNode scalar, List<ExprError> errors, String where) {
    for (ExprError err : errors) {
      Pos pos = ExprLocator.locate(reader.source(), scalar, err.start());
      reader.error(pos, err.message() + " in " + where, err.hint());
    }
  }
}
