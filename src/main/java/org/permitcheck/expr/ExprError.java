package org.permitcheck.expr;

/**
 * A problem in one criteria expression: the character range it concerns (0-based offsets into the
 * expression text), a message and an optional hint.
 */
public record ExprError(int start, int end, String message, String hint) {
  public ExprError {
    hint = hint == null ? "" : hint;
  }
}
