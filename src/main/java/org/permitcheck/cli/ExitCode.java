package org.permitcheck.cli;

/** The program's exit codes, documented in --help and in the README. */
public final class ExitCode {
  /** Done. */
  public static final int OK = 0;
  /** Some input was invalid; every valid input was still processed. */
  public static final int INVALID_INPUT = 1;
  /** The command line is wrong. */
  public static final int USAGE = 2;
  /** The rules file has errors. */
  public static final int INVALID_RULES = 3;
  /** {@code test} found mismatches, or {@code diff --exit-code} found changes. */
  public static final int MISMATCH = 4;
  /** An interview stopped before its end (quit, input ended, Ctrl-C); its draft is kept. */
  public static final int STOPPED = 5;
  /** A bug in permitcheck. */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
