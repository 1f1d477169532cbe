package org.permitcheck.engine;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.cases.Case;

/**
 * Every permit result for one case at one date. After a what-if ({@code --set}), {@code before} holds
 * the results of the case as it was, by permit id, so that what moved can be shown; otherwise it is
 * empty.
 */
public record Evaluation(
    Case subject, LocalDate asOf, LocalDate applicationDate, List<PermitResult> results,
    Map<String, PermitResult> before) {

  public Evaluation {
    results = List.copyOf(results);
    before = before.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
  }

  public Evaluation(Case subject, LocalDate asOf, LocalDate applicationDate, List<PermitResult> results) {
    this(subject, asOf, applicationDate, results, Map.of());
  }

  /** This evaluation, marked as a what-if of {@code original}. */
  public Evaluation comparedWith(Evaluation original) {
    Map<String, PermitResult> b = new LinkedHashMap<>();
    original.results().forEach(r -> b.put(r.permit().id(), r));
    return new Evaluation(subject, asOf, applicationDate, results, b);
  }

  public boolean isWhatIf() {
    return !before.isEmpty();
  }

  /** The result before the what-if, when it differs from {@code r}. */
  public Optional<PermitResult> movedFrom(PermitResult r) {
    PermitResult b = before.get(r.permit().id());
    return b != null && Change.differs(b, r) ? Optional.of(b) : Optional.empty();
  }
}
