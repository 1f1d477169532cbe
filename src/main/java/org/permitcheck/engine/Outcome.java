package org.permitcheck.engine;

import java.util.Locale;

/** The result of one criterion. */
public enum Outcome {
  MET,
  NOT_MET,
  UNKNOWN,
  /** The criterion itself is not in force at the date; it neither helps nor hinders. */
  NOT_IN_FORCE;

  private final String key = name().toLowerCase(Locale.ROOT);

  public String key() {
    return key;
  }

  static Outcome of(Boolean b) {
    return b == null ? UNKNOWN : b ? MET : NOT_MET;
  }

  Outcome negate() {
    switch (this) {
      case MET:
        return NOT_MET;
      case NOT_MET:
        return MET;
      default:
        return this;
    }
  }
}
