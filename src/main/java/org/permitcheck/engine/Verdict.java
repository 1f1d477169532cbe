package org.permitcheck.engine;

import java.util.Locale;

/** The answer for one permit. */
public enum Verdict {
  /** Every criterion is met. */
  ELIGIBLE,
  /** Everything is met except criteria the authority may waive, or the decision is discretionary. */
  DISCRETIONARY,
  /** Nothing fails, but some criteria are unknown. */
  UNDETERMINED,
  /** A criterion fails. */
  NOT_ELIGIBLE,
  /** The provision is not in force at the date, or its application window is closed. */
  NOT_IN_FORCE;

  /** The name used in files and JSON: {@code not_eligible}. */
  private final String key = name().toLowerCase(Locale.ROOT);

  public String key() {
    return key;
  }

  /** Whether the permit can be granted: eligible, or at the authority's discretion. */
  public boolean available() {
    return this == ELIGIBLE || this == DISCRETIONARY;
  }
}
