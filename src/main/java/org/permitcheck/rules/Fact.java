package org.permitcheck.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.expr.Type;

/**
 * A declared fact: one question a case can answer. {@code labels} names the values of an enum, level
 * or periods status; {@code fields} declares the records of a list. {@code past} means a date may not
 * lie in the future (e.g. a date of birth).
 */
public record Fact(
    String name,
    Type type,
    List<String> countries,
    Text question,
    Text help,
    Map<String, Text> labels,
    Map<String, Fact> fields,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    String unit,
    boolean past,
    List<String> renamedFrom) {

  public Fact {
    countries = List.copyOf(countries);
    labels = Map.copyOf(labels);
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    renamedFrom = List.copyOf(renamedFrom);
  }

  /** The label of one value in a language, or the value itself. */
  public String label(String value, String language) {
    Text t = labels.get(value);
    return t == null || t.isEmpty() ? value : t.get(language);
  }

  /** This fact with another help text. */
  public Fact withHelp(Text newHelp) {
    return new Fact(name, type, countries, question, newHelp, labels, fields, min, max, unit, past, renamedFrom);
  }

  public boolean appliesTo(String country) {
    return countries.isEmpty() || countries.contains(country);
  }
}
