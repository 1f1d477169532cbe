package org.permitcheck.report;

import org.permitcheck.diag.Diagnostic;

/** Markdown escaping: texts from rules and cases are shown as written, never read as markup. */
final class Md {
  private Md() {}

  /**
   * Escapes the characters that Markdown would read as markup, and line breaks; control characters
   * are shown escaped ({@code \u001B}), so that a case's text cannot act on a terminal showing it.
   */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '#':
        case '|':
          out.append('\\').append(c);
          break;
        case '\n':
        case '\r':
          out.append(' ');
          break;
        default:
          out.append(c);
      }
    }
    return Diagnostic.printable(out.toString());
  }

  /** A table cell: escaped, on one line. */
  static String cell(String s) {
    return escape(s);
  }
}
