package org.permitcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, passed in so that tests run commands
 * in-process: streams, environment, working directory, today's date, whether stdout is a terminal (and
 * stdin: a person answers), whether stderr is one (a person watches the progress of a batch, whose
 * results may go to a file), whether stdin is one (a person types the answers of an interview whose
 * report may go to a file), and the default ruleset if it is being read early ({@link EarlyRules}).
 */
public record Context(
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Path cwd,
    LocalDate today,
    boolean terminal,
    boolean errTerminal,
    boolean inTerminal,
    EarlyRules earlyRules) {

  /** A context whose stderr and stdin are terminals exactly when stdout is. */
  public Context(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd,
      LocalDate today, boolean terminal) {
    this(in, out, err, env, cwd, today, terminal, terminal, terminal, EarlyRules.NONE);
  }

  /** This context, with the default ruleset being read from now on if the arguments will want it. */
  Context readingRulesFor(String... args) {
    return new Context(in, out, err, env, cwd, today, terminal, errTerminal, inTerminal,
        EarlyRules.start(this, args));
  }

  /** Resolves a path given on the command line against the working directory. */
  public Path resolve(String path) {
    return cwd.resolve(path);
  }
}
