package org.permitcheck.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.expr.Symbols;

/**
 * A loaded, validated and compiled rules file. Immutable; safe to share between threads.
 *
 * @param sha256 hex SHA-256 of the rules text, so that a result can be tied to the exact rules
 */
public record Ruleset(
    String name,
    String version,
    LocalDate reviewed,
    List<String> languages,
    Map<String, Fact> facts,
    Map<String, DerivedFact> derived,
    List<Country> countries,
    Symbols symbols,
    String sha256) {

  public Ruleset {
    languages = List.copyOf(languages);
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    derived = Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    countries = List.copyOf(countries);
  }

  public Optional<Country> country(String code) {
    for (Country c : countries) {
      if (c.code().equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Every permit, in rules-file order (reads the permits of every country). */
  public List<Permit> permits() {
    List<Permit> all = new ArrayList<>();
    countries.forEach(c -> all.addAll(c.permits()));
    return all;
  }

  /** The ids of every permit, in rules-file order, without reading the permits. */
  public List<String> permitIds() {
    List<String> all = new ArrayList<>();
    countries.forEach(c -> all.addAll(c.permitIds()));
    return all;
  }

  /** The permit with this id; reads only the permits of its country. */
  public Optional<Permit> permit(String id) {
    for (Country c : countries) {
      if (c.permitIds().contains(id)) {
        return c.permits().stream().filter(p -> p.id().equals(id)).findFirst();
      }
    }
    return Optional.empty();
  }

  /** The current name of a fact, following {@code renamed_from}, if it is declared. */
  public Optional<String> currentName(String name) {
    if (facts.containsKey(name)) {
      return Optional.of(name);
    }
    return facts.values().stream().filter(f -> f.renamedFrom().contains(name)).map(Fact::name).findFirst();
  }
}
