package org.permitcheck.expr;

/** Thrown inside the lexer and parser to stop at the first syntax error. */
final class ParseFailure extends Exception {
  private static final long serialVersionUID = 1L;
  final transient ExprError error;

  ParseFailure(int start, int end, String message, String hint) {
    super(message, null, false, false);
    this.error = new ExprError(start, end, message, hint);
  }
}
