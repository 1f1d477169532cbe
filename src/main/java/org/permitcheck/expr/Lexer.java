package org.permitcheck.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a criteria expression into tokens; reports the first character it cannot read. An expression
 * has at most {@link #MAX_TOKENS} tokens and a number at most {@link #MAX_NUMBER} characters, so that
 * compiling and evaluating it stays small (a long condition belongs in derived facts).
 */
final class Lexer {
  static final int MAX_TOKENS = 1000;
  static final int MAX_NUMBER = 30;

  private final String src;
  private int i;

  Lexer(String src) {
    this.src = src;
  }

  List<Token> tokens() throws ParseFailure {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (i >= src.length()) {
        out.add(new Token(Token.Kind.END, "", i, i));
        return out;
      }
      if (out.size() == MAX_TOKENS) {
        throw new ParseFailure(i, src.length(), "the expression is too long (more than " + MAX_TOKENS
            + " names, values and operators)", "split it into derived facts");
      }
      out.add(next());
    }
  }

  /**
   * Skips plain spaces, tabs and line breaks. Other spaces (a no-break space from a word processor)
   * are refused with a hint, like every character the language does not read ({@link LookAlikes}).
   */
  private void skipSpace() {
    while (i < src.length() && " \t\n\r".indexOf(src.charAt(i)) >= 0) {
      i++;
    }
  }

  private Token next() throws ParseFailure {
    int start = i;
    char c = src.charAt(i);
    if (isDigit(c)) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    if (Character.isLetter(c) || c == '_') {
      while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
        i++;
      }
      return new Token(Token.Kind.NAME, src.substring(start, i), start, i);
    }
    String two = i + 1 < src.length() ? src.substring(i, i + 2) : "";
    switch (two) {
      case "<=":
      case ">=":
      case "==":
      case "!=":
        i += 2;
        return new Token(Token.Kind.OP, two, start, i);
      case "&&":
        throw new ParseFailure(start, start + 2, "unknown operator '&&'", "write 'and'");
      case "||":
        throw new ParseFailure(start, start + 2, "unknown operator '||'", "write 'or'");
      default:
        break;
    }
    if ("<>+-*/()[],".indexOf(c) >= 0) {
      i++;
      return new Token(Token.Kind.OP, String.valueOf(c), start, i);
    }
    if (c == '=') {
      throw new ParseFailure(start, start + 1, "unexpected '='", "write '==' to compare two values");
    }
    if (c == '!') {
      throw new ParseFailure(start, start + 1, "unexpected '!'", "write 'not' to negate, or '!=' to compare");
    }
    int cp = src.codePointAt(start);
    throw new ParseFailure(start, start + Character.charCount(cp), "unexpected character " + LookAlikes.quote(cp),
        LookAlikes.hint(src, start));
  }

  /** Only ASCII digits are digits here: other scripts' digits are not numbers in the language. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Token number(int start) throws ParseFailure {
    Token t = digits(start);
    if (t.text().length() > MAX_NUMBER) {
      throw new ParseFailure(start, i, "number '" + t.text() + "' is too long",
          "check it for extra digits: a number has at most " + MAX_NUMBER + " digits");
    }
    return t;
  }

  private Token digits(int start) {
    while (i < src.length() && isDigit(src.charAt(i))) {
      i++;
    }
    // an ISO date: 4 digits, '-', 2 digits, '-', 2 digits
    if (i - start == 4 && matchesDateTail()) {
      i += 6;
      return new Token(Token.Kind.DATE, src.substring(start, i), start, i);
    }
    if (i + 1 < src.length() && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
      i++;
      while (i < src.length() && isDigit(src.charAt(i))) {
        i++;
      }
    }
    return new Token(Token.Kind.NUMBER, src.substring(start, i), start, i);
  }

  private boolean matchesDateTail() {
    if (i + 6 > src.length()) {
      return false;
    }
    String t = src.substring(i, i + 6);
    return t.charAt(0) == '-'
        && isDigit(t.charAt(1))
        && isDigit(t.charAt(2))
        && t.charAt(3) == '-'
        && isDigit(t.charAt(4))
        && isDigit(t.charAt(5));
  }

  /** Add the closing quote, or straighten the curly one that was meant to close the text. */
  private static String closingHint(CharSequence text, char quote) {
    for (int k = 0; k < text.length(); k++) {
      if (LookAlikes.isCurlyQuote(text.charAt(k))) {
        return "the text is closed with a curly quote " + text.charAt(k) + ": write a straight " + quote;
      }
    }
    return "add the closing " + quote;
  }

  private Token string(int start, char quote) throws ParseFailure {
    i++;
    StringBuilder text = new StringBuilder();
    while (i < src.length() && src.charAt(i) != quote) {
      text.append(src.charAt(i));
      i++;
    }
    if (i >= src.length()) {
      throw new ParseFailure(start, src.length(), "text is not closed", closingHint(text, quote));
    }
    i++;
    return new Token(Token.Kind.STRING, text.toString(), start, i);
  }
}
