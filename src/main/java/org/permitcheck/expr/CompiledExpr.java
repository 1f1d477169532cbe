package org.permitcheck.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * Whether the field {@code field} of one item of the list fact in slot {@code listSlot} cannot change
   * this expression, whatever the rest of the list: the list is read only by any, all and count (here
   * or in the derived facts read), and the condition of each, for that item, gives the same known value
   * for every one of {@code values} of the field, the other unknowns left unknown (a known result stays
   * when unknowns are given). False when that cannot be shown.
   */
  public boolean itemFieldCannotMatter(Env env, int listSlot, Map<String, Object> item, String field,
      List<Object> values) {
    Symbols symbols = env.symbols();
    List<Nodes.OverList> over = new ArrayList<>();
    Set<Integer> derived = new HashSet<>();
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(root);
    // the conditions of any/all/count are walked after the rest, so that a list function inside one is
    // seen there: a nested one (an item within an item) is not tried
    Deque<Expr> inner = new ArrayDeque<>();
    while (!todo.isEmpty() || !inner.isEmpty()) {
      boolean inside = todo.isEmpty();
      Expr e = inside ? inner.pop() : todo.pop();
      if (e instanceof Nodes.OverList && inside) {
        return false;
      }
      if (e instanceof Nodes.OverList) {
        Nodes.OverList q = (Nodes.OverList) e;
        if (q.list() instanceof Nodes.Slot && ((Nodes.Slot) q.list()).slot() == listSlot) {
          over.add(q);
        } else {
          todo.push(q.list());
        }
        inner.push(q.condition());
      } else if (e instanceof Nodes.Slot) {
        int slot = ((Nodes.Slot) e).slot();
        if (slot == listSlot) {
          return false; // the list read otherwise than item by item
        }
        if (slot >= symbols.factCount() && derived.add(slot)) {
          todo.push(symbols.derivedExpr(slot).root()); // a derived fact reads no item's field
        }
      } else {
        CriticalDates.children(e).forEach(inside ? inner::push : todo::push);
      }
    }
    if (over.isEmpty()) {
      return false;
    }
    for (Nodes.OverList q : over) {
      Object first = null;
      for (Object v : values) {
        Map<String, Object> given = new HashMap<>(item);
        given.put(field, v);
        env.pushItem(given);
        Object r;
        try {
          r = q.condition().eval(env);
        } finally {
          env.popItem();
        }
        if (r == null || first != null && !first.equals(r)) {
          return false;
        }
        first = r;
      }
    }
    return true;
  }

  /** Evaluates a condition: TRUE, FALSE, or null when unknown. */
  public Boolean test(Env env) {
    return (Boolean) root.eval(env);
  }
}
