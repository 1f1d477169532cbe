package org.permitcheck.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns what Jackson and SnakeYAML throw into one located diagnostic in plain words. Their own
 * exception texts never reach the user: only recognised problems are described, anything else is
 * "a syntax error" at the position the parser gave. Each is said in phrases ({@link Phrase}), so that
 * the syntax errors of a case file follow the chosen language as its other diagnostics do.
 */
final class ParseErrors {
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

  static Diagnostic error(SourceText source, Pos pos, Phrase message) {
    return Diagnostic.of(Severity.ERROR, source.name(), pos.line(), pos.column(),
        pos.line() > 0 ? source.line(pos.line()) : "", message, null);
  }

  /** A problem of the file, and a hint (or null). */
  private Diagnostic error(Pos pos, Phrase message, Phrase hint) {
    // a problem of the whole file is reported at its first line, without a column or an excerpt
    return error(source, pos.line() > 0 ? pos : new Pos(source.firstLine(), 0), message).withHint(hint);
  }

  Diagnostic tooLarge() {
    return error(Pos.NONE, Phrase.of("file.too_large", Limits.size(limits.maxBytes())), Phrase.of("hint.split_file"));
  }

  Diagnostic tooDeep(Pos pos) {
    return error(pos, Phrase.of("syntax.too_deep", limits.maxDepth()), limitsHint());
  }

  Diagnostic tooLong(Pos pos) {
    return error(pos, Phrase.of("syntax.too_long", limits.maxStringLength()), limitsHint());
  }

  Diagnostic tooManyDigits(Pos pos) {
    return error(pos, Phrase.of("syntax.too_many_digits", limits.maxNumberLength()), limitsHint());
  }

  private static Phrase limitsHint() {
    return Phrase.of("hint.limits");
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
    String format = yaml ? "YAML" : "JSON";
    return error(Pos.NONE, Phrase.of("syntax.unreadable", format), Phrase.of("hint.text_file", format));
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
    return error(pos, Phrase.of("syntax.size_limit"), limitsHint());
  }

  private Diagnostic control(ReaderException e) {
    Pos pos = posOfCodePoint(e.getPosition());
    return error(pos, Phrase.of("syntax.control", codePoint(e.getCodePoint())), Phrase.of("hint.not_text"));
  }

  private Diagnostic yaml(MarkedYAMLException e) {
    var mark = e.getProblemMark();
    Pos pos = mark == null ? Pos.NONE : new Pos(mark.getLine() + source.firstLine(), mark.getColumn() + 1);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    Pos unclosed = yamlProblem(problem).key().equals("syntax.yaml.indent") ? unclosedQuote(pos) : Pos.NONE;
    if (unclosed.line() > 0) {
      return error(unclosed, Phrase.of("syntax.yaml.unclosed_quote"), Phrase.of("hint.close_quote"));
    }
    if (problem.contains("<stream end>") && (problem.startsWith("expected the node content")
        || problem.startsWith("expected ','"))) {
      Pos open = lastOpening(pos);
      return error(open.line() > 0 ? open : pos, Phrase.of("syntax.yaml.ends_inside"),
          Phrase.of("hint.close_brackets"));
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
      return error(pos, Phrase.of("syntax.yaml.key_single"), Phrase.of("hint.plain_keys"));
    }
    return error(pos, Phrase.of("syntax.yaml"), null);
  }

