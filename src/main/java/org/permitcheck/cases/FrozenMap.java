package org.permitcheck.cases;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.permitcheck.expr.Symbols;

/**
 * An unmodifiable map, in the order its entries were put, that is the only holder of its contents: a
 * case's facts and expectations. A case made from another case's maps shares them instead of copying,
 * and a reader hands over the map it filled ({@link #owning}) without a copy: batches make millions.
 * The NDJSON reader hands over its facts by the slots of the rules' symbols instead ({@link #bySlots}):
 * an evaluation reads them so, and the map itself is made only if someone asks for its entries.
 */
final class FrozenMap<V> extends AbstractMap<String, V> {
  /** The entries; made on first use when the values came by slot. */
  private volatile Map<String, V> map;
  /** The values by slot of {@link #symbols}, or null. */
  private final Object[] bySlot;
  private final Symbols symbols;
  /** The slots of the values, in the order they were put. */
  private final int[] order;
  private final int size;

  private FrozenMap(Map<String, V> owned) {
    this.map = Collections.unmodifiableMap(owned);
    this.bySlot = null;
    this.symbols = null;
    this.order = null;
    this.size = owned.size();
  }

  private FrozenMap(Object[] bySlot, Symbols symbols, int[] order, int size) {
    this.bySlot = bySlot;
    this.symbols = symbols;
    this.order = order;
    this.size = size;
  }

  /** Takes {@code map} as it is: the caller must neither change it nor hand it to anyone afterwards. */
  static <V> FrozenMap<V> owning(LinkedHashMap<String, V> map) {
    return new FrozenMap<>(map);
  }

  /**
   * Takes values by the slots of {@code symbols} as they are (the caller must not change them
   * afterwards): the entries are {@code order[0..size)} with the symbol's name as the key, in that
   * order. Every value must be of type {@code V}.
   */
  static <V> FrozenMap<V> bySlots(Object[] bySlot, Symbols symbols, int[] order, int size) {
    return new FrozenMap<>(bySlot, symbols, order, size);
  }

  /** {@code map} if it is frozen, else a frozen copy of it. */
  static <V> Map<String, V> of(Map<String, V> map) {
    return map instanceof FrozenMap ? map : new FrozenMap<>(new LinkedHashMap<>(map));
  }

  /** The values by slot if they were placed for {@code symbols}, else null. Not to be changed. */
  Object[] bySlot(Symbols symbols) {
    return symbols == this.symbols ? bySlot : null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, V> map() {
    Map<String, V> m = map;
    if (m == null) {
      LinkedHashMap<String, V> made = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        made.put(symbols.all().get(order[i]).name(), (V) bySlot[order[i]]);
      }
      m = Collections.unmodifiableMap(made);
      map = m;
    }
    return m;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    if (map == null && key instanceof String) {
      Symbols.Symbol s = symbols.symbol((String) key);
      return s == null || s.derived() ? null : (V) bySlot[s.slot()];
    }
    return map().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map == null ? get(key) != null : map().containsKey(key);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return map().entrySet();
  }
}
