package org.permitcheck.engine;

import java.time.LocalDate;
import java.util.List;
import org.permitcheck.cases.Case;

/** Every permit result for one case at one date. */
public record Evaluation(Case subject, LocalDate asOf, LocalDate applicationDate, List<PermitResult> results) {
  public Evaluation {
    results = List.copyOf(results);
  }
}
