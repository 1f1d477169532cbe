package org.permitcheck.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns what Jackson and SnakeYAML throw into one located diagnostic in plain words. Their own
 * exception texts never reach the user: only recognised problems are described, anything else is
 * "a syntax error" at the position the parser gave.
 */
final class ParseErrors {
  private static final String LIMITS_HINT = "see 'Limits and guarantees' in the README";
  private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.{1,2})' \\(code");
  private static final Pattern CONTROL = Pattern.compile("CTRL-CHAR, code (\\d+)");

  private final SourceText source;
  private final boolean yaml;
  private final Limits limits;

  ParseErrors(SourceText source, boolean yaml, Limits limits) {
    this.source = source;
    this.yaml = yaml;
    this.limits = limits;
  }

  static Diagnostic error(SourceText source, Pos pos, String message) {
    return new Diagnostic(Severity.ERROR, source.name(), pos.line(), pos.column(), message,
        pos.line() > 0 ? source.line(pos.line()) : "", List.of());
  }

  private Diagnostic error(Pos pos, String message, String hint) {
    // a problem of the whole file is reported at its first line, without a column or an excerpt
    return error(source, pos.line() > 0 ? pos : new Pos(source.firstLine(), 0), message).withHint(hint);
  }

  Diagnostic tooLarge() {
    return error(Pos.NONE, "the file is larger than the limit of " + Limits.size(limits.maxBytes()),
        "split it, or use NDJSON with one case per line");
  }

  Diagnostic tooDeep(Pos pos) {
    return error(pos, "values are nested more than " + limits.maxDepth() + " levels deep", LIMITS_HINT);
  }

  Diagnostic tooLong(Pos pos) {
    return error(pos, "a text is longer than the limit of " + limits.maxStringLength() + " characters",
        LIMITS_HINT);
  }

  Diagnostic tooManyDigits(Pos pos) {
    return error(pos, "a number has more than " + limits.maxNumberLength() + " characters", LIMITS_HINT);
  }

  /** The diagnostic for anything the parser threw. */
  Diagnostic of(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return limit((StreamConstraintsException) t);
      }
      if (t instanceof ReaderException) {
        return control((ReaderException) t);
      }
      if (t instanceof MarkedYAMLException) {
        return yaml((MarkedYAMLException) t);
      }
    }
    if (e instanceof JsonProcessingException) {
      return yaml ? yamlStructure((JsonProcessingException) e) : json((JsonProcessingException) e);
    }
    String text = String.valueOf(e.getMessage());
    if (text.contains("code point") || text.contains("exceeds the limit")) {
      return tooLarge();
    }
    if (text.contains("Nesting Depth") || text.contains("nesting depth")) {
      return tooDeep(Pos.NONE);
    }
    return error(Pos.NONE, yaml ? "the file cannot be read as YAML" : "the file cannot be read as JSON",
        "check that it is a text file in " + (yaml ? "YAML" : "JSON"));
  }

  private Diagnostic limit(StreamConstraintsException e) {
    String original = String.valueOf(e.getOriginalMessage());
    Pos pos = pos(e.getLocation());
    if (original.contains("nesting depth")) {
      return tooDeep(pos);
    }
    if (original.contains("String value length") || original.contains("Name length")) {
      return tooLong(pos);
    }
    if (original.contains("Number value length")) {
      return tooManyDigits(pos);
    }
    if (original.contains("Document length")) {
      return tooLarge();
    }
    return error(pos, "the file exceeds a size limit", LIMITS_HINT);
  }

  private Diagnostic control(ReaderException e) {
    Pos pos = posOfCodePoint(e.getPosition());
    return error(pos, "the file contains a control character (" + codePoint(e.getCodePoint())
        + "), which is not allowed in text", "the file may not be a text file: save it as UTF-8 text");
  }

  private Diagnostic yaml(MarkedYAMLException e) {
    var mark = e.getProblemMark();
    Pos pos = mark == null ? Pos.NONE : new Pos(mark.getLine() + source.firstLine(), mark.getColumn() + 1);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    Pos unclosed = yamlProblem(problem).endsWith("not indented like the lines around it")
        ? unclosedQuote(pos) : Pos.NONE;
    if (unclosed.line() > 0) {
      return error(unclosed, "YAML syntax error: this quoted text is not closed on its line", "add the closing '\"'");
    }
    if (problem.contains("<stream end>") && (problem.startsWith("expected the node content")
        || problem.startsWith("expected ','"))) {
      Pos open = lastOpening(pos);
      return error(open.line() > 0 ? open : pos,
          "YAML syntax error: the file ends inside a list in [brackets] or a mapping in {braces}",
          "close it with ']' or '}'");
    }
    return error(pos, yamlProblem(problem), yamlHint(problem));
  }

  /** The last '[' or '{' at or above the line of {@code pos} (within 50 lines), else NONE. */
  private Pos lastOpening(Pos pos) {
    for (int line = pos.line(); line >= source.firstLine() && line >= pos.line() - 50; line--) {
      String text = source.line(line);
      int at = Math.max(text.lastIndexOf('['), text.lastIndexOf('{'));
      if (at >= 0) {
        return new Pos(line, at + 1);
      }
    }
    return Pos.NONE;
  }

  /**
   * The opening quote of a double-quoted text left open on an earlier line, which then ran on to the
   * first quote of the line of {@code pos} (so that the rest of that line is out of place); NONE when
   * the lines do not look so. The lines in between hold no quote, as the text would have ended there.
   */
  private Pos unclosedQuote(Pos pos) {
    int first = source.line(pos.line()).indexOf('"');
    if (first < 0 || first >= pos.column()) {
      return Pos.NONE;
    }
    for (int above = pos.line() - 1; above >= source.firstLine() && above >= pos.line() - 50; above--) {
      String text = source.line(above);
      if (text.indexOf('"') >= 0) {
        return quotes(text) % 2 == 1 ? new Pos(above, text.lastIndexOf('"') + 1) : Pos.NONE;
      }
    }
    return Pos.NONE;
  }

  /** The number of double quotes on a line that are not escaped. */
  private static int quotes(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  /** Jackson's own complaints about a YAML structure it cannot map, e.g. a list used as a key. */
  private Diagnostic yamlStructure(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    Pos pos = pos(e.getLocation());
    if (original.startsWith("Expected a field name")) {
      return error(pos, "YAML syntax error: a key must be a single value", "write keys as plain names");
    }
    return error(pos, "YAML syntax error", "");
  }

  static String yamlProblem(String problem) {
    if (problem.contains("TAB")) {
      return "YAML syntax error: a tab character cannot be used for indentation";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "YAML syntax error: unexpected ':' here";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "YAML syntax error: a key is missing its ':'";
    }
    if (problem.startsWith("found undefined alias")) {
      return "YAML syntax error: alias to an anchor that does not exist";
    }
    if (problem.startsWith("found duplicate anchor")) {
      return "YAML syntax error: the same anchor is defined twice";
    }
    if (problem.startsWith("expected <block end>") || problem.contains("block mapping")
        || problem.contains("block collection")) {
      return "YAML syntax error: this line is not indented like the lines around it";
    }
    if (problem.startsWith("found unexpected end of stream")) {
      return "YAML syntax error: the file ends inside a quoted text";
    }
    if (problem.startsWith("expected ',' or ']'")) {
      return "YAML syntax error: a list in [brackets] is not closed, or a ',' is missing";
    }
    if (problem.startsWith("expected ',' or '}'")) {
      return "YAML syntax error: a mapping in {braces} is not closed, or a ',' is missing";
    }
    if (problem.startsWith("found character")) {
      String what = problem.replaceAll("found character '(.*?)' that cannot start any token.*", "$1");
      return "YAML syntax error: a value cannot start with '" + what + "'";
    }
    if (problem.contains("escape")) {
      return "YAML syntax error: unknown escape sequence in a quoted text";
    }
    return "YAML syntax error";
  }

  static String yamlHint(String problem) {
    if (problem.contains("TAB")) {
      return "indent with spaces only";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "check the indentation of this line, or put text that contains ': ' in quotes";
    }
    if (problem.startsWith("found character")) {
      return "put the value in quotes";
    }
    if (problem.startsWith("expected <block end>") || problem.contains("block mapping")
        || problem.contains("block collection")) {
      return "align this key with the keys above it, using spaces";
    }
    if (problem.startsWith("expected ',' or ']'")) {
      return "close the list with ']'";
    }
    if (problem.startsWith("expected ',' or '}'")) {
      return "close the mapping with '}'";
    }
    if (problem.contains("escape")) {
      return "write a backslash as \\\\, or use single quotes";
    }
    return "";
  }

  private Diagnostic json(JsonProcessingException e) {
    Pos pos = pos(e.getLocation());
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher unexpected = UNEXPECTED.matcher(original);
    Matcher control = CONTROL.matcher(original);
    if (original.startsWith("Unexpected end-of-input")) {
      return error(pos, "JSON syntax error: the text ends in the middle of a value",
          "a closing bracket, brace or quote is missing");
    }
    if (control.find()) {
      return error(pos, "the file contains a control character ("
          + codePoint(Integer.parseInt(control.group(1))) + "), which is not allowed here",
          "the file may not be a text file: save it as UTF-8 text");
    }
    if (unexpected.find()) {
      String c = unexpected.group(1);
      boolean closing = (c.equals("}") || c.equals("]"))
          && (original.contains("start field name") || original.contains("expected a valid value"));
      return error(pos, "JSON syntax error: unexpected character '" + c + "'", closing
          ? "JSON allows no comma just before a closing '" + c + "': remove it"
          : "check for a missing comma, colon or quote just before it");
    }
    if (original.startsWith("Duplicate field")) {
      return error(pos, "duplicate key in a JSON object", "keep only one of them");
    }
    if (original.contains("Unrecognized token")) {
      return error(pos, "JSON syntax error: a word that is not a JSON value",
          "texts must be in double quotes; use true, false or null for those values");
    }
    if (original.contains("Invalid UTF-8")) {
      return error(pos, "the file is not valid UTF-8 text", "save it as UTF-8");
    }
    if (original.contains("Leading zeroes")) {
      return error(pos, "JSON syntax error: a number starts with 0", "write 12, not 012 (a text such as a "
          + "file number goes in double quotes)");
    }
    Matcher token = NON_STANDARD.matcher(original);
    if (token.find()) {
      return error(pos, "JSON syntax error: '" + token.group(1) + "' is not a JSON value",
          "write a number, or leave the fact out when it is not known");
    }
    Matcher escape = ESCAPE.matcher(original);
    if (escape.find()) {
      return error(pos, "JSON syntax error: '\\" + escape.group(1) + "' is not an escape JSON knows",
          "write a backslash as \\\\");
    }
    return error(pos, "JSON syntax error", "texts go in double quotes, numbers without leading zeros or "
        + "a plus sign, and no comma before a closing '}' or ']'");
  }

  private static final Pattern NON_STANDARD = Pattern.compile("^Non-standard token '([^']{1,20})'");
  private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");

  private Pos pos(JsonLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return Pos.NONE;
    }
    return new Pos(loc.getLineNr() + source.firstLine() - 1, Math.max(1, loc.getColumnNr()));
  }

  /** The line and column of the {@code index}-th code point of the text. */
  private Pos posOfCodePoint(int index) {
    String text = source.text();
    int line = source.firstLine();
    int column = 1;
    int i = 0;
    for (int seen = 0; i < text.length() && seen < index; seen++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Pos(line, column);
  }

  private static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }
}
