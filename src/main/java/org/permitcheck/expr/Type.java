package org.permitcheck.expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a fact or of an expression. Enums and levels carry their values (levels are ordered, in
 * the order declared); lists and periods carry the fields of their records.
 */
public final class Type {
  /** The families of types; {@link #ERROR} stands for an expression that already failed to check. */
  public enum Kind {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    MONEY,
    DATE,
    TEXT,
    ENUM,
    LEVEL,
    LIST,
    PERIODS,
    TEXT_LIST,
    NUMBER_LIST,
    ERROR
  }

  public static final Type BOOLEAN = new Type(Kind.BOOLEAN, "boolean", List.of(), Map.of(), "");
  public static final Type INTEGER = new Type(Kind.INTEGER, "integer", List.of(), Map.of(), "");
  public static final Type DECIMAL = new Type(Kind.DECIMAL, "decimal", List.of(), Map.of(), "");
  public static final Type DATE = new Type(Kind.DATE, "date", List.of(), Map.of(), "");
  public static final Type TEXT = new Type(Kind.TEXT, "text", List.of(), Map.of(), "");
  public static final Type TEXT_LIST = new Type(Kind.TEXT_LIST, "list of texts", List.of(), Map.of(), "");
  public static final Type NUMBER_LIST =
      new Type(Kind.NUMBER_LIST, "list of numbers", List.of(), Map.of(), "");
  public static final Type ERROR = new Type(Kind.ERROR, "?", List.of(), Map.of(), "");

  private final Kind kind;
  private final String name;
  private final List<String> values;
  private final Map<String, Type> fields;
  private final String currency;
  private final Map<String, Integer> order;

  private Type(Kind kind, String name, List<String> values, Map<String, Type> fields, String currency) {
    this.kind = kind;
    this.name = name;
    // interned, as case readers and expression literals intern theirs: equal texts are then the
    // same object, and comparing them at each evaluation is a reference check
    String[] interned = new String[values.size()];
    for (int i = 0; i < interned.length; i++) {
      interned[i] = values.get(i).intern();
    }
    this.values = List.of(interned);
    this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.currency = currency;
    Map<String, Integer> o = new java.util.HashMap<>();
    for (int i = 0; i < this.values.size(); i++) {
      o.put(this.values.get(i), i);
    }
    this.order = Map.copyOf(o);
  }

  public static Type money(String currency) {
    return new Type(Kind.MONEY, "money", List.of(), Map.of(), currency);
  }

  /** An unordered choice among {@code values}; {@code name} is the fact (or field) it belongs to. */
  public static Type enumOf(String name, List<String> values) {
    return new Type(Kind.ENUM, name, values, Map.of(), "");
  }

  /** An ordered choice: values compare by their position in {@code values}. */
  public static Type level(String name, List<String> values) {
    return new Type(Kind.LEVEL, name, values, Map.of(), "");
  }

  public static Type list(String name, Map<String, Type> fields) {
    return new Type(Kind.LIST, name, List.of(), fields, "");
  }

  /** A status history: records {@code {status, from, to}} with {@code status} one of {@code statuses}. */
  public static Type periods(String name, List<String> statuses) {
    Map<String, Type> fields = new LinkedHashMap<>();
    fields.put("status", enumOf(name + ".status", statuses));
    fields.put("from", DATE);
    fields.put("to", DATE);
    return new Type(Kind.PERIODS, name, statuses, fields, "");
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public List<String> values() {
    return values;
  }

  public Map<String, Type> fields() {
    return fields;
  }

  public String currency() {
    return currency;
  }

  /** The value among an enum's or level's values that equals {@code value} (interned), or null. */
  public String canonical(String value) {
    Integer i = order.get(value);
    return i == null ? null : values.get(i);
  }

  /** The position of {@code value} among an enum's or level's values, or -1. */
  public int ordinal(String value) {
    Integer i = order.get(value);
    return i == null ? -1 : i;
  }

  public boolean isNumeric() {
    return kind == Kind.INTEGER || kind == Kind.DECIMAL || kind == Kind.MONEY;
  }

  public boolean isChoice() {
    return kind == Kind.ENUM || kind == Kind.LEVEL;
  }

  public boolean isRecords() {
    return kind == Kind.LIST || kind == Kind.PERIODS;
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }

  /** The type's name in messages: "a date", "an integer", "one of 'A1', 'A2' (german_level)". */
  public String describe() {
    switch (kind) {
      case BOOLEAN:
        return "true/false";
      case INTEGER:
        return "an integer";
      case DECIMAL:
        return "a number";
      case MONEY:
        return "an amount" + (currency.isEmpty() ? "" : " in " + currency);
      case DATE:
        return "a date";
      case TEXT:
        return "text";
      case ENUM:
        return "a value of '" + name + "'";
      case LEVEL:
        return "a level of '" + name + "'";
      case LIST:
        return "the list '" + name + "'";
      case PERIODS:
        return "the periods '" + name + "'";
      case TEXT_LIST:
        return "a list of texts";
      case NUMBER_LIST:
        return "a list of numbers";
      default:
        return "an invalid value";
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Type)) {
      return false;
    }
    Type t = (Type) o;
    return kind == t.kind && name.equals(t.name) && values.equals(t.values) && fields.equals(t.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, values);
  }

  @Override
  public String toString() {
    return describe();
  }
}
