package org.permitcheck.expr;

import java.util.Locale;

/**
 * What to write instead of a character the language does not read, above all those a word processor
 * puts in place of plain ones: typographic operators and quotes, spaces other than the plain one,
 * invisible characters and digits of other scripts.
 */
final class LookAlikes {
  /** Quotes other than the straight ones, which text copied from a document often has. */
  private static final String CURLY_QUOTES = "‘’‚‛“”„‟′″«»‹›";

  private LookAlikes() {}

  /** Whether {@code c} is a typographic quote rather than {@code '} or {@code "}. */
  static boolean isCurlyQuote(char c) {
    return CURLY_QUOTES.indexOf(c) >= 0;
  }

  /**
   * The character as the message quotes it, with its name when it cannot be seen, e.g. {@code
   * '\u00A0' (no-break space)}: the message shows it escaped, the name says what it is.
   */
  static String quote(int c) {
    String quoted = "'" + new String(Character.toChars(c)) + "'";
    String name = Character.getName(c);
    return invisible(c) || space(c) ? quoted + " (" + (name == null ? "invisible" : name.toLowerCase(Locale.ROOT)) + ")"
        : quoted;
  }

  /** What to do about the character at {@code at} of {@code src}, which the lexer cannot read. */
  static String hint(String src, int at) {
    int c = src.codePointAt(at);
    switch (c) {
      case '≤':
      case '⩽':
        return "write '<='";
      case '≥':
      case '⩾':
        return "write '>='";
      case '≠':
        return "write '!='";
      case '−':
      case '‐':
      case '‑':
      case '‒':
      case '–':
      case '—':
        return "write '-' (the plain minus of the keyboard)";
      case '×':
      case '∗':
      case '⋅':
      case '·':
        return "write '*'";
      case '÷':
      case '∕':
        return "write '/'";
      case '&':
        return "write 'and'";
      case '|':
        return "write 'or'";
      default:
        return other(src, at, c);
    }
  }

  private static String other(String src, int at, int c) {
    if (c <= 0xffff && isCurlyQuote((char) c)) {
      return "use straight quotes, as in " + straightened(src, at);
    }
    if (space(c)) {
      return "use a plain space";
    }
    if (invisible(c)) {
      return "remove this invisible character (it often comes with text pasted from a document)";
    }
    if (Character.isDigit(c)) {
      return "write numbers with the digits 0 to 9";
    }
    return "remove it, or write one of the operators + - * / < <= > >= == != and or not in";
  }

  /** The text that starts at the curly quote at {@code at}, between straight quotes. */
  private static String straightened(String src, int at) {
    int end = at + 1;
    while (end < src.length() && !isCurlyQuote(src.charAt(end)) && src.charAt(end) != '\'') {
      end++;
    }
    String text = src.substring(at + 1, end).strip();
    return end < src.length() && !text.isBlank() && text.length() <= 40 ? "'" + text + "'" : "'text'";
  }

  /** A space other than the plain one: no-break, narrow, ideographic, line and paragraph separators. */
  private static boolean space(int c) {
    int type = Character.getType(c);
    return c != ' ' && (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR);
  }

  /** A character that takes no room: zero-width spaces and joiners, direction marks, controls. */
  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.CONTROL;
  }
}
