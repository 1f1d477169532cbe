package org.permitcheck.cli;

import java.util.List;
import java.util.Optional;

/**
 * The default ruleset (./rules.yaml, else the bundled one) read on a thread of its own from the start of
 * a run, while the main thread builds the command line: on two cores that hides most of what reading the
 * rules costs. A command that asks for the default ruleset takes this result instead of reading it
 * again; with {@code --rules} it is not used (nor started).
 */
final class EarlyRules {
  static final EarlyRules NONE = new EarlyRules(null);

  /** The commands that read the default ruleset first thing. */
  static final List<String> COMMANDS = List.of("eval", "test", "show", "permits", "facts", "interview", "schema");

  private final Reading reading;

  private EarlyRules(Reading reading) {
    this.reading = reading;
  }

  /** Starts reading the default ruleset when the arguments name a command that will want it. */
  static EarlyRules start(Context ctx, String... args) {
    if (args.length == 0 || !COMMANDS.contains(args[0])) {
      return NONE;
    }
    for (String a : args) {
      if (a.equals("--rules") || a.startsWith("--rules=") || a.equals("-h") || a.equals("--help")
          || a.equals("--")) {
        return NONE;
      }
    }
    Reading reading = new Reading(ctx);
    reading.start();
    return new EarlyRules(reading);
  }

  /**
   * The default ruleset as read early, waiting for it if need be; empty when it was not started. What
   * the reading threw is thrown here.
   */
  Optional<RulesSource.Loaded> take() {
    if (reading == null) {
      return Optional.empty();
    }
    try {
      reading.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the rules", e);
    }
    if (reading.failure instanceof RuntimeException) {
      throw (RuntimeException) reading.failure;
    }
    if (reading.failure instanceof Error) {
      throw (Error) reading.failure;
    }
    return Optional.of(reading.loaded);
  }

  /**
   * The thread that reads (a plain thread rather than an executor or a future: those cost more to
   * start than they save here). Its fields are read after {@link #join}, which makes them visible.
   */
  private static final class Reading extends Thread {
    private final Context ctx;
    private RulesSource.Loaded loaded;
    private Throwable failure;

    Reading(Context ctx) {
      super("permitcheck-rules");
      this.ctx = ctx;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        loaded = RulesSource.loadNow(ctx, null);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }
  }
}
