package org.permitcheck.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One person's case: typed fact values by fact name (a fact that is absent is unknown), optional
 * country, evaluation date and application date, and the verdicts the case is expected to get.
 *
 * @param source where the case was read from (file name, or file:line for NDJSON)
 */
public record Case(
    String id,
    String source,
    Optional<String> country,
    Optional<LocalDate> asOf,
    Optional<LocalDate> applicationDate,
    Map<String, Object> facts,
    Map<String, String> expect) {

  public Case {
    facts = FrozenMap.of(facts);
    expect = FrozenMap.of(expect);
  }

  /** The same case with some facts replaced (what-if); a null value makes a fact unknown. */
  public Case with(Map<String, Object> changes) {
    Map<String, Object> f = new LinkedHashMap<>(facts);
    changes.forEach((k, v) -> {
      if (v == null) {
        f.remove(k);
      } else {
        f.put(k, v);
      }
    });
    return new Case(id, source, country, asOf, applicationDate, f, expect);
  }
}
