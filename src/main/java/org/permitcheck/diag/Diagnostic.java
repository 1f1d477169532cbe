package org.permitcheck.diag;

import java.util.List;
import java.util.Objects;

/**
 * One located problem in a user's file: {@code file:line:col: severity: message}, an optional excerpt
 * of the offending line with a caret under the column, and hints. Line and column are 1-based; 0 means
 * "not known" (e.g. an empty file).
 */
public record Diagnostic(
    Severity severity,
    String file,
    int line,
    int column,
    String message,
    String excerpt,
    List<String> hints) {

  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(file);
    Objects.requireNonNull(message);
    excerpt = excerpt == null ? "" : excerpt;
    hints = List.copyOf(hints);
  }

  public static Diagnostic error(String file, int line, int column, String message) {
    return new Diagnostic(Severity.ERROR, file, line, column, message, "", List.of());
  }

  /** Diagnostics in file order: by file, line and column (stable for equal positions). */
  public static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return List.of();
    }
    List<Diagnostic> out = new java.util.ArrayList<>(diagnostics);
    out.sort(java.util.Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
        .thenComparingInt(Diagnostic::column));
    return List.copyOf(out);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic withHint(String hint) {
    if (hint == null || hint.isEmpty()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(hints);
    all.add(hint);
    return new Diagnostic(severity, file, line, column, message, excerpt, all);
  }

  public Diagnostic withExcerpt(String sourceLine) {
    return new Diagnostic(severity, file, line, column, message, sourceLine, hints);
  }

  /** The location prefix, e.g. {@code rules.yaml:12:7}. */
  public String location() {
    if (line <= 0) {
      return file;
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }

  /** The whole diagnostic as the user reads it, lines separated by {@code \n}, no final newline. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(location()).append(": ").append(severity.label()).append(": ").append(message);
    if (!excerpt.isEmpty() && column > 0) {
      String shown = excerpt.stripTrailing();
      out.append('\n').append("    ").append(shown).append('\n').append("    ");
      int caret = Math.min(column - 1, shown.length());
      for (int i = 0; i < caret; i++) {
        out.append(shown.charAt(i) == '\t' ? '\t' : ' ');
      }
      out.append('^');
    }
    for (String hint : hints) {
      out.append('\n').append("  hint: ").append(hint);
    }
    return out.toString();
  }
}
