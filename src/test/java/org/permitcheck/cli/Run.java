package org.permitcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** Runs the program in-process, as a user would from the project directory, and captures it all. */
public final class Run {
  /** Today, for every test: results never depend on the machine's clock. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  /** What one run printed and returned. */
  public record Result(String out, String err, int exit) {}

  private Run() {}

  public static Result run(String... args) {
    return run("", Map.of(), args);
  }

  public static Result run(String stdin, Map<String, String> env, String... args) {
    return run(stdin, env, Path.of("").toAbsolutePath(), args);
  }

  public static Result run(String stdin, Map<String, String> env, Path cwd, String... args) {
    return run(stdin, env, cwd, false, args);
  }

  /** As above; {@code terminal}: stdout is a terminal, so colour is on unless turned off. */
  public static Result run(String stdin, Map<String, String> env, Path cwd, boolean terminal, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), env, cwd, terminal, args);
  }

  /** As above, with stdin given as bytes (which need not be UTF-8). */
  public static Result run(byte[] stdin, Map<String, String> env, Path cwd, boolean terminal, String... args) {
    return run(new ByteArrayInputStream(stdin), env, cwd, terminal, args);
  }

  /** As above, with stdin as a stream (one that fails, say). */
  public static Result run(InputStream stdin, Map<String, String> env, Path cwd, boolean terminal, String... args) {
    // stdout as the program has it: text and bytes already encoded, to one stream
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    ByteWriter stdout = new ByteWriter(out);
    Context ctx = new Context(stdin, stdout, new PrintWriter(err), env, cwd, TODAY, terminal);
    int exit = Cli.run(ctx, args);
    stdout.flush();
    return new Result(normalise(out.toString(StandardCharsets.UTF_8)), normalise(err.toString()), exit);
  }

  static String normalise(String s) {
    return s.replace("\r\n", "\n");
  }
}
