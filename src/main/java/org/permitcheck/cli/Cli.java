package org.permitcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/** Builds the command line and runs one command; returns the exit code. Never calls System.exit. */
public final class Cli {
  private Cli() {}

  public static int run(Context ctx, String... args) {
    CommandLine cl = commandLine(ctx);
    boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
    cl.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ctx.err();
      err.println("permitcheck: " + ex.getMessage());
      String command = ex.getCommandLine().getCommandName();
      err.println("  hint: try 'permitcheck " + (command.equals("permitcheck") ? "" : command + " ") + "--help'");
      return ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UsageError) {
        ctx.err().println("permitcheck: " + ex.getMessage());
        String hint = ((UsageError) ex).hint;
        if (!hint.isEmpty()) {
          ctx.err().println("  hint: " + hint);
        }
        return ExitCode.USAGE;
      }
      ctx.err().println("permitcheck: internal error (" + ex.getClass().getSimpleName()
          + "). This is a bug: please report it with the command you ran"
          + (stacktrace ? "." : ", adding --stacktrace to see the details."));
      if (stacktrace) {
        ex.printStackTrace(ctx.err());
      }
      return ExitCode.INTERNAL;
    });
    try {
      return cl.execute(args);
    } finally {
      ctx.out().flush();
      ctx.err().flush();
    }
  }

  static CommandLine commandLine(Context ctx) {
    CommandLine cl = new CommandLine(new Permitcheck());
    cl.addSubcommand("eval", new EvalCommand(ctx));
    cl.addSubcommand("test", new TestCommand(ctx));
    cl.addSubcommand("check", new CheckCommand(ctx));
    cl.addSubcommand("permits", new PermitsCommand(ctx));
    cl.addSubcommand("show", new ShowCommand(ctx));
    cl.addSubcommand("facts", new FactsCommand(ctx));
    cl.addSubcommand("interview", new InterviewCommand(ctx));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /** The context of a real run: the process's streams, environment and today's date. */
  public static Context system(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    LocalDate today = LocalDate.now();
    String forced = env.get("PERMITCHECK_TODAY");
    if (forced != null && !forced.isBlank()) {
      today = LocalDate.parse(forced.strip());
    }
    return new Context(in, out, err, env, Path.of("").toAbsolutePath(), today, System.console() != null);
  }
}
