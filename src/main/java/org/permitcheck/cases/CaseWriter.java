package org.permitcheck.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;
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
    StringBuilder out = new StringBuilder();
    out.append("id: ").append(string(c.id())).append('\n');
    c.country().ifPresent(v -> out.append("country: ").append(string(v)).append('\n'));
    c.asOf().ifPresent(v -> out.append("as_of: ").append(v).append('\n'));
    c.applicationDate().ifPresent(v -> out.append("application_date: ").append(v).append('\n'));
    c.note().ifPresent(v -> out.append("note: ").append(string(v)).append('\n'));
    out.append("facts:");
    if (c.facts().isEmpty()) {
      out.append(" {}");
    }
    out.append('\n');
    for (Fact fact : rules.facts().values()) {
      Object value = c.facts().get(fact.name());
      if (value != null) {
        fact(out, fact, value);
      }
    }
    if (!c.expect().isEmpty()) {
      out.append("expect:\n");
      c.expect().forEach((permit, verdict) -> out.append("  ").append(string(permit)).append(": ")
          .append(string(verdict)).append('\n'));
    }
    return out.toString();
  }

  private static void fact(StringBuilder out, Fact fact, Object value) {
    out.append("  ").append(fact.name()).append(':');
    if (!fact.type().isRecords()) {
      out.append(' ').append(scalar(fact.type(), value)).append('\n');
      return;
    }
    List<?> items = (List<?>) value;
    if (items.isEmpty()) {
      out.append(" []\n");
      return;
    }
    out.append('\n');
    for (Object item : items) {
      Map<?, ?> record = (Map<?, ?>) item;
      String lead = "    - ";
      if (record.isEmpty()) {
        out.append(lead).append("{}\n");
        continue;
      }
      for (Map.Entry<String, Type> field : fact.type().fields().entrySet()) {
        Object v = record.get(field.getKey());
        if (v != null) {
          out.append(lead).append(field.getKey()).append(": ").append(scalar(field.getValue(), v)).append('\n');
          lead = "      ";
        }
      }
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
