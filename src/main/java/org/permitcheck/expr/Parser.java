package org.permitcheck.expr;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser. Precedence, tightest first: {@code not} and unary minus; {@code * /};
 * {@code + -}; comparisons and {@code in} (not chainable); {@code and}; {@code or}.
 */
final class Parser {
  private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=", "in");
  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false");

  /** How deeply parentheses, brackets, calls and prefix operators may nest. */
  static final int MAX_DEPTH = 32;

  private final List<Token> tokens;
  private int p;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Ast parse(String source) throws ParseFailure {
    if (source.isBlank()) {
      throw new ParseFailure(0, 0, "the expression is empty", "write a condition, e.g. \"age >= 18\"");
    }
    int permit = permitId(source);
    if (permit >= 0) {
      int end = permit + 3;
      while (end < source.length() && (isAsciiLetterOrDigit(source.charAt(end)) || source.charAt(end) == '-')) {
        end++;
      }
      throw new ParseFailure(permit, end,
          "'" + source.substring(permit, end) + "' looks like a permit id, which a condition cannot use",
          "repeat the conditions it needs, or put them in a derived fact that both permits use");
    }
    Parser parser = new Parser(new Lexer(source).tokens());
    Ast ast = parser.or();
    Token t = parser.peek();
    if (t.kind() != Token.Kind.END) {
      throw new ParseFailure(t.start(), t.end(), "unexpected " + describe(t) + " after a complete condition",
          parser.missingOperatorHint(t));
    }
    return ast;
  }