  /** What SnakeYAML's problem means, in a phrase. */
  static Phrase yamlProblem(String problem) {
    if (problem.contains("TAB")) {
      return Phrase.of("syntax.yaml.tab");
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return Phrase.of("syntax.yaml.colon");
    }
    if (problem.startsWith("could not find expected ':'")) {
      return Phrase.of("syntax.yaml.missing_colon");
    }
    if (problem.startsWith("found undefined alias")) {
      return Phrase.of("syntax.yaml.alias_missing");
    }
    if (problem.startsWith("found duplicate anchor")) {
      return Phrase.of("syntax.yaml.anchor_twice");
    }
    if (problem.startsWith("expected <block end>") || problem.contains("block mapping")
        || problem.contains("block collection")) {
      return Phrase.of("syntax.yaml.indent");
    }
    if (problem.startsWith("found unexpected end of stream")) {
      return Phrase.of("syntax.yaml.ends_in_quote");
    }
    if (problem.startsWith("expected ',' or ']'")) {
      return Phrase.of("syntax.yaml.list_open");
    }
    if (problem.startsWith("expected ',' or '}'")) {
      return Phrase.of("syntax.yaml.mapping_open");
    }
    if (problem.startsWith("found character")) {
      String what = problem.replaceAll("found character '(.*?)' that cannot start any token.*", "$1");
      return Phrase.of("syntax.yaml.bad_start", what);
    }
    if (problem.contains("escape")) {
      return Phrase.of("syntax.yaml.escape");
    }
    return Phrase.of("syntax.yaml");
  }

  /** How to mend what SnakeYAML's problem means, or null. */
  static Phrase yamlHint(String problem) {
    if (problem.contains("TAB")) {
      return Phrase.of("hint.tab");
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return Phrase.of("hint.colon");
    }
    if (problem.startsWith("found character")) {
      return Phrase.of("hint.quote_value");
    }
    if (problem.startsWith("expected <block end>") || problem.contains("block mapping")
        || problem.contains("block collection")) {
      return Phrase.of("hint.align");
    }
    if (problem.startsWith("expected ',' or ']'")) {
      return Phrase.of("hint.close_list");
    }
    if (problem.startsWith("expected ',' or '}'")) {
      return Phrase.of("hint.close_mapping");
    }
    if (problem.contains("escape")) {
      return Phrase.of("hint.backslash_yaml");
    }
    return null;
  }

  private Diagnostic json(JsonProcessingException e) {
    Pos pos = pos(e.getLocation());
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher unexpected = UNEXPECTED.matcher(original);
    Matcher control = CONTROL.matcher(original);
    if (original.startsWith("Unexpected end-of-input")) {
      return error(pos, Phrase.of("syntax.json.ends"), Phrase.of("hint.json.closing"));
    }
    if (control.find()) {
      return error(pos, Phrase.of("syntax.json.control", codePoint(Integer.parseInt(control.group(1)))),
          Phrase.of("hint.not_text"));
    }
    if (unexpected.find()) {
      String c = unexpected.group(1);
      boolean closing = (c.equals("}") || c.equals("]"))
          && (original.contains("start field name") || original.contains("expected a valid value"));
      return error(pos, Phrase.of("syntax.json.unexpected", c),
          closing ? Phrase.of("hint.json.trailing_comma", c) : Phrase.of("hint.json.missing"));
    }
    if (original.startsWith("Duplicate field")) {
      return error(pos, Phrase.of("syntax.json.duplicate"), Phrase.of("hint.keep_one"));
    }
    if (original.contains("Unrecognized token")) {
      return error(pos, Phrase.of("syntax.json.word"), Phrase.of("hint.json.word"));
    }
    if (original.contains("Invalid UTF-8")) {
      return error(pos, Phrase.of("syntax.not_utf8"), Phrase.of("hint.utf8"));
    }
    if (original.contains("Leading zeroes")) {
      return error(pos, Phrase.of("syntax.json.leading_zero"), Phrase.of("hint.json.leading_zero"));
    }
    Matcher token = NON_STANDARD.matcher(original);
    if (token.find()) {
      return error(pos, Phrase.of("syntax.json.non_standard", token.group(1)), Phrase.of("hint.json.non_standard"));
    }
    Matcher escape = ESCAPE.matcher(original);
    if (escape.find()) {
      return error(pos, Phrase.of("syntax.json.escape", escape.group(1)), Phrase.of("hint.json.backslash"));
    }
    return error(pos, Phrase.of("syntax.json"), Phrase.of("hint.json"));
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
