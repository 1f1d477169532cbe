package org.permitcheck.expr;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What an expression is evaluated against: the fact values of one case (by slot; {@code null} means
 * unknown), the evaluation date and the application date. Derived facts are computed on first use and
 * remembered. Not thread-safe: one Env per case and date.
 */
public final class Env {
  private static final byte TODO = 0;
  private static final byte BUSY = 1;
  private static final byte DONE = 2;

  private final Symbols symbols;
  private final Object[] values;
  /** {@link Symbols#factCount()}: the slots below are base facts. */
  private final int factCount;
  private final byte[] state;
  private LocalDate asOf;
  private LocalDate applicationDate;
  /** {@code asOf} and {@code applicationDate} as epoch days, for the evaluator's in-force checks. */
  private long asOfDay;
  private long applicationDay;
  private Object[] items = new Object[4];
  private int depth;

  /**
   * @param facts the base fact values by slot (length {@link Symbols#factCount()}); null = unknown.
   */
  public Env(Symbols symbols, Object[] facts, LocalDate asOf, LocalDate applicationDate) {
    this(symbols, facts, symbols.factCount(), asOf, applicationDate);
  }

  /** With the first {@code count} values of {@code facts}. */
  private Env(Symbols symbols, Object[] facts, int count, LocalDate asOf, LocalDate applicationDate) {
    this.symbols = symbols;
    int size = symbols.size();
    this.values = new Object[size];
    System.arraycopy(facts, 0, values, 0, Math.min(count, facts.length));
    this.state = new byte[size];
    this.factCount = symbols.factCount();
    this.asOf = Objects.requireNonNull(asOf);
    this.applicationDate = Objects.requireNonNull(applicationDate);
    this.asOfDay = asOf.toEpochDay();
    this.applicationDay = applicationDate.toEpochDay();
  }

  /** The same facts at another date (derived facts are recomputed). */
  public Env at(LocalDate date, LocalDate application) {
    return new Env(symbols, values, factCount, date, application);
  }

  /**
   * Moves this Env to another date, as {@link #at} would give it, without making a new one: derived
   * facts are forgotten. For a caller that evaluates the same facts at many dates, one after another.
   *
   * @return this Env
   */
  public Env moveTo(LocalDate date, LocalDate application) {
    asOf = Objects.requireNonNull(date);
    applicationDate = Objects.requireNonNull(application);
    asOfDay = date.toEpochDay();
    applicationDay = application.toEpochDay();
    Arrays.fill(values, factCount, values.length, null);
    Arrays.fill(state, factCount, state.length, TODO);
    return this;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public LocalDate applicationDate() {
    return applicationDate;
  }

  /** {@link #asOf()} as {@link LocalDate#toEpochDay()}. */
  public long asOfDay() {
    return asOfDay;
  }

  /** {@link #applicationDate()} as {@link LocalDate#toEpochDay()}. */
  public long applicationDay() {
    return applicationDay;
  }

  public Symbols symbols() {
    return symbols;
  }

  /** The value of a fact or derived fact, or null when unknown. */
  public Object value(int slot) {
    if (slot < factCount || state[slot] == DONE) {
      return values[slot];
    }
    if (state[slot] == BUSY) {
      throw new IllegalStateException("derived facts depend on each other in a cycle");
    }
    state[slot] = BUSY;
    // the derived facts it reads first, each after those it reads: its expression then finds them
    // computed, and a chain of derived facts (64 levels of hundreds of operations each) never nests
    // their evaluations, which would overflow the stack
    for (int read : symbols.derivedReads(slot)) {
      value(read);
    }
    Object v = symbols.derivedExpr(slot).root().eval(this);
    values[slot] = v;
    state[slot] = DONE;
    return v;
  }

  public Object value(String name) {
    return symbols.lookup(name).map(s -> value(s.slot())).orElse(null);
  }

  /** Whether an evaluation is inside a list's record (see {@link #field}). */
  boolean hasItems() {
    return depth > 0;
  }

  void pushItem(Object item) {
    if (depth == items.length) {
      items = Arrays.copyOf(items, depth * 2);
    }
    items[depth++] = item;
  }

  void popItem() {
    items[--depth] = null;
  }

  /** A field of the record {@code up} levels out from the innermost list item (0 = innermost). */
  @SuppressWarnings("unchecked")
  Object field(int up, String name) {
    Object item = items[depth - 1 - up];
    return ((Map<String, Object>) item).get(name);
  }
}
