package org.permitcheck.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.diag.Suggest;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Fact;
import org.permitcheck.tree.IsoDate;
import org.permitcheck.tree.ListNode;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.Numbers;
import org.permitcheck.tree.ScalarNode;

/**
 * Converts what a case file says about a fact into the fact's typed value: Boolean, Long, BigDecimal,
 * LocalDate, String, or a list of records. Each problem is reported at the offending value, naming
 * the fact and the form it expects.
 */
final class FactValues {
  private final NodeReader reader;
  private final LocalDate known;

  FactValues(NodeReader reader, LocalDate known) {
    this.reader = reader;
    this.known = known;
  }

  /** The value, or empty after reporting why it cannot be read. A null in the file means unknown. */
  Optional<Object> read(Fact fact, Node node, String name) {
    if (node instanceof ScalarNode && ((ScalarNode) node).isNull()) {
      return Optional.empty();
    }
    Type type = fact.type();
    switch (type.kind()) {
      case LIST:
      case PERIODS:
        return records(fact, node, name);
      default:
        if (!(node instanceof ScalarNode)) {
          fail(node, name, fact, "found " + node.kind());
          return Optional.empty();
        }
        return scalar(fact, (ScalarNode) node, name);
    }
  }

  private Optional<Object> scalar(Fact fact, ScalarNode s, String name) {
    String text = s.text();
    Type type = fact.type();
    switch (type.kind()) {
      case BOOLEAN:
        Optional<Boolean> b = bool(s);
        return b.isPresent() ? Optional.of(b.get()) : failValue(s, name, fact);
      case INTEGER:
      case DECIMAL:
      case MONEY:
        // an integer fact takes a whole value written as a decimal too (20.0, 1e1), as JSON Schema's
        // "integer" does and as pandas writes an integer column with gaps; 20.5 is not whole
        if (s.type() != ScalarNode.Type.INTEGER && s.type() != ScalarNode.Type.DECIMAL) {
          return failValue(s, name, fact);
        }
        Optional<BigDecimal> v = number(fact, s, name);
        if (v.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(type.kind() == Type.Kind.INTEGER ? (Object) v.get().longValue() : v.get());
      case DATE:
        return date(fact, s, name);
      case ENUM:
      case LEVEL:
        String value = type.canonical(text);
        if (value != null) {
          return Optional.of(value);
        }
        String hint = Suggest.didYouMean(text, type.values());
        reader.error(s.pos(), fact(name) + " has no value '" + text + "'", fact(name) + " has no such value",
            hint.isEmpty() ? "allowed: " + String.join(", ", type.values()) : hint);
        return Optional.empty();
      default:
        return Optional.of(text);
    }
  }

  static Optional<Boolean> bool(ScalarNode s) {
    if (s.type() == ScalarNode.Type.BOOLEAN || s.type() == ScalarNode.Type.STRING) {
      return Optional.ofNullable(word(s.text()));
    }
    return Optional.empty();
  }

  /** The yes/no words of a boolean fact (true, yes, y, on; false, no, n, off; any case), or null. */
  static Boolean word(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "y":
      case "on":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "n":
      case "off":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** What can be wrong with a number for a fact: see {@link #numberProblem}. */
  enum NumberProblem { TOO_LARGE, NOT_WHOLE, BELOW_MIN, ABOVE_MAX }

  /**
   * What is wrong with a number given for a fact, or null when it is taken: the rule both this reader
   * and the NDJSON fast path ({@link JsonCaseReader}) apply.
   */
  static NumberProblem numberProblem(Fact fact, BigDecimal v) {
    if (!Numbers.inRange(v)) {
      return NumberProblem.TOO_LARGE;
    }
    if (fact.type().kind() == Type.Kind.INTEGER && v.stripTrailingZeros().scale() > 0) {
      return NumberProblem.NOT_WHOLE;
    }
    return outOfBounds(fact, v);
  }

  /** Whether a number is below the fact's min or above its max, or null when within them. */
  static NumberProblem outOfBounds(Fact fact, BigDecimal v) {
    if (fact.min().isPresent() && v.compareTo(fact.min().get()) < 0) {
      return NumberProblem.BELOW_MIN;
    }
    if (fact.max().isPresent() && v.compareTo(fact.max().get()) > 0) {
      return NumberProblem.ABOVE_MAX;
    }
    return null;
  }

  /** A number in plain decimal digits, within {@link Numbers#inRange} and the fact's min and max. */
  private Optional<BigDecimal> number(Fact fact, ScalarNode s, String name) {
    Optional<BigDecimal> v = Numbers.parse(s.text());
    if (v.isEmpty()) {
      String expects = fact(name) + " expects " + expected(fact);
      reader.error(s.pos(), expects + ", " + found(s), expects, "write the number in decimal digits, e.g. 12");
      return Optional.empty();
    }
    NumberProblem problem = numberProblem(fact, v.get());
    if (problem == null) {
      return v;
    }
    switch (problem) {
      case TOO_LARGE:
        reader.error(s.pos(), fact(name) + " expects " + expected(fact) + ", found a number that is too large"
            + " or too precise", "numbers have " + Numbers.range());
        return Optional.empty();
      case NOT_WHOLE:
        return failValue(s, name, fact).map(o -> BigDecimal.ZERO);
      case BELOW_MIN:
        return outOfRange(s, fact(name) + " must be at least " + fact.min().get().toPlainString() + unit(fact));
      default:
        return outOfRange(s, fact(name) + " must be at most " + fact.max().get().toPlainString() + unit(fact));
    }
  }

  private Optional<BigDecimal> outOfRange(ScalarNode s, String bound) {
    reader.error(s.pos(), bound + ", found " + s.text(), bound, "");
    return Optional.empty();
  }

  private static String unit(Fact fact) {
    return fact.unit().isEmpty() ? "" : " " + fact.unit();
  }

  private Optional<Object> date(Fact fact, ScalarNode s, String name) {
    LocalDate d = IsoDate.parse(s.text());
    if (d == null) {
      String hint = s.text().matches("\\d{4}-\\d{2}-\\d{2}") ? "this day does not exist in the calendar"
          : "write dates as YYYY-MM-DD";
      String expects = fact(name) + " expects a date like 1999-05-14";
      reader.error(s.pos(), expects + ", found '" + s.text() + "'", expects, hint);
      return Optional.empty();
    }
    if (fact.past() && d.isAfter(known)) {
      reader.error(s.pos(), fact(name) + " is " + d + ", later than the case's date (" + known + ")",
          fact(name) + " is later than the case's date", "check the year; a case's date is its as_of, else --as-of, else today");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private Optional<Object> records(Fact fact, Node node, String name) {
    if (!(node instanceof ListNode)) {
      fail(node, name, fact, "found " + node.kind());
      return Optional.empty();
    }
    Map<String, Fact> fields = recordFields(fact);
    List<Map<String, Object>> out = new ArrayList<>();
    boolean ok = true;
    int index = 0;
    for (Node item : ((ListNode) node).items()) {
      index++;
      String where = name + "[" + index + "]";
      if (!(item instanceof MapNode)) {
        reader.error(item.pos(), "item " + index + " of " + fact(name) + " must be a mapping of "
            + String.join(", ", fields.keySet()) + ", found " + item.kind(), "");
        ok = false;
        continue;
      }
      Map<String, Object> record = new LinkedHashMap<>();
      for (MapNode.Entry e : ((MapNode) item).entries()) {
        Fact field = fields.get(e.key());
        if (field == null) {
          String hint = Suggest.didYouMean(e.key(), fields.keySet());
          reader.error(e.keyPos(), "unknown field '" + e.key() + "' in item " + index + " of " + fact(name),
              hint.isEmpty() ? "fields: " + String.join(", ", fields.keySet()) : hint);
          ok = false;
          continue;
        }
        Optional<Object> v = read(field, e.value(), where + "." + e.key());
        if (v.isPresent()) {
          record.put(e.key(), v.get());
        } else if (!(e.value() instanceof ScalarNode && ((ScalarNode) e.value()).isNull())) {
          ok = false;
        }
      }
      if (fact.type().kind() == Type.Kind.PERIODS) {
        ok &= checkPeriod(item, record, name, index);
      }
      out.add(record);
    }
    return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
  }

  /** The fields of a list fact's records; a periods fact's records have a status, from and to. */
  static Map<String, Fact> recordFields(Fact fact) {
    return fact.type().kind() == Type.Kind.PERIODS ? periodFields(fact) : fact.fields();
  }

  /** Whether a period has a status and a start, and does not end before it starts. */
  static boolean validPeriod(Map<String, Object> record) {
    if (!record.containsKey("status") || !record.containsKey("from")) {
      return false;
    }
    LocalDate to = (LocalDate) record.get("to");
    return to == null || !to.isBefore((LocalDate) record.get("from"));
  }

  /** {@link #validPeriod}, saying what is wrong. */
  private boolean checkPeriod(Node item, Map<String, Object> record, String name, int index) {
    if (validPeriod(record)) {
      return true;
    }
    if (!record.containsKey("status") || !record.containsKey("from")) {
      reader.error(item.pos(), "item " + index + " of " + fact(name) + " needs a 'status' and a 'from' date",
          "leave 'to' out while the status is ongoing");
      return false;
    }
    String which = "item " + index + " of " + fact(name);
    reader.error(item.pos(), which + " ends (" + record.get("to") + ") before it starts (" + record.get("from") + ")",
        which + " ends before it starts", "");
    return false;
  }

  private static Map<String, Fact> periodFields(Fact fact) {
    Map<String, Fact> fields = new LinkedHashMap<>();
    Type status = fact.type().fields().get("status");
    fields.put("status", field("status", status, fact));
    fields.put("from", field("from", Type.DATE, fact));
    fields.put("to", field("to", Type.DATE, fact));
    return fields;
  }

  private static Fact field(String name, Type type, Fact parent) {
    return new Fact(name, type, List.of(), parent.question(), parent.help(), parent.labels(), Map.of(),
        Optional.empty(), Optional.empty(), "", false, List.of());
  }

  private Optional<Object> fail(Node node, String name, Fact fact, String found) {
    reader.error(node.pos(), fact(name) + " expects " + expected(fact) + ", " + found, hintFor(fact));
    return Optional.empty();
  }

  /** {@link #fail} for a value of the wrong form, which the message quotes (except with --redact). */
  private Optional<Object> failValue(ScalarNode s, String name, Fact fact) {
    String expects = fact(name) + " expects " + expected(fact);
    reader.error(s.pos(), expects + ", " + found(s), expects, hintFor(fact));
    return Optional.empty();
  }

  private static String fact(String name) {
    return "fact '" + name + "'";
  }

  private static String found(ScalarNode s) {
    return "found '" + s.text() + "'";
  }

  static String expected(Fact fact) {
    Type t = fact.type();
    switch (t.kind()) {
      case BOOLEAN:
        return "yes or no (true/false)";
      case INTEGER:
        return "a whole number" + (fact.unit().isEmpty() ? "" : " of " + fact.unit());
      case DECIMAL:
        return "a number";
      case MONEY:
        return "an amount in " + t.currency() + " like 1250.00";
      case DATE:
        return "a date like 1999-05-14";
      case ENUM:
      case LEVEL:
        return "one of " + String.join(", ", t.values());
      case LIST:
        return "a list of items with " + String.join(", ", t.fields().keySet());
      case PERIODS:
        return "a list of periods {status, from, to}";
      default:
        return "a text";
    }
  }

  private static String hintFor(Fact fact) {
    switch (fact.type().kind()) {
      case INTEGER:
        return "write a whole number without quotes, e.g. 12";
      case MONEY:
      case DECIMAL:
        return "write the number without quotes, with a '.' for decimals";
      case LIST:
      case PERIODS:
        return "write one item per line, each starting with '- '";
      default:
        return "";
    }
  }
}
