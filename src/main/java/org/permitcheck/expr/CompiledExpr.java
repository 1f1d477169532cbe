package org.permitcheck.expr;

import java.util.List;

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

  /** Evaluates a condition: TRUE, FALSE, or null when unknown. */
  public Boolean test(Env env) {
    return (Boolean) root.eval(env);
  }
}
