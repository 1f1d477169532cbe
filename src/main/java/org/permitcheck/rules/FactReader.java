package org.permitcheck.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.permitcheck.diag.Suggest;
import org.permitcheck.expr.ExprCompiler;
import org.permitcheck.expr.Type;
import org.permitcheck.tree.ListNode;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.ScalarNode;

/** Reads the {@code facts:} section: one declaration per fact, with its type and its question. */
final class FactReader {
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  static final List<String> TYPES =
      List.of("boolean", "integer", "decimal", "money", "date", "enum", "level", "text", "list", "periods");
  static final List<String> KEYS =
      List.of("type", "question", "help", "values", "fields", "countries", "min", "max", "unit", "currency",
          "past", "renamed_from");
  static final List<String> FIELD_KEYS =
      List.of("type", "question", "help", "values", "min", "max", "unit", "currency", "past");
  static final List<String> CEFR = List.of("none", "A1", "A2", "B1", "B2", "C1", "C2");

  private final NodeReader reader;
  private final TextReader texts;
  private final Set<String> countryCodes;
  /** The items of each fact's renamed_from list, where they are written. */
  private final Map<String, List<ScalarNode>> renamedItems = new HashMap<>();

  FactReader(NodeReader reader, TextReader texts, Set<String> countryCodes) {
    this.reader = reader;
    this.texts = texts;
    this.countryCodes = countryCodes;
  }

  /** Reports a name the criteria language keeps for itself ({@link ExprCompiler#reservedName}). */
  boolean reserved(Pos pos, String name) {
    String why = ExprCompiler.reservedName(name);
    if (why != null) {
      reader.error(pos, why, "choose another name");
    }
    return why != null;
  }

  Map<String, Fact> facts(MapNode section) {
    Map<String, Fact> facts = new LinkedHashMap<>();
    for (MapNode.Entry e : section.entries()) {
      if (!NAME.matcher(e.key()).matches()) {
        reader.error(e.keyPos(), "fact name '" + e.key() + "' must be lower-case snake_case",
            "e.g. date_of_birth");
        continue;
      }
      if (reserved(e.keyPos(), e.key())) {
        continue;
      }
      Optional<Fact> read = read(e.key(), e.value(), null);
      if (read.isPresent()) {
        facts.put(read.get().name(), read.get());
      }
    }
    checkRenamed(facts);
    return facts;
  }

  /**
   * Reports, at the item that lists it, an old name listed twice in renamed_from, or by two facts, or
   * that is still the name of a declared fact.
   */
  private void checkRenamed(Map<String, Fact> facts) {
    Map<String, String> owners = new HashMap<>();
    for (Fact f : facts.values()) {
      for (ScalarNode item : renamedItems.getOrDefault(f.name(), List.of())) {
        String old = item.text();
        String previous = owners.putIfAbsent(old, f.name());
        if (previous != null) {
          reader.error(item.pos(), previous.equals(f.name())
              ? "'" + old + "' is listed twice in renamed_from of '" + f.name() + "'"
              : "'" + old + "' is listed in renamed_from of both '" + previous + "' and '" + f.name() + "'",
              previous.equals(f.name()) ? "remove one of them"
                  : "an old name leads to one fact only: remove it from the renamed_from of the other");
        } else if (facts.containsKey(old)) {
          reader.error(item.pos(), "'" + old + "' in renamed_from is still the name of a declared fact",
              "remove it from renamed_from");
        }
      }
    }
  }

  /**
   * A fact, or with {@code listLanguages} a field of a list fact, whose texts need the languages the
   * list's do (a field has no countries of its own).
   */
  private Optional<Fact> read(String name, Node node, List<String> listLanguages) {
    boolean field = listLanguages != null;
    String what = (field ? "field '" : "fact '") + name + "'";
    Optional<MapNode> opt = reader.map(node, what);
    if (opt.isEmpty()) {
      return Optional.empty();
    }
    MapNode m = opt.get();
    reader.onlyKeys(m, field ? FIELD_KEYS : KEYS, what);
    List<String> countries = new ArrayList<>();
    for (ScalarNode item : reader.scalars(m, "countries", "'countries' of " + what)) {
      String c = item.text();
      if (!countryCodes.contains(c)) {
        reader.error(item.pos(), "country '" + c + "' in " + what + " is not declared under 'countries'",
            countryHint(c));
      } else {
        countries.add(c);
      }
    }
    List<String> langs = new ArrayList<>(RulesLoader.REQUIRED_LANGUAGES);
    if (field) {
      langs = new ArrayList<>(listLanguages);
    } else if (countries.size() == 1) {
      langs = new ArrayList<>(RulesLoader.requiredFor(countries.get(0)));
    }
    List<String> required = langs;
    Text question = texts.required(m, "question", what, "question of " + what, required);
    Text help = texts.optional(m, "help", "help of " + what, required);
    Optional<String> typeName = reader.requiredString(m, "type", what, "'type' of " + what);
    if (typeName.isEmpty()) {
      return Optional.empty();
    }
    String t = typeName.get();
    if (!TYPES.contains(t) || (field && (t.equals("list") || t.equals("periods")))) {
      Node tn = m.get("type").get();
      String hint = Suggest.didYouMean(t, TYPES);
      reader.error(tn.pos(), "unknown type '" + t + "' for " + what,
          hint.isEmpty() ? "types: " + String.join(", ", field ? TYPES.subList(0, 8) : TYPES) : hint);
      return Optional.empty();
    }
    Map<String, Text> labels = new LinkedHashMap<>();
    List<String> values = values(m, t, what, labels, required);
    Map<String, Fact> fields = new LinkedHashMap<>();
    boolean[] fieldFailed = {false};
    Type type = type(name, t, m, values, fields, what, fieldFailed, required);
    Optional<BigDecimal> min = reader.number(m, "min", "'min' of " + what);
    Optional<BigDecimal> max = reader.number(m, "max", "'max' of " + what);
    if ((min.isPresent() || max.isPresent()) && !type.isNumeric()) {
      reader.error(m.pos(), "'min' and 'max' apply only to numbers, but " + what + " is " + type.describe(),
          "remove 'min' and 'max', or declare the fact as type: integer, decimal or money");
    }
    if (min.isPresent() && max.isPresent() && max.get().compareTo(min.get()) < 0) {
      reader.error(m.get("max").get().pos(), "'max' of " + what + " (" + max.get().toPlainString()
          + ") is below its 'min' (" + min.get().toPlainString() + ")", "no value could be given");
    }
    String unit = reader.string(m, "unit", "'unit' of " + what).orElse("");
    boolean past = reader.bool(m, "past", "'past' of " + what).orElse(false);
    if (past && type.kind() != Type.Kind.DATE) {
      reader.error(m.get("past").get().pos(), "'past' applies only to dates",
          "remove 'past', or declare the fact as type: date");
    }
    List<ScalarNode> renamedFrom = reader.scalars(m, "renamed_from", "'renamed_from' of " + what);
    renamedItems.put(name, renamedFrom);
    List<String> renamed = new ArrayList<>();
    for (ScalarNode item : renamedFrom) {
      renamed.add(item.text());
    }
    if (fieldFailed[0]) { // reported at the field; the list's uses are then not reported again
      return Optional.empty();
    }
    return Optional.of(new Fact(name, type, countries, question, help, labels, fields, min, max, unit, past, renamed));
  }

