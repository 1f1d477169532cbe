package org.permitcheck.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.Translation;
import org.permitcheck.report.Messages;

/** Prints diagnostics to stderr, each once, and the closing count. */
final class Diagnostics {
  private Diagnostics() {}

  /** Prints the diagnostics of a rules file, in English, each with an excerpt of its line. */
  static void print(PrintWriter err, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      err.println(d.render());
    }
  }

  /**
   * Prints the diagnostics of case files in the language of {@code m}. Without excerpts: the lines of
   * a case hold personal data, so only the message (which names the offending field) is shown.
   */
  static void print(PrintWriter err, List<Diagnostic> diagnostics, Messages m) {
    Translation t = Translation.of(m.language());
    for (Diagnostic d : diagnostics) {
      err.println(t.render(d.withExcerpt("")));
    }
  }

  /** "permitcheck: 2 errors in 2 files" (nothing when there are no errors). */
  static void summary(PrintWriter err, List<Diagnostic> diagnostics, Messages m) {
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    if (errors == 0) {
      return;
    }
    Set<String> files = new LinkedHashSet<>();
    diagnostics.stream().filter(Diagnostic::isError).forEach(d -> files.add(d.file()));
    err.println("permitcheck: " + m.get("summary.errors", m.count((int) errors, "count.error.one", "count.error.many"),
        m.count(files.size(), "count.file.one", "count.file.many")));
  }
}
