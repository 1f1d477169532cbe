package org.permitcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Ruleset;

/**
 * The default ruleset (./rules.yaml, else the bundled one) read on a thread of its own from the start of
 * a run, while the main thread builds the command line: on two cores that hides most of what reading the
 * rules costs. A command that asks for the default ruleset takes this result instead of reading it
 * again; with {@code --rules} it is not used (nor started).
 *
 * <p>The bundled ruleset reads a country's permits when they are first needed. The thread reads early
 * those of the countries that the case files among the arguments name, found by a quick look at their
 * text ({@link #countryOf}); a wrong guess costs only time, since a country is still read when needed.
 */
final class EarlyRules {
  static final EarlyRules NONE = new EarlyRules(null);

  /** The commands that read the default ruleset first thing. */
  static final List<String> COMMANDS = List.of("eval", "test", "show", "permits", "facts", "interview", "schema");

  /** How many case files, and how large, are looked into for their country. */
  static final int MAX_GUESSES = 4;
  static final long MAX_LOOK = 64 * 1024;

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
    Reading reading = new Reading(ctx, args);
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
      reading.awaitRules();
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
   * start than they save here). {@code loaded} and {@code failure} are written before {@code done} is
   * set under {@code lock}, and read after it is seen there.
   */
  private static final class Reading extends Thread {
    private final Context ctx;
    private final String[] args;
    private final Object lock = new Object();
    private boolean done;
    private RulesSource.Loaded loaded;
    private Throwable failure;

    Reading(Context ctx, String[] args) {
      super("permitcheck-rules");
      this.ctx = ctx;
      this.args = args;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        loaded = RulesSource.loadNow(ctx, null);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      synchronized (lock) {
        done = true;
        lock.notifyAll();
      }
      if (failure == null && loaded.rules().value().isPresent()) {
        readPermitsOf(loaded.rules().value().get());
      }
    }

    /** Waits until the ruleset is read (not the permits read after it, which a command waits for only if it needs them). */
    void awaitRules() throws InterruptedException {
      synchronized (lock) {
        while (!done) {
          lock.wait();
        }
      }
    }

    /** Reads the permits of the countries the case files name; a failure is left for when they are needed. */
    private void readPermitsOf(Ruleset rules) {
      for (String code : countriesNamed(ctx, args)) {
        Optional<Country> country = rules.country(code);
        try {
          if (country.isPresent()) {
            country.get().permits();
          }
        } catch (RuntimeException e) {
          return;
        }
      }
    }
  }

  /** The countries that the case files among the arguments name, at most a few. */
  static Set<String> countriesNamed(Context ctx, String... args) {
    Set<String> codes = new LinkedHashSet<>();
    for (int i = 1; i < args.length && codes.size() < MAX_GUESSES; i++) {
      String a = args[i];
      if (!a.endsWith(".yaml") && !a.endsWith(".yml") && !a.endsWith(".json")) {
        continue;
      }
      try {
        Path file = ctx.resolve(a);
        if (Files.isRegularFile(file) && Files.size(file) <= MAX_LOOK) {
          countryOf(Files.readString(file, StandardCharsets.UTF_8)).ifPresent(codes::add);
        }
      } catch (IOException | RuntimeException e) {
        // not a case file we can look into: no guess
      }
    }
    return codes;
  }

  /**
   * The country a case text names, by a look at its text rather than a parse: a line {@code country: DE}
   * (YAML) or a member {@code "country": "DE"} (JSON). A guess, right for the usual case files.
   */
  static Optional<String> countryOf(String text) {
    int value;
    if (text.startsWith("country:")) {
      value = "country:".length();
    } else if (text.contains("\ncountry:")) {
      value = text.indexOf("\ncountry:") + "\ncountry:".length();
    } else {
      int key = text.indexOf("\"country\"");
      int colon = key < 0 ? -1 : text.indexOf(':', key);
      if (colon < 0) {
        return Optional.empty();
      }
      value = colon + 1;
    }
    int i = value;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    return i + 2 <= text.length() && isCapital(text.charAt(i)) && isCapital(text.charAt(i + 1))
        ? Optional.of(text.substring(i, i + 2)) : Optional.empty();
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
