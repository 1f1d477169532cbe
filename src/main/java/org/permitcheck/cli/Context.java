package org.permitcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, passed in so that tests run commands
 * in-process: streams, environment, working directory, today's date, and whether stdout is a terminal.
 */
public record Context(
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Path cwd,
    LocalDate today,
    boolean terminal) {

  /** Resolves a path given on the command line against the working directory. */
  public Path resolve(String path) {
    return cwd.resolve(path);
  }
}
