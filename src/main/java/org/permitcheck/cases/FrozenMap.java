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

  private FrozenMap(Map<String, V> owned) {
    this.map = owned;
    this.entries = Collections.unmodifiableMap(owned).entrySet();
  }

  /** Takes {@code map} as it is: the caller must neither change it nor hand it to anyone afterwards. */
  static <V> FrozenMap<V> owning(LinkedHashMap<String, V> map) {
    return new FrozenMap<>(map);
  }

  /** {@code map} if it is frozen, else a frozen copy of it. */
  static <V> Map<String, V> of(Map<String, V> map) {
    return map instanceof FrozenMap ? map : new FrozenMap<>(new LinkedHashMap<>(map));
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
