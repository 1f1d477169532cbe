package org.permitcheck.engine;

import java.util.List;

/**
 * Where one permit stands during an interview: its result so far and the facts still to ask whose
 * answer could change its verdict ({@code deciding}, a subset of the result's {@code missing}).
 */
public record Standing(PermitResult result, List<String> deciding) {
  public Standing {
    deciding = List.copyOf(deciding);
  }

  /**
   * The verdict may still change: it is undetermined, or discretionary while some fact could make it
   * eligible. Every other verdict is final whatever the unknown facts turn out to be.
   */
  public boolean open() {
    Verdict v = result.verdict();
    return v == Verdict.UNDETERMINED || (v == Verdict.DISCRETIONARY && !result.missing().isEmpty());
  }

  public String permit() {
    return result.permit().id();
  }
}
