package org.permitcheck.cli;

/** A wrong command line found after parsing: printed with its hint, exit code 2. */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String hint;

  UsageError(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }
}
