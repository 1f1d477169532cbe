package org.permitcheck.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.permitcheck.rules.Permit;

/**
 * The verdict for one permit with its explanation: the criteria tree, the facts that would decide an
 * open question ({@code missing}), and the dates when it opens or closes: {@code fromDiscretionary}
 * when on {@code eligibleFrom} it becomes available only at the authority's discretion, and {@code
 * eligibleUntil}, the last day before a criterion met today is left to the authority's discretion
 * (for an eligible permit, its last fully eligible day), when the permit then stays available until
 * {@code applyBefore} or beyond the horizon, and {@code afterApplyBefore}, the verdict on the day after
 * {@code applyBefore} (undetermined when facts the case does not give then decide: {@code
 * missingAfterApplyBefore}), on which day {@code applyBefore} is judged ({@code applyBeforeJudgedAt}:
 * "decision", "application", or "" when not known or not asked), and, for a permit that never opens as
 * each day's request would find it, the first day a request made on another day could be granted
 * ({@code eligibleFromIfRequested}) with the first and last days such a request can be made, and
 * whether it is granted then only at the authority's discretion ({@code ifRequestedDiscretionary}).
 */
public record PermitResult(
    Permit permit,
    Verdict verdict,
    boolean nearMiss,
    CriterionResult tree,
    List<String> missing,
    Optional<LocalDate> eligibleFrom,
    Optional<LocalDate> applyBefore,
    boolean fromDiscretionary,
    Optional<LocalDate> eligibleUntil,
    Optional<Verdict> afterApplyBefore,
    List<String> missingAfterApplyBefore,
    String applyBeforeJudgedAt,
    Optional<LocalDate> eligibleFromIfRequested,
    Optional<LocalDate> requestFrom,
    Optional<LocalDate> requestBy,
    boolean ifRequestedDiscretionary) {

  public PermitResult {
    missing = List.copyOf(missing);
    missingAfterApplyBefore = List.copyOf(missingAfterApplyBefore);
  }

  /** A result without a timeline, or whose timeline opens onto no discretion. */
  public PermitResult(Permit permit, Verdict verdict, boolean nearMiss, CriterionResult tree, List<String> missing,
      Optional<LocalDate> eligibleFrom, Optional<LocalDate> applyBefore) {
    this(permit, verdict, nearMiss, tree, missing, eligibleFrom, applyBefore, false, Optional.empty(),
        Optional.empty(), List.of(), "", Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** The top-level criteria results (children of the root group, or the root). */
  public List<CriterionResult> topLevel() {
    return topLevel(permit, tree);
  }

  /** The top-level results of a permit's result tree (children of the root group, or the root). */
  static List<CriterionResult> topLevel(Permit permit, CriterionResult tree) {
    return permit.rootIsTopLevel() ? List.of(tree) : tree.children();
  }
}
