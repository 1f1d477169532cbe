package org.permitcheck.rules;

import java.util.List;
import org.permitcheck.expr.CompiledExpr;

/**
 * A node of a permit's criteria tree: a leaf condition or a group ({@code all}, {@code any}, {@code
 * not}). {@code id} and {@code text} may be empty below the top level. A criterion with a {@link
 * Discretion} that is not met leaves the decision to the authority instead of failing the permit.
 */
public sealed interface Criterion permits Criterion.Leaf, Criterion.Group {
  String id();

  Text text();

  Discretion discretionary();

  DateRange inForce();

  Text note();

  /** A condition written as an expression. */
  record Leaf(String id, Text text, CompiledExpr when, Discretion discretionary, DateRange inForce, Text note)
      implements Criterion {}

  /** {@code all} (every child), {@code any} (at least one) or {@code not} (one child, negated). */
  record Group(Op op, String id, Text text, List<Criterion> children, Discretion discretionary, DateRange inForce,
      Text note) implements Criterion {
    public Group {
      children = List.copyOf(children);
    }
  }

  /** How a group combines its children. */
  enum Op {
    ALL,
    ANY,
    NOT
  }
}
