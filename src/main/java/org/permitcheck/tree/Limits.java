package org.permitcheck.tree;

/**
 * Bounds on untrusted input, enforced while parsing so that a hostile file is refused quickly in
 * bounded memory: size, nesting depth, length of one string, number of digits.
 */
public record Limits(int maxBytes, int maxDepth, int maxStringLength, int maxNumberLength) {
  /** For case files: one person's facts. */
  public static final Limits CASE = new Limits(4 * 1024 * 1024, 32, 100_000, 40);

  /** For rules files, which are larger and nest criteria. */
  public static final Limits RULES = new Limits(32 * 1024 * 1024, 128, 1_000_000, 40);
}
