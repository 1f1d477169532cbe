package org.permitcheck.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A type-checked expression ready to evaluate: its source text, its type and the facts and derived
 * facts it reads directly (in order of appearance), for explanations.
 */
public record CompiledExpr(String source, Expr root, Type type, List<String> reads) {
  public CompiledExpr {
    reads = List.copyOf(reads);
  }

  public Object eval(Env env) {
    return root.eval(env);
  }

  /**
   * The names of the record fields the expression reads (in list functions' conditions), through the
   * derived facts it reads too: what of a list's items it can depend on.
   */
  public Set<String> fieldsRead(Symbols symbols) {
    Set<String> out = new HashSet<>();
    Set<Integer> derived = new HashSet<>(); // each once: derived facts read by several others
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      if (e instanceof Nodes.Field) {
        out.add(((Nodes.Field) e).name());
      } else if (e instanceof Nodes.Slot && ((Nodes.Slot) e).slot() >= symbols.factCount()) {
        if (derived.add(((Nodes.Slot) e).slot())) {
          todo.push(symbols.derivedExpr(((Nodes.Slot) e).slot()).root());
        }
      } else {
        CriticalDates.children(e).forEach(todo::push);
      }
    }
    return Set.copyOf(out);
  }

  /** Evaluates a condition: TRUE, FALSE, or null when unknown. */
  public Boolean test(Env env) {
    return (Boolean) root.eval(env);
  }
}
