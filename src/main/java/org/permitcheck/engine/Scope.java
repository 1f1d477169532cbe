package org.permitcheck.engine;

import java.util.Set;

/**
 * Which permits to evaluate: {@code countries} (empty = the case's country, or all) and {@code
 * permits} (empty = every permit of those countries).
 */
public record Scope(Set<String> countries, Set<String> permits) {
  public static final Scope ALL = new Scope(Set.of(), Set.of());

  public Scope {
    countries = Set.copyOf(countries);
    permits = Set.copyOf(permits);
  }
}
