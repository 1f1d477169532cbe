package org.permitcheck.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.permitcheck.expr.Env;

/**
 * The facts a condition read, with their values, as a read-only map in reading order. Values are
 * looked up in the evaluation's {@link Env} only when asked for, so that evaluations whose output does
 * not show them cost nothing for them. {@code names} must not change afterwards (the reads of a
 * compiled expression never do).
 */
final class FactsRead extends AbstractMap<String, Object> {
  private final List<String> names;
  private final Env env;

  FactsRead(List<String> names, Env env) {
    this.names = names;
    this.env = env;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        Iterator<String> it = names.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Map.Entry<String, Object> next() {
            String name = it.next();
            return new SimpleImmutableEntry<>(name, env.value(name));
          }
        };
      }

      @Override
      public int size() {
        return names.size();
      }
    };
  }

  @Override
  public boolean containsKey(Object key) {
    return names.contains(key);
  }

  @Override
  public Object get(Object key) {
    return names.contains(key) ? env.value((String) key) : null;
  }
}
