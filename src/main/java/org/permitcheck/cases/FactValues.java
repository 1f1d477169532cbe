package org.permitcheck.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.diag.Phrase;
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
 * the fact and the form it expects, in phrases that can be said in every language.
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
          return fail(node, name, fact);
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
        Phrase hint = Suggest.hint(text, type.values());
        reader.error(s.pos(), Phrase.of("fact.no_value", name, text), Phrase.of("fact.no_such_value", name),
            hint != null ? hint : Phrase.of("hint.allowed", type.values()));
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
      failValue(s, name, fact, Phrase.of("hint.decimal_digits"));
      return Optional.empty();
    }
    NumberProblem problem = numberProblem(fact, v.get());
    if (problem == null) {
      return v;
    }
    switch (problem) {
      case TOO_LARGE:
        reader.error(s.pos(), Phrase.of("fact.too_large", name, expected(fact)), null,
            Phrase.of("hint.number_range", Numbers.MAX_DIGITS, Numbers.MAX_DECIMALS));
        return Optional.empty();
      case NOT_WHOLE:
        return failValue(s, name, fact).map(o -> BigDecimal.ZERO);
      case BELOW_MIN:
        return outOfRange(s, "fact.at_least", name, quantity(fact, fact.min().get()));
      default:
        return outOfRange(s, "fact.at_most", name, quantity(fact, fact.max().get()));
    }
  }

  /** A value out of the fact's bounds: {@code key} says the bound, {@code key.value} the value found too. */
  private Optional<BigDecimal> outOfRange(ScalarNode s, String key, String name, Phrase bound) {
    reader.error(s.pos(), Phrase.of(key + ".value", name, bound, s.text()), Phrase.of(key, name, bound), null);
    return Optional.empty();
  }

  /** A bound with the fact's unit, if it has one: "18 years". */
  private static Phrase quantity(Fact fact, BigDecimal n) {
    return fact.unit().isEmpty() ? Phrase.literal(n.toPlainString())
        : Phrase.of("quantity", n.toPlainString(), Phrase.unit(fact.unit()));
  }

  private Optional<Object> date(Fact fact, ScalarNode s, String name) {
    LocalDate d = IsoDate.parse(s.text());
    if (d == null) {
      return failValue(s, name, fact, Phrase.of(s.text().matches("\\d{4}-\\d{2}-\\d{2}") ? "hint.no_such_day"
          : "hint.date_format"));
    }
    if (fact.past() && d.isAfter(known)) {
      reader.error(s.pos(), Phrase.of("fact.after_case_date.value", name, d, known),
          Phrase.of("fact.after_case_date", name), Phrase.of("hint.check_year"));
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private Optional<Object> records(Fact fact, Node node, String name) {
    if (!(node instanceof ListNode)) {
      return fail(node, name, fact);
    }
    Map<String, Fact> fields = recordFields(fact);
    List<Map<String, Object>> out = new ArrayList<>();
    boolean ok = true;
    int index = 0;
    for (Node item : ((ListNode) node).items()) {
      index++;
      String where = name + "[" + index + "]";
      if (!(item instanceof MapNode)) {
        reader.error(item.pos(), Phrase.of("item.not_mapping", index, name, fields.keySet(), NodeReader.kind(item)),
            null, null);
        ok = false;
        continue;
      }
      Map<String, Object> record = new LinkedHashMap<>();
      boolean itemOk = true;
      for (MapNode.Entry e : ((MapNode) item).entries()) {
        Fact field = fields.get(e.key());
        if (field == null) {
          Phrase hint = Suggest.hint(e.key(), fields.keySet());
          reader.error(e.keyPos(), Phrase.of("item.unknown_field", e.key(), index, name), null,
              hint != null ? hint : Phrase.of("hint.fields", fields.keySet()));
          itemOk = false;
          continue;
        }
        Optional<Object> v = read(field, e.value(), where + "." + e.key());
        if (v.isPresent()) {
          record.put(e.key(), v.get());
        } else if (!(e.value() instanceof ScalarNode && ((ScalarNode) e.value()).isNull())) {
          itemOk = false;
        }
      }
      if (fact.type().kind() == Type.Kind.PERIODS) {
        itemOk &= checkPeriod((MapNode) item, record, name, index);
      }
      ok &= itemOk;
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

  /** Whether a record's field is not written, or written as null (unknown). */
  private static boolean absent(MapNode item, String key) {
    Optional<Node> v = item.get(key);
    return v.isEmpty() || v.get() instanceof ScalarNode && ((ScalarNode) v.get()).isNull();
  }

  /** {@link #validPeriod}, saying what is wrong. */
  private boolean checkPeriod(MapNode item, Map<String, Object> record, String name, int index) {
    if (validPeriod(record)) {
      return true;
    }
    if (!record.containsKey("status") || !record.containsKey("from")) {
      // a status or start written but refused has had its own error: not also said to be missing
      if (absent(item, "status") || absent(item, "from")) {
        reader.error(item.pos(), Phrase.of("item.period_incomplete", index, name), null,
            Phrase.of("hint.period_open"));
      }
      return false;
    }
    reader.error(item.pos(), Phrase.of("item.ends_before.value", index, name, record.get("to"), record.get("from")),
        Phrase.of("item.ends_before", index, name), null);
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

  /** A node of the wrong kind (a list for a number): the message names its kind, not its value. */
  private Optional<Object> fail(Node node, String name, Fact fact) {
    reader.error(node.pos(), Phrase.of("fact.expects.kind", name, expected(fact), NodeReader.kind(node)), null,
        hintFor(fact));
    return Optional.empty();
  }

  /** A value of the wrong form, which the message quotes (except with --redact). */
  private Optional<Object> failValue(ScalarNode s, String name, Fact fact) {
    return failValue(s, name, fact, hintFor(fact));
  }

  private Optional<Object> failValue(ScalarNode s, String name, Fact fact, Phrase hint) {
    reader.error(s.pos(), Phrase.of("fact.expects.value", name, expected(fact), s.text()),
        Phrase.of("fact.expects", name, expected(fact)), hint);
    return Optional.empty();
  }

  /** What a fact expects ("a whole number of months"): the object of the messages that say so. */
  static Phrase expected(Fact fact) {
    Type t = fact.type();
    switch (t.kind()) {
      case BOOLEAN:
        return Phrase.of("expected.boolean");
      case INTEGER:
        return fact.unit().isEmpty() ? Phrase.of("expected.integer")
            : Phrase.of("expected.integer.unit", Phrase.unit(fact.unit()));
      case DECIMAL:
        return Phrase.of("expected.decimal");
      case MONEY:
        return Phrase.of("expected.money", t.currency());
      case DATE:
        return Phrase.of("expected.date");
      case ENUM:
      case LEVEL:
        return Phrase.of("expected.enum", t.values());
      case LIST:
        return Phrase.of("expected.list", t.fields().keySet());
      case PERIODS:
        return Phrase.of("expected.periods", "{status, from, to}");
      default:
        return Phrase.of("expected.text");
    }
  }

  /** How to write a value of the fact's type, or null. */
  private static Phrase hintFor(Fact fact) {
    switch (fact.type().kind()) {
      case INTEGER:
        return Phrase.of("hint.integer");
      case MONEY:
      case DECIMAL:
        return Phrase.of("hint.decimal");
      case LIST:
      case PERIODS:
        return Phrase.of("hint.list");
      default:
        return null;
    }
  }
}
