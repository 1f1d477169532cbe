package org.permitcheck.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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

  private final FutureTask<RulesSource.Loaded> task;

  private EarlyRules(FutureTask<RulesSource.Loaded> task) {
    this.task = task;
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
    FutureTask<RulesSource.Loaded> task = new FutureTask<>(() -> RulesSource.loadNow(ctx, null));
    Thread thread = new Thread(task, "permitcheck-rules");
    thread.setDaemon(true);
    thread.start();
    return new EarlyRules(task);
  }

  /** The default ruleset as read early, waiting for it if need be; empty when it was not started. */
  Optional<RulesSource.Loaded> take() {
    if (task == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(task.get());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the rules", e);
    }
  }
}
