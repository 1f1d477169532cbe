package org.permitcheck.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.expr.Symbols;

/**
 * One person's case: typed fact values by fact name (a fact that is absent is unknown), optional
 * country, evaluation date and application date, and the verdicts the case is expected to get.
 *
 * @param source where the case was read from (file name, or file:line for NDJSON)
 * @param note the adviser's note ({@code note:}), kept when an interview saves the case again
 */
public record Case(
    String id,
    String source,
    Optional<String> country,
    Optional<LocalDate> asOf,
    Optional<LocalDate> applicationDate,
    Map<String, Object> facts,
    Map<String, String> expect,
    Optional<String> note) {

  public Case {
    facts = FrozenMap.of(facts);
    expect = FrozenMap.of(expect);
  }

  /** A case without a note. */
  public Case(String id, String source, Optional<String> country, Optional<LocalDate> asOf,
      Optional<LocalDate> applicationDate, Map<String, Object> facts, Map<String, String> expect) {
    this(id, source, country, asOf, applicationDate, facts, expect, Optional.empty());
  }

  /**
   * The fact values by the slots of {@code symbols} (null = unknown), when the reader placed them so
   * (the NDJSON fast path does), else null: an evaluation need not look each name up. Read-only.
   */
  public Object[] factsBySlot(Symbols symbols) {
    return ((FrozenMap<Object>) facts).bySlot(symbols);
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
    return new Case(id, source, country, asOf, applicationDate, f, expect, note);
  }
}
