package org.permitcheck.rules;

import java.util.Optional;
import org.permitcheck.expr.CompiledExpr;

/**
 * The authority's power to grant although a criterion is not met: what the rules say about it, and
 * optionally the condition under which it applies (e.g. "livelihood expected in future"). Without a
 * condition the criterion can always be waived.
 */
public record Discretion(Text text, Optional<CompiledExpr> when) {
  /** No discretion; every other instance has a text (the loader requires one). */
  public static final Discretion NONE = new Discretion(Text.EMPTY, Optional.empty());

  public boolean isPresent() {
    return this != NONE;
  }
}
