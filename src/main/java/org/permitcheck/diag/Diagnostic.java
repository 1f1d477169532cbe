package org.permitcheck.diag;

import java.util.List;
import java.util.Objects;

/**
 * One located problem in a user's file: {@code file:line:col: severity: message}, an optional excerpt
 * of the offending line with a caret under the column, and hints. Line and column are 1-based; 0 means
 * "not known" (e.g. an empty file).
 *
 * @param withoutValues the message without the values of the case it quotes (a date of birth, a
 *     word given for a number), for output that must leave fact values out ({@code --redact}); the
 *     message itself when it quotes none
 * @param wording the message, the message without values and the hints as {@link Phrase}s, so that
 *     {@link Translation} can say them in another language; null for a diagnostic said only in English
 *     (those about rules files, and the syntax errors of YAML and JSON)
 */
public record Diagnostic(
    Severity severity,
    String file,
    int line,
    int column,
    String message,
    String excerpt,
    List<String> hints,
    String withoutValues,
    Wording wording) {

  /**
   * What a diagnostic says, as phrases: its message, its message without the case's values (null when
   * the message quotes none) and its hints, in the order of {@link #hints()}.
   */
  public record Wording(Phrase message, Phrase withoutValues, List<Phrase> hints) {
    public Wording {
      Objects.requireNonNull(message);
      hints = List.copyOf(hints);
    }

    Wording with(Phrase hint) {
      List<Phrase> all = new java.util.ArrayList<>(hints);
      all.add(hint);
      return new Wording(message, withoutValues, all);
    }
  }

  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(file);
    Objects.requireNonNull(message);
    excerpt = excerpt == null ? "" : excerpt; // escaped when rendered, where the caret is placed
    message = shorten(printable(message, false));
    hints = hints.stream().map(h -> shorten(printable(h, false))).toList();
    withoutValues = withoutValues == null ? message : shorten(printable(withoutValues, false));
  }

  /**
   * What the diagnostic says, as a name that stays the same in every language and from one wording of
   * the message to the next ({@code fact.expects.value}): its message key, for scripts that sort
   * problems; null for one said only in English (those about rules files).
   */
  public String code() {
    return wording == null ? null : wording.message().key();
  }

  /**
   * The hints that may go with {@link #withoutValues()}: when the message quotes a value of the case, a
   * "did you mean" guesses that value ("did you mean 'duldung'?" for a status misspelt), so it is left
   * out; other hints ("write dates as YYYY-MM-DD", the list of allowed values) say nothing of the case.
   */
  public List<String> hintsWithoutValues() {
    if (wording == null || withoutValues.equals(message)) {
      return hints;
    }
    List<String> out = new java.util.ArrayList<>(hints.size());
    for (int i = 0; i < hints.size(); i++) {
      if (i >= wording.hints().size() || !"hint.did_you_mean".equals(wording.hints().get(i).key())) {
        out.add(hints.get(i));
      }
    }
    return out;
  }

  /** A diagnostic said only in English. */
  public Diagnostic(Severity severity, String file, int line, int column, String message, String excerpt,
      List<String> hints, String withoutValues) {
    this(severity, file, line, column, message, excerpt, hints, withoutValues, null);
  }

  /** A diagnostic said only in English, whose message quotes no value of the case. */
  public Diagnostic(Severity severity, String file, int line, int column, String message, String excerpt,
      List<String> hints) {
    this(severity, file, line, column, message, excerpt, hints, null, null);
  }

  /**
   * A diagnostic that can be said in every language: its English text is its phrases in English.
   * {@code withoutValues} is null when the message quotes no value of the case.
   */
  public static Diagnostic of(Severity severity, String file, int line, int column, String excerpt, Phrase message,
      Phrase withoutValues) {
    return new Diagnostic(severity, file, line, column, message.english(), excerpt, List.of(),
        withoutValues == null ? null : withoutValues.english(), new Wording(message, withoutValues, List.of()));
  }

  /** An error, without an excerpt, that can be said in every language. */
  public static Diagnostic error(String file, int line, int column, Phrase message) {
    return of(Severity.ERROR, file, line, column, "", message, null);
  }

  /**
   * The text without characters that would act on a terminal rather than show, or that cannot be seen:
   * control characters (an escape sequence in a case file must not recolour or rewrite the screen),
   * format characters (direction marks and overrides, zero-width spaces and joiners, U+FEFF), line and
   * paragraph separators, spaces other than the plain one (a no-break space looks like a space) and
   * blank fillers are shown as {@code \u001B}. Tabs are too, unless {@code keepTabs} (in an excerpt,
   * where the caret line repeats them to stay under its column).
   */
  static String printable(String text, boolean keepTabs) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int n = Character.charCount(c);
      boolean bad = c == '\t' ? !keepTabs : hidden(c) || (c != ' ' && blank(c));
      if (bad && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (bad) {
        out.append(String.format(java.util.Locale.ROOT, c > 0xffff ? "\\U%08X" : "\\u%04X", c));
      } else if (out != null) {
        out.append(text, i, i + n);
      }
      i += n;
    }
    return out == null ? text : out.toString();
  }

  /**
   * The text with every control character and direction mark shown escaped ({@code \u001B}): for
   * text from a case (its id, a text fact) printed where it could act on a terminal.
   */
  public static String printable(String text) {
    return printable(text, false);
  }

  /** Control and format characters and line separators: they act, or take no room, on a terminal. */
  private static boolean hidden(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Characters that show as blank space (or nothing) and so cannot be told apart from a space. */
  private static boolean blank(int c) {
    return Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x034f || c == 0x115f || c == 0x1160
        || c == 0x17b4 || c == 0x17b5 || c == 0x2800 || c == 0x3164 || c == 0xffa0
        || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
  }

  /** Longest quoted value shown in a message; longer ones are cut (they may be huge, or personal). */
  static final int MAX_QUOTED = 60;
  /** Longest excerpt shown: a window of the offending line around the column. */
  static final int MAX_EXCERPT = 100;

  /**
   * Cuts every quoted value longer than {@link #MAX_QUOTED} characters (quotes are taken in pairs, as
   * messages write them), and the whole text at 1000 characters.
   */
  static String shorten(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('\'', i);
      int close = open < 0 ? -1 : text.indexOf('\'', open + 1);
      if (close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open + 1);
      int length = close - open - 1;
      if (length > MAX_QUOTED) {
        // cut to MAX_QUOTED characters with the ellipsis, so that shortening again changes nothing
        out.append(text, open + 1, open + MAX_QUOTED).append("…'");
        out.append(" (").append(length).append(" characters)");
      } else {
        out.append(text, open + 1, close + 1);
      }
      i = close + 1;
    }
    return out.length() <= 1000 ? out.toString() : out.substring(0, 1000) + "…";
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
    return withHint(hint, wording == null ? null : wording.with(Phrase.literal(hint)));
  }

  /** The diagnostic with one more hint, said in every language; none when {@code hint} is null. */
  public Diagnostic withHint(Phrase hint) {
    if (hint == null) {
      return this;
    }
    return withHint(hint.english(), wording == null ? null : wording.with(hint));
  }

  private Diagnostic withHint(String hint, Wording w) {
    List<String> all = new java.util.ArrayList<>(hints);
    all.add(hint);
    return new Diagnostic(severity, file, line, column, message, excerpt, all, withoutValues, w);
  }

  /** The same diagnostic with {@code hint} instead of its hints. */
  public Diagnostic withOnlyHint(String hint) {
    return new Diagnostic(severity, file, line, column, message, excerpt, List.of(hint), withoutValues,
        wording == null ? null : new Wording(wording.message(), wording.withoutValues(), List.of(Phrase.literal(hint))));
  }

  /** The same diagnostic, said in English in every language (one about a rules file). */
  public Diagnostic inEnglishOnly() {
    return wording == null ? this : new Diagnostic(severity, file, line, column, message, excerpt, hints,
        withoutValues, null);
  }

  public Diagnostic withExcerpt(String sourceLine) {
    return new Diagnostic(severity, file, line, column, message, sourceLine, hints, withoutValues, wording);
  }

  /**
   * The location prefix, e.g. {@code rules.yaml:12:7}, with the file name {@link #printable(String)}: a
   * name may hold control characters as a value may ({@link #file()} is the name itself).
   */
  public String location() {
    String name = printable(file, true);
    if (line <= 0) {
      return name;
    }
    return column <= 0 ? name + ":" + line : name + ":" + line + ":" + column;
  }

  /** The whole diagnostic as the user reads it, lines separated by {@code \n}, no final newline. */
  public String render() {
    List<String> hintLines = new java.util.ArrayList<>(hints.size());
    for (String hint : hints) {
      hintLines.add("hint: " + hint);
    }
    return render(location() + ": " + severity.label() + ": " + message, hintLines);
  }

  /**
   * {@link #render()} with its first line ({@code file:line:col: severity: message}) and its hint
   * lines as given: said in another language ({@link Translation#render}).
   */
  String render(String head, List<String> hintLines) {
    StringBuilder out = new StringBuilder();
    out.append(head);
    if (!excerpt.isEmpty() && column > 0) {
      // invisible characters are shown escaped, so the caret moves by the length of those before it
      String shown = printable(excerpt, true).stripTrailing();
      int caret = Math.min(printable(excerpt.substring(0, Math.min(column - 1, excerpt.length())), true).length(),
          shown.length());
      if (shown.length() > MAX_EXCERPT) {
        int from = Math.max(0, Math.min(caret - MAX_EXCERPT / 2, shown.length() - MAX_EXCERPT));
        String window = shown.substring(from, from + MAX_EXCERPT);
        shown = (from > 0 ? "…" : "") + window + (from + MAX_EXCERPT < shown.length() ? "…" : "");
        caret = caret - from + (from > 0 ? 1 : 0);
      }
      out.append('\n').append("    ").append(shown).append('\n').append("    ");
      for (int i = 0; i < caret; i++) {
        out.append(shown.charAt(i) == '\t' ? '\t' : ' ');
      }
      out.append('^');
    }
    for (String hint : hintLines) {
      out.append('\n').append("  ").append(hint);
    }
    return out.toString();
  }
}
