package org.permitcheck.tree;

/**
 * Bounds on untrusted input, enforced while parsing so that a hostile file is refused quickly in
 * bounded memory: size, nesting depth, length of one string, number of digits.
 */
public record Limits(int maxBytes, int maxDepth, int maxStringLength, int maxNumberLength) {
  /** For case files: one person's facts. */
  public static final Limits CASE = new Limits(4 * 1024 * 1024, 32, 100_000, 40);

  /** A size for messages: "4 MiB" when it is a whole number of MiB, else bytes. */
  public static String size(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  /** For rules files, which are larger and nest criteria (the product ruleset is about 100 KB). */
  public static final Limits RULES = new Limits(8 * 1024 * 1024, 128, 100_000, 40);

  // equals and hashCode are written out: a record's own are bootstrapped when first called, which costs
  // milliseconds at start-up, and limits are the key of the parser caches (TreeReader.forName)

  @Override
  public boolean equals(Object o) {
    return o instanceof Limits && ((Limits) o).maxBytes == maxBytes && ((Limits) o).maxDepth == maxDepth
        && ((Limits) o).maxStringLength == maxStringLength && ((Limits) o).maxNumberLength == maxNumberLength;
  }

  @Override
  public int hashCode() {
    return ((maxBytes * 31 + maxDepth) * 31 + maxStringLength) * 31 + maxNumberLength;
  }
}
