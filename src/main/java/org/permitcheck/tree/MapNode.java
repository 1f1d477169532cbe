package org.permitcheck.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping or JSON object, in file order, with the position of every key. */
public final class MapNode implements Node {
  /** One key of a mapping, where it was written, and its value. */
  public record Entry(String key, Pos keyPos, Node value) {}

  private final Map<String, Entry> entries;
  private final Pos pos;

  public MapNode(List<Entry> entries, Pos pos) {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      map.putIfAbsent(e.key(), e);
    }
    this.entries = Collections.unmodifiableMap(map);
    this.pos = pos;
  }

  /** Takes over a map built by the reader (keys in file order); the caller must not keep it. */
  MapNode(LinkedHashMap<String, Entry> entries, Pos pos) {
    this.entries = Collections.unmodifiableMap(entries);
    this.pos = pos;
  }

  @Override
  public Pos pos() {
    return pos;
  }

  @Override
  public String kind() {
    return "a mapping";
  }

  public java.util.Collection<Entry> entries() {
    return entries.values();
  }

  public Optional<Node> get(String key) {
    Entry e = entries.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public int size() {
    return entries.size();
  }
}
