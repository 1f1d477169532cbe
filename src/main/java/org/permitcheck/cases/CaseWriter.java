package org.permitcheck.cases;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Comments;
import org.permitcheck.tree.TreeReader;

/**
 * Writes a case as a YAML case file that {@link CaseReader} reads back to the same case: every fact
 * type, lists of records and status histories included. Facts come in the order the rules declare
 * them. Pure: returns the text; the caller decides where it goes.
 */
public final class CaseWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  /** Plain words YAML would read as something other than text. */
  private static final Set<String> RESERVED = Set.copyOf(TreeReader.NOT_TEXT_WORDS);

  private final Ruleset rules;

  public CaseWriter(Ruleset rules) {
    this.rules = rules;
  }

  public String write(Case c) {
    return write(c, Comments.NONE);
  }

  /**
   * The case with the comments of the file it was read from, each put back above, after or below the
   * entry it belonged to. A comment whose entry is no longer written (an answer taken back, a list
   * item removed) goes to the end of the file under "# (was at facts.born)", so that none is lost.
   */
  public String write(Case c, Comments comments) {
    Lines out = new Lines(comments);
    out.lines(0, comments.before(List.of()));
    out.entry(0, List.of("id"), "id: " + string(c.id()));
    c.country().ifPresent(v -> out.entry(0, List.of("country"), "country: " + string(v)));
    c.asOf().ifPresent(v -> out.entry(0, List.of("as_of"), "as_of: " + v));
    c.applicationDate().ifPresent(v -> out.entry(0, List.of("application_date"), "application_date: " + v));
    c.note().ifPresent(v -> out.entry(0, List.of("note"), "note: " + string(v)));
    out.entry(0, List.of("facts"), c.facts().isEmpty() ? "facts: {}" : "facts:");
    for (Fact fact : rules.facts().values()) {
      Object value = c.facts().get(fact.name());
      if (value != null) {
        fact(out, fact, value);
      }
    }
    out.end(2, List.of("facts"));
    if (!c.expect().isEmpty()) {
      out.entry(0, List.of("expect"), "expect:");
      c.expect().forEach((permit, verdict) -> out.entry(2, List.of("expect", permit), string(permit) + ": "
          + string(verdict)));
      out.end(2, List.of("expect"));
    }
    out.rest();
    return out.toString();
  }

  private static void fact(Lines out, Fact fact, Object value) {
    List<String> path = List.of("facts", fact.name());
    if (!fact.type().isRecords()) {
      out.entry(2, path, fact.name() + ": " + scalar(fact.type(), value));
      return;
    }
    List<?> items = (List<?>) value;
    out.entry(2, path, fact.name() + ":" + (items.isEmpty() ? " []" : ""));
    for (int i = 0; i < items.size(); i++) {
      Map<?, ?> record = (Map<?, ?>) items.get(i);
      List<String> item = List.of("facts", fact.name(), String.valueOf(i));
      if (record.isEmpty()) {
        out.entry(4, item, "- {}");
        continue;
      }
      String lead = "- ";
      for (Map.Entry<String, Type> field : fact.type().fields().entrySet()) {
        Object v = record.get(field.getKey());
        if (v != null) {
          out.entry(lead.isEmpty() ? 6 : 4, List.of("facts", fact.name(), String.valueOf(i), field.getKey()),
              lead + field.getKey() + ": " + scalar(field.getValue(), v));
          lead = "";
        }
      }
      out.end(6, item);
    }
    out.end(4, path);
  }

  /** The lines of the file, with the comments of each entry written; remembers which were. */
  private static final class Lines {
    private final StringBuilder out = new StringBuilder();
    private final Comments comments;
    private final Set<List<String>> written = new HashSet<>();

    Lines(Comments comments) {
      this.comments = comments;
      written.add(List.of());
    }

    /** An entry's line at {@code indent}, with the comments above it and after it. */
    void entry(int indent, List<String> path, String line) {
      written.add(path);
      lines(indent, comments.before(path));
      out.append(" ".repeat(indent)).append(line);
      List<String> after = comments.after(path);
      for (int i = 0; i < after.size(); i++) {
        if (i == 0) {
          out.append(" #").append(after.get(0)).append('\n');
        } else {
          lines(indent, List.of(after.get(i)));
        }
      }
      if (after.isEmpty()) {
        out.append('\n');
      }
    }

    /** The comments at the end of an entry's block. */
    void end(int indent, List<String> path) {
      written.add(path);
      lines(indent, comments.end(path));
    }

    void lines(int indent, List<String> texts) {
      for (String t : texts) {
        out.append(t.isEmpty() ? "" : " ".repeat(indent) + "#" + t).append('\n');
      }
    }

    /** The comments of entries no longer written, then those at the end of the file. */
    void rest() {
      for (List<String> path : comments.paths()) {
        if (!written.contains(path)) {
          lines(0, List.of(" (was at " + String.join(".", path) + ")"));
          lines(0, comments.before(path));
          lines(0, comments.after(path));
          lines(0, comments.end(path));
        }
      }
      lines(0, comments.end(List.of()));
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  private static String scalar(Type type, Object value) {
    switch (type.kind()) {
      case DECIMAL:
      case MONEY:
        return ((BigDecimal) value).toPlainString();
      case TEXT:
        return quoted(value.toString());
      case ENUM:
      case LEVEL:
        return string(value.toString());
      default:
        return value.toString();
    }
  }

  /** A YAML scalar that reads back as exactly this text: plain when safe, else double-quoted. */
  public static String string(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    return quoted(s);
  }

  static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\ufeff') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
