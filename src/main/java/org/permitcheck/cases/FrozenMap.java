package org.permitcheck.cases;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map, in the order its entries were put, that is the only holder of its contents: a
 * case's facts and expectations. A case made from another case's maps shares them instead of copying,
 * and a reader hands over the map it filled ({@link #owning}) without a copy: batches make millions.
 */
final class FrozenMap<V> extends AbstractMap<String, V> {
  private final Map<String, V> map;
  private final Set<Map.Entry<String, V>> entries;
  /** The same values by the slots of {@link #slotsOf}, or null. */
  private final Object[] bySlot;
  private final Object slotsOf;

  private FrozenMap(Map<String, V> owned, Object[] bySlot, Object slotsOf) {
    this.map = owned;
    this.entries = Collections.unmodifiableMap(owned).entrySet();
    this.bySlot = bySlot;
    this.slotsOf = slotsOf;
  }

  /** Takes {@code map} as it is: the caller must neither change it nor hand it to anyone afterwards. */
  static <V> FrozenMap<V> owning(LinkedHashMap<String, V> map) {
    return new FrozenMap<>(map, null, null);
  }

  /**
   * As {@link #owning(LinkedHashMap)}, with the same values placed in an array by the slots that
   * {@code slotsOf} gives the keys (also owned from now on), for {@link #bySlot}.
   */
  static <V> FrozenMap<V> owning(LinkedHashMap<String, V> map, Object[] bySlot, Object slotsOf) {
    return new FrozenMap<>(map, bySlot, slotsOf);
  }

  /** The values by slot if they were placed for {@code slotsOf}, else null. Not to be changed. */
  Object[] bySlot(Object slotsOf) {
    return slotsOf == this.slotsOf ? bySlot : null;
  }

  /** {@code map} if it is frozen, else a frozen copy of it. */
  static <V> Map<String, V> of(Map<String, V> map) {
    return map instanceof FrozenMap ? map : new FrozenMap<>(new LinkedHashMap<>(map), null, null);
  }

  @Override
  public V get(Object key) {
    return map.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return entries;
  }
}
