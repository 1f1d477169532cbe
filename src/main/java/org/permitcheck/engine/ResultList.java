package org.permitcheck.engine;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable list of results over an array that no one else holds, so that the evaluator can hand
 * on the results of a permit's top level without copying them ({@link CriterionResult} keeps it as it
 * is, as it keeps an immutable list).
 */
final class ResultList extends AbstractList<CriterionResult> implements RandomAccess {
  private final CriterionResult[] results;

  /** @param owned non-null results, not to be written by the caller afterwards */
  ResultList(CriterionResult[] owned) {
    this.results = owned;
  }

  @Override
  public CriterionResult get(int index) {
    return results[index];
  }

  @Override
  public int size() {
    return results.length;
  }
}
