package org.permitcheck.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names an expression can use: declared facts (slots {@code 0..factCount-1}), then derived facts
 * with their compiled expressions. Built once when the rules load; immutable after {@link
 * Builder#build()}.
 */
public final class Symbols {
  /** A fact or derived fact with its type and its slot in an {@link Env}. */
  public record Symbol(String name, Type type, int slot, boolean derived) {}

  private final List<Symbol> all;
  private final Map<String, Symbol> byName;
  private final int factCount;
  private final CompiledExpr[] derived;
  /** For each derived fact, by its slot less the fact count: the slots of the derived facts it reads. */
  private final int[][] derivedReads;
  private final Set<String> broken;

  private Symbols(List<Symbol> all, int factCount, CompiledExpr[] derived, Set<String> broken) {
    this.all = List.copyOf(all);
    this.broken = Set.copyOf(broken);
    Map<String, Symbol> map = new LinkedHashMap<>();
    for (Symbol s : all) {
      map.put(s.name(), s);
    }
    this.byName = Collections.unmodifiableMap(map);
    this.factCount = factCount;
    this.derived = derived;
    this.derivedReads = new int[derived.length][];
    for (int i = 0; i < derived.length; i++) { // plain loops: streams cost start-up time here
      int[] slots = new int[derived[i].reads().size()];
      int n = 0;
      for (String name : derived[i].reads()) {
        Symbol s = byName.get(name);
        if (s != null && s.derived()) {
          slots[n++] = s.slot();
        }
      }
      derivedReads[i] = java.util.Arrays.copyOf(slots, n);
    }
  }

  public Optional<Symbol> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Whether a name is declared but could not be read (its declaration is reported): its uses are
   * not reported again as unknown.
   */
  public boolean isBroken(String name) {
    return broken.contains(name);
  }

  /** The symbol of a name, or null: {@link #lookup} without the Optional, for per-case loops. */
  public Symbol symbol(String name) {
    return byName.get(name);
  }

  public Collection<String> names() {
    return byName.keySet();
  }

  public List<Symbol> all() {
    return all;
  }

  public int size() {
    return all.size();
  }

  public int factCount() {
    return factCount;
  }

  /** The compiled expression of a derived fact's slot. */
  public CompiledExpr derivedExpr(int slot) {
    return derived[slot - factCount];
  }

  /** The slots of the derived facts that a derived fact's expression reads directly. Read-only. */
  int[] derivedReads(int slot) {
    return derivedReads[slot - factCount];
  }

  /** Collects facts first, then derived facts as they are compiled (in dependency order). */
  public static final class Builder {
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<CompiledExpr> derived = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();
    private int factCount = -1;

    public Builder fact(String name, Type type) {
      if (factCount >= 0) {
        throw new IllegalStateException("facts must be added before derived facts");
      }
      symbols.add(new Symbol(name, type, symbols.size(), false));
      return this;
    }

    public Builder derived(String name, CompiledExpr expr) {
      if (factCount < 0) {
        factCount = symbols.size();
      }
      symbols.add(new Symbol(name, expr.type(), symbols.size(), true));
      derived.add(expr);
      return this;
    }

    /** A fact or derived fact whose declaration has an error. */
    public Builder broken(String name) {
      broken.add(name);
      return this;
    }

    /** The scope so far, for compiling the next derived fact. */
    public Symbols snapshot() {
      return build();
    }

    public Symbols build() {
      int facts = factCount < 0 ? symbols.size() : factCount;
      return new Symbols(symbols, facts, derived.toArray(new CompiledExpr[0]), broken);
    }
  }
}