  /**
   * Where a permit id such as DE-25b stands outside a text ('…' or "…", as the lexer reads them), or -1:
   * two capital letters, a dash and a letter or digit, not within a word. Names are lower-case, so it is
   * never a fact. A loop rather than a regular expression: every condition of the rules passes here at
   * each start of the program.
   */
  private static int permitId(String source) {
    char quote = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (isUpper(c) && i + 3 < source.length() && isUpper(source.charAt(i + 1))
          && source.charAt(i + 2) == '-' && isAsciiLetterOrDigit(source.charAt(i + 3))
          && (i == 0 || !isWordChar(source.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isUpper(c) || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private String missingOperatorHint(Token t) {
    if (t.kind() == Token.Kind.NAME && !KEYWORDS.contains(t.text())) {
      return "join two conditions with 'and' or 'or'";
    }
    if (t.is(")")) {
      return "this ')' has no matching '('";
    }
    return "join it to the condition with an operator such as 'and', or remove it";
  }

  private Token peek() {
    return tokens.get(p);
  }

  private Token take() {
    return tokens.get(p++);
  }

  private boolean accept(String op) {
    if (peek().is(op) && isOperatorToken(peek())) {
      p++;
      return true;
    }
    return false;
  }

  private static boolean isOperatorToken(Token t) {
    return t.kind() == Token.Kind.OP || KEYWORDS.contains(t.text());
  }

  private Ast or() throws ParseFailure {
    Ast left = and();
    while (peek().is("or")) {
      Token op = take();
      left = new Ast.Binary("or", left, and(), op.start(), op.end());
    }
    return left;
  }

  private Ast and() throws ParseFailure {
    Ast left = comparison();
    while (peek().is("and")) {
      Token op = take();
      left = new Ast.Binary("and", left, comparison(), op.start(), op.end());
    }
    return left;
  }

  private Ast comparison() throws ParseFailure {
    Ast left = additive();
    Token op = peek();
    if (isOperatorToken(op) && COMPARISONS.contains(op.text())) {
      p++;
      Ast right = additive();
      Token next = peek();
      if (isOperatorToken(next) && COMPARISONS.contains(next.text())) {
        throw new ParseFailure(next.start(), next.end(), "comparisons cannot be chained",
            "write two comparisons joined by 'and', e.g. \"a >= 14 and a < 27\"");
      }
      return new Ast.Binary(op.text(), left, right, op.start(), op.end());
    }
    return left;
  }

  private Ast additive() throws ParseFailure {
    Ast left = multiplicative();
    while (peek().kind() == Token.Kind.OP && (peek().is("+") || peek().is("-"))) {
      Token op = take();
      left = new Ast.Binary(op.text(), left, multiplicative(), op.start(), op.end());
    }
    return left;
  }

  private Ast multiplicative() throws ParseFailure {
    Ast left = unary();
    while (peek().kind() == Token.Kind.OP && (peek().is("*") || peek().is("/"))) {
      Token op = take();
      left = new Ast.Binary(op.text(), left, unary(), op.start(), op.end());
    }
    return left;
  }

  private Ast unary() throws ParseFailure {
    Token t = peek();
    if ((t.is("not") && t.kind() == Token.Kind.NAME) || (t.is("-") && t.kind() == Token.Kind.OP)) {
      p++;
      enter(t);
      Ast operand = unary();
      depth--;
      return new Ast.Unary(t.text(), operand, t.start());
    }
    return primary();
  }

  /**
   * Opens one level of nesting at {@code t} (a parenthesis, a bracket, a call, {@code not} or a unary
   * minus); the expression itself is level 0, so that {@link #MAX_DEPTH} levels are allowed.
   */
  private void enter(Token t) throws ParseFailure {
    if (++depth > MAX_DEPTH) {
      throw new ParseFailure(t.start(), t.end(), "the expression is nested more than " + MAX_DEPTH
          + " levels deep", "split it into derived facts");
    }
  }

  private Ast primary() throws ParseFailure {
    Token t = take();
    switch (t.kind()) {
      case NUMBER:
        return number(t);
      case STRING:
        // interned, as choice values are (see Type): a comparison with a fact's value is then a reference check
        return new Ast.Literal(t.text().intern(), Type.TEXT, t.start(), t.end());
      case DATE:
        return date(t);
      case NAME:
        return name(t);
      case OP:
        if (t.is("(")) {
          enter(t);
          Ast inner = or();
          expect(")", t, "this '(' is not closed");
          depth--;
          return inner;
        }
        if (t.is("[")) {
          return list(t);
        }
        throw new ParseFailure(t.start(), t.end(), "expected a value but found " + describe(t),
            "a value is missing before " + describe(t));
      case END:
      default:
        throw new ParseFailure(t.start(), t.end(), "the expression ends too early",
            "a value is missing at the end");
    }
  }

  private Ast name(Token t) throws ParseFailure {
    switch (t.text()) {
      case "true":
        return new Ast.Literal(Boolean.TRUE, Type.BOOLEAN, t.start(), t.end());
      case "false":
        return new Ast.Literal(Boolean.FALSE, Type.BOOLEAN, t.start(), t.end());
      case "and":
      case "or":
      case "in":
        throw new ParseFailure(t.start(), t.end(), "expected a value but found '" + t.text() + "'",
            "a value is missing before '" + t.text() + "'");
      default:
        break;
    }
    if (peek().is("(") && peek().kind() == Token.Kind.OP) {
      Token open = take();
      enter(t);
      List<Ast> args = new ArrayList<>();
      if (!peek().is(")")) {
        do {
          args.add(or());
        } while (accept(","));
      }
      Token close = expect(")", open, "the argument list of '" + t.text() + "' is not closed");
      depth--;
      return new Ast.Call(t.text(), args, t.start(), close.end(), t.end());
    }
    return new Ast.Name(t.text(), t.start(), t.end());
  }

  private Ast list(Token open) throws ParseFailure {
    enter(open);
    List<Ast> items = new ArrayList<>();
    if (!peek().is("]")) {
      do {
        items.add(or());
      } while (accept(","));
    }
    Token close = expect("]", open, "this '[' is not closed");
    depth--;
    return new Ast.ListLiteral(items, open.start(), close.end());
  }

  private Token expect(String op, Token opener, String message) throws ParseFailure {
    Token t = peek();
    if (t.is(op) && t.kind() == Token.Kind.OP) {
      return take();
    }
    if (t.kind() == Token.Kind.END) {
      throw new ParseFailure(opener.start(), opener.end(), message, "add '" + op + "'");
    }
    throw new ParseFailure(t.start(), t.end(), "expected '" + op + "' but found " + describe(t),
        t.kind() == Token.Kind.OP ? "close each '(' with ')' and each '[' with ']'"
            : "a ',' or an operator may be missing");
  }

  private static Ast number(Token t) throws ParseFailure {
    try {
      if (t.text().contains(".")) {
        return new Ast.Literal(new BigDecimal(t.text()), Type.DECIMAL, t.start(), t.end());
      }
      return new Ast.Literal(Long.parseLong(t.text()), Type.INTEGER, t.start(), t.end());
    } catch (NumberFormatException e) {
      throw new ParseFailure(t.start(), t.end(), "number '" + t.text() + "' is too large",
          "check it for extra digits: a whole number is at most 9223372036854775807");
    }
  }

  private static Ast date(Token t) throws ParseFailure {
    try {
      return new Ast.Literal(LocalDate.parse(t.text()), Type.DATE, t.start(), t.end());
    } catch (DateTimeException e) {
      throw new ParseFailure(t.start(), t.end(), "'" + t.text() + "' is not a valid date",
          "dates are written YYYY-MM-DD and must exist in the calendar");
    }
  }

  private static String describe(Token t) {
    switch (t.kind()) {
      case END:
        return "the end of the expression";
      case STRING:
        return "the text '" + t.text() + "'";
      default:
        return "'" + t.text() + "'";
    }
  }
}
