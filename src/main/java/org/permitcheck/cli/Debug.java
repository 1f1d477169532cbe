package org.permitcheck.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.rules.Ruleset;

/**
 * {@code --debug}: internals on stderr, each line starting with "debug:" — which rules file was
 * loaded, timings, counts. Never a fact value, unless {@code --debug=facts} asks for them: case files
 * hold personal data, and stderr ends up in terminals' scroll-back, CI logs and bug reports.
 */
final class Debug {
  /** What --debug shows. */
  enum Level {
    off,
    internals,
    facts
  }

  private final PrintWriter err;
  private final Level level;

  Debug(PrintWriter err, Level level) {
    this.err = err;
    this.level = level == null ? Level.off : level;
  }

  boolean on() {
    return level != Level.off;
  }

  /**
   * A line of internals; the caller guarantees it holds no fact value. Shown {@link
   * Diagnostic#printable(String)}: it may name a file, or quote a text fact, with control characters.
   */
  void log(String line) {
    if (on()) {
      err.println("debug: " + Diagnostic.printable(line));
    }
  }

  void rules(Ruleset r, String source, long nanos) {
    if (!on()) {
      return;
    }
    log("rules: " + source + " (" + r.name() + " " + r.version() + ", sha256 " + r.sha256().substring(0, 12)
        + "…), loaded in " + millis(nanos) + ": " + r.countries().size() + " countries, " + r.permitIds().size()
        + " permits, " + r.facts().size() + " facts, " + r.derived().size() + " derived facts");
  }

  /** How many facts a case gives; their values only with --debug=facts. */
  void facts(String file, Case c, long nanos) {
    if (!on()) {
      return;
    }
    log("case " + file + ": read in " + millis(nanos) + ", " + c.facts().size() + " facts given");
    if (level == Level.facts) {
      for (Map.Entry<String, Object> f : c.facts().entrySet()) {
        log("case " + file + ": fact " + f.getKey() + " = " + f.getValue());
      }
    }
  }

  static String millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
  }
}
