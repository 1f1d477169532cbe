package org.permitcheck.expr;

/**
 * A compiled expression node. {@link #eval} returns Boolean, Long, BigDecimal, String, LocalDate, a
 * list of records, or null for "unknown". Nodes are immutable and shared between threads.
 */
public interface Expr {
  Object eval(Env env);
}
