package org.permitcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.report.Messages;
import picocli.CommandLine;

/** Builds the command line and runs one command; returns the exit code. Never calls System.exit. */
public final class Cli {
  private Cli() {}

  public static int run(Context context, String... args) {
    Context ctx = context.readingRulesFor(args);
    CommandLine cl = commandLine(ctx, args);
    boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
    Messages m = new Messages(CommonOptions.fromArguments(args, ctx.env()));
    Help.translate(cl, m.language());
    cl.getCommandSpec().versionProvider(new VersionProvider(m));
    cl.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ctx.err();
      // the arguments quoted may be file names, which may hold control characters
      err.println("permitcheck: " + Diagnostic.printable(ParameterErrors.message(ex, m)));
      String command = ex.getCommandLine().getCommandName();
      ParameterErrors.hint(ex, m)
          .ifPresent(h -> err.println("  " + m.colon("cli.hint") + " " + Diagnostic.printable(h)));
      err.println("  " + m.colon("cli.hint") + " " + m.get("cli.hint.help",
          "permitcheck " + (command.equals("permitcheck") ? "" : command + " ") + "--help"));
      return ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UsageError) {
        ctx.err().println("permitcheck: " + Diagnostic.printable(ex.getMessage()));
        String hint = ((UsageError) ex).hint;
        if (!hint.isEmpty()) {
          ctx.err().println("  " + m.colon("cli.hint") + " " + Diagnostic.printable(hint));
        }
        return ExitCode.USAGE;
      }
      if (ex instanceof java.nio.file.InvalidPathException) {
        badFileName(ctx.err(), m, ((java.nio.file.InvalidPathException) ex).getInput(), ctx.env());
        return ExitCode.USAGE;
      }
      ctx.err().println("permitcheck: " + m.get(stacktrace ? "cli.internal.details" : "cli.internal",
          ex.getClass().getSimpleName()));
      if (stacktrace) {
        ex.printStackTrace(ctx.err());
      }
      return ExitCode.INTERNAL;
    });
    try {
      int code = cl.execute(args);
      ctx.out().flush();
      if (code == ExitCode.OK && ByteWriter.failed(ctx.out())) {
        // a command that writes no records (show, schema, permits…) fails as eval does
        ctx.err().println("permitcheck: " + m.get("cli.stream_failed", "stdout"));
        return ExitCode.INVALID_INPUT;
      }
      return code;
    } catch (StackOverflowError | OutOfMemoryError e) {
      ctx.err().println("permitcheck: internal error (" + e.getClass().getSimpleName()
          + "). This is a bug: please report it with the command you ran.");
      return ExitCode.INTERNAL;
    } finally {
      ctx.out().flush();
      ctx.err().flush();
    }
  }

  /**
   * A file name the system cannot make a path of: one holding a NUL, or (Java 17 takes file names in the
   * locale's character set) an accented name under {@code LANG=C}, which reaches the program as
   * {@code caf\uFFFD\uFFFD.yaml}. The user's to correct, not a bug. A locale that names UTF-8 and
   * still gives Java another character set is not installed on this system (common behind ssh, which
   * passes LANG on to machines that never generated it): then the hint says so, as running "in a UTF-8
   * locale" is what the user believes they do.
   */
  private static void badFileName(PrintWriter err, Messages m, String name, Map<String, String> env) {
    err.println("permitcheck: " + m.get("cli.bad_file_name", Diagnostic.printable(name)));
    err.println("  " + m.colon("cli.hint") + " "
        + badFileNameHint(m, name, env, System.getProperty("sun.jnu.encoding", "UTF-8")));
  }

  /** What to do about a file name that is no path, given the character set Java takes names in. */
  static String badFileNameHint(Messages m, String name, Map<String, String> env, String charset) {
    if (name.indexOf('\0') >= 0) {
      return m.get("cli.hint.bad_file_name.nul");
    }
    Optional<String> missing = charset.equals("ANSI_X3.4-1968") || charset.equals("US-ASCII")
        ? namedLocale(env) : Optional.empty();
    // LC_ALL overrides the missing locale for every category (glibc refuses a locale whole if any
    // category's is missing, so LC_CTYPE alone would not do), and the language is then given again
    String lang = m.language().equals("en") ? "" : " --lang " + m.language();
    return missing.isPresent()
        ? m.get("cli.hint.bad_file_name.not_installed", charset, Diagnostic.printable(missing.get()), lang)
        : m.get("cli.hint.bad_file_name.charset", charset, lang);
  }

  /**
   * The locale the environment names (language_TERRITORY, as de_DE.UTF-8): LC_ALL's, else the first of
   * the categories' and LANG's. With Java taking names as ASCII, it is one the system does not have.
   */
  private static Optional<String> namedLocale(Map<String, String> env) {
    List<String> variables = new ArrayList<>(List.of("LC_ALL", "LC_CTYPE", "LC_MESSAGES"));
    env.keySet().stream().filter(k -> k.startsWith("LC_") && !variables.contains(k)).sorted().forEach(variables::add);
    variables.add("LANG");
    if (!env.getOrDefault("LC_ALL", "").isEmpty()) {
      variables.retainAll(List.of("LC_ALL"));
    }
    for (String variable : variables) {
      String value = env.getOrDefault(variable, "");
      if (value.matches("[A-Za-z]{2,3}_[A-Za-z]{2}([.@].*)?")) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells picocli not to register its converters for java.time and java.sql types: it looks each of them
   * up by reflection whenever it builds a command line, which costs a noticeable part of start-up. No
   * option of permitcheck needs them (its dates have their own converter, as ConvertersTest checks).
   * For a real run only (Main), where the process is permitcheck's alone; a value set already is kept.
   */
  static void skipUnusedConverters() {
    if (System.getProperty(UNUSED_CONVERTERS_PROPERTY) == null) {
      System.setProperty(UNUSED_CONVERTERS_PROPERTY, UNUSED_CONVERTERS);
    }
  }

  static final String UNUSED_CONVERTERS_PROPERTY = "picocli.converters.excludes";
  static final String UNUSED_CONVERTERS = "java\\.(time|sql)\\..*";

  /** The subcommands, in --help order. */
  static final List<String> COMMANDS =
      List.of("eval", "diff", "test", "check", "permits", "show", "facts", "interview", "schema", "completion");

  /**
   * A new subcommand object (a switch rather than a map of constructor references: each reference would
   * be linked at start-up, for the one command that runs).
   */
  static Object command(String name, Context ctx) {
    switch (name) {
      case "eval":
        return new EvalCommand(ctx);
      case "diff":
        return new DiffCommand(ctx);
      case "test":
        return new TestCommand(ctx);
      case "check":
        return new CheckCommand(ctx);
      case "permits":
        return new PermitsCommand(ctx);
      case "show":
        return new ShowCommand(ctx);
      case "facts":
        return new FactsCommand(ctx);
      case "interview":
        return new InterviewCommand(ctx);
      case "schema":
        return new SchemaCommand(ctx);
      case "completion":
        return new CompletionCommand(ctx);
      default:
        throw new IllegalArgumentException("no command " + name);
    }
  }

  /**
   * The command line for these arguments. When the first argument names a subcommand only that one
   * is built (picocli reads each command's annotations when it is added, which costs start-up time);
   * otherwise all are, for --help and for messages about an unknown command.
   */
  static CommandLine commandLine(Context ctx, String... args) {
    CommandLine cl = new CommandLine(new Permitcheck());
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      cl.addSubcommand(args[0], command(args[0], ctx));
    } else {
      for (String name : COMMANDS) {
        cl.addSubcommand(name, command(name, ctx));
      }
    }
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    return cl;
  }

  /** The context of a real run: the process's streams, environment and today's date. */
  public static Context system(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    LocalDate today = today();
    String forced = env.get("PERMITCHECK_TODAY");
    if (forced != null && !forced.isBlank()) {
      today = org.permitcheck.tree.IsoDate.parse(forced.strip());
      if (today == null) {
        throw new UsageError("PERMITCHECK_TODAY='" + org.permitcheck.diag.Diagnostic.printable(forced.strip())
            + "' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-22, or unset it");
      }
    }
    boolean console = System.console() != null;
    return new Context(in, out, err, env, Path.of("").toAbsolutePath(), today, console,
        console || isTerminal(2), console || isTerminal(0), EarlyRules.NONE);
  }

  /**
   * Today in the system's time zone, as {@code LocalDate.now()} gives it but without loading
   * java.time's zone rules, which costs a noticeable part of start-up.
   */
  static LocalDate today() {
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    long now = System.currentTimeMillis();
    return LocalDate.ofEpochDay(Math.floorDiv(now + zone.getOffset(now), 86_400_000L));
  }

  /**
   * Whether stderr (file descriptor 2) or stdin (0) is a terminal although stdout may not be ({@code eval
   * ... > results.ndjson}), so that a batch shows its progress and an interview asks on the terminal.
   * Known on Linux, from where /proc says the file descriptor leads; elsewhere only when stdout and stdin
   * are terminals too.
   */
  static boolean isTerminal(int fd) {
    try {
      String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
