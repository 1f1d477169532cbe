package org.permitcheck.tree;

/** A 1-based line and column in a source file. */
public record Pos(int line, int column) {
  public static final Pos NONE = new Pos(0, 0);

  /** The position {@code n} characters further on the same line. */
  public Pos plus(int n) {
    return new Pos(line, column + n);
  }
}
