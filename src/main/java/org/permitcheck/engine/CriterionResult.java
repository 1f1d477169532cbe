package org.permitcheck.engine;

import java.util.List;
import java.util.Map;
import org.permitcheck.rules.Criterion;

/**
 * The result of one node of a permit's criteria tree, mirroring the tree: the outcome, whether the
 * authority may grant although it is not met ({@code waivable}), the facts the condition read with
 * their values (null = unknown; read lazily, so that batches that do not print them do not pay for
 * them), and the children's results.
 *
 * @param facts read-only (a {@link FactsRead} view or an immutable map)
 * @param lenient the outcome when the authority uses every discretion the rules give it
 * @param waivable not met (or unknown), but the rules let the authority waive it here
 */
public record CriterionResult(
    Criterion criterion,
    Outcome outcome,
    Outcome lenient,
    boolean waivable,
    Map<String, Object> facts,
    List<CriterionResult> children) {

  public CriterionResult {
    // an immutable list is kept as it is, and so is the evaluator's own unmodifiable one
    children = children instanceof ResultList ? children : List.copyOf(children);
  }

  /**
   * Not met, but the decision is left to the authority: by this criterion's own discretion, or by one
   * of a part within it (an alternative with a discretion of its own), so that it may grant although
   * the criterion is not met.
   */
  public boolean decidesNotAlone() {
    return waivable || outcome != Outcome.MET && lenient == Outcome.MET;
  }

  /**
   * Not met, and whether the authority may still grant depends on facts not known yet: a discretion
   * (its own or within it) whose condition is unknown.
   */
  public boolean maybeDecidesNotAlone() {
    return outcome == Outcome.NOT_MET && lenient == Outcome.UNKNOWN;
  }
}