  /** The closest declared country code, else every declared one. */
  private String countryHint(String code) {
    String hint = Suggest.didYouMean(code, countryCodes);
    return hint.isEmpty() ? "countries: " + String.join(", ", countryCodes) : hint;
  }

  /** The values of an enum, level or periods fact, their labels in {@code langs} put in {@code labels}. */
  private List<String> values(MapNode m, String t, String what, Map<String, Text> labels, List<String> langs) {
    boolean needsValues = t.equals("enum") || t.equals("periods");
    Optional<Node> node = m.get("values");
    if (node.isEmpty()) {
      if (needsValues) {
        reader.error(m.pos(), what + " of type " + t + " has no 'values'", "list the values it can take");
      }
      return t.equals("level") ? CEFR : List.of();
    }
    if (!needsValues && !t.equals("level")) {
      reader.error(node.get().pos(), "'values' applies only to enum, level and periods facts",
          "remove 'values', or declare the fact as type: enum");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (node.get() instanceof ListNode) {
      values.addAll(reader.distinctStrings(node.get(), "'values' of " + what));
    } else if (node.get() instanceof MapNode) {
      for (MapNode.Entry e : ((MapNode) node.get()).entries()) {
        values.add(e.key());
        labels.put(e.key(), texts.read(e.value(), "label of '" + e.key() + "' in " + what, langs));
      }
    } else {
      reader.error(node.get().pos(), "'values' of " + what + " must be a list or a mapping of value to label",
          "e.g. values: [duldung, gestattung] or values: {duldung: {en: \"Toleration\", fr: \"Tolérance\"}}");
    }
    if (values.isEmpty()) {
      reader.error(node.get().pos(), "'values' of " + what + " is empty",
          "list the values it can take, e.g. values: [duldung, gestattung]");
    }
    return values;
  }

  /**
   * The type of a fact; {@code fieldFailed[0]} is set when a field of a list could not be read, whose
   * texts need {@code languages}.
   */
  private Type type(String name, String t, MapNode m, List<String> values, Map<String, Fact> fields, String what,
      boolean[] fieldFailed, List<String> languages) {
    switch (t) {
      case "boolean":
        return Type.BOOLEAN;
      case "integer":
        return Type.INTEGER;
      case "decimal":
        return Type.DECIMAL;
      case "money":
        return Type.money(reader.string(m, "currency", "'currency'").orElse("EUR"));
      case "date":
        return Type.DATE;
      case "text":
        return Type.TEXT;
      case "enum":
        return Type.enumOf(name, values);
      case "level":
        return Type.level(name, values);
      case "periods":
        return Type.periods(name, values);
      default:
        Map<String, Type> fieldTypes = new LinkedHashMap<>();
        Optional<Node> fieldsNode = m.get("fields");
        if (fieldsNode.isEmpty()) {
          reader.error(m.pos(), what + " of type list has no 'fields'", "declare the fields of each item");
        }
        Optional<MapNode> fieldMap = reader.map(m, "fields", "'fields' of " + what);
        for (MapNode.Entry e : fieldMap.isPresent() ? fieldMap.get().entries() : List.<MapNode.Entry>of()) {
          if (reserved(e.keyPos(), e.key())) {
            continue;
          }
          Optional<Fact> f = read(e.key(), e.value(), languages);
          if (f.isPresent()) {
            fields.put(f.get().name(), f.get());
            fieldTypes.put(f.get().name(), f.get().type());
          } else {
            fieldFailed[0] = true;
          }
        }
        return Type.list(name, fieldTypes);
    }
  }
}
