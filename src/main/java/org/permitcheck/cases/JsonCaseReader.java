package org.permitcheck.cases;

import static org.permitcheck.cases.JsonScanner.END_ARRAY;
import static org.permitcheck.cases.JsonScanner.END_OBJECT;
import static org.permitcheck.cases.JsonScanner.FALSE;
import static org.permitcheck.cases.JsonScanner.FIELD_NAME;
import static org.permitcheck.cases.JsonScanner.FLOAT;
import static org.permitcheck.cases.JsonScanner.INT;
import static org.permitcheck.cases.JsonScanner.NULL;
import static org.permitcheck.cases.JsonScanner.START_ARRAY;
import static org.permitcheck.cases.JsonScanner.START_OBJECT;
import static org.permitcheck.cases.JsonScanner.STRING;
import static org.permitcheck.cases.JsonScanner.TRUE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.expr.Symbols;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.Numbers;

/**
 * The fast path for one case written as JSON (a line of NDJSON): reads it straight from the tokens of
 * a {@link JsonScanner} into typed values, without building a positioned tree. It accepts only what {@link
 * CaseReader} would accept without a single diagnostic, and yields the same {@link Case}; anything
 * else — a syntax error, an unknown or renamed fact, a value of the wrong form, a duplicate key, a
 * value beyond the {@link Limits} — makes it return null, and the caller reads the text again with
 * {@link CaseReader}, which explains the problem with its position. Thread-safe.
 */
public final class JsonCaseReader {
  private static final Limits LIMITS = Limits.CASE;
  /** Integers this long at most (sign included) have no more digits than {@link Numbers#inRange} takes. */
  private static final int SHORT_INTEGER = Numbers.MAX_DIGITS;

  private static final int ID = 0;
  private static final int COUNTRY = 1;
  private static final int AS_OF = 2;
  private static final int APPLICATION_DATE = 3;
  private static final int FACTS = 4;
  private static final int EXPECT = 5;
  private static final int NOTE = 6;
  private static final int SCHEMA = 7;

  private final LocalDate today;
  /** The evaluation date the command sets (eval --as-of), else null. */
  private final LocalDate override;
  /** By fact index: a date that may not lie after the evaluation date; for a list, its such fields. */
  private final boolean[] pastDate;
  private final String[][] pastFields;
  /** The indexes of the facts that are such a date or a list with such fields. */
  private final int[] pastFacts;
  private final Names keys = new Names(CaseReader.KEYS);
  private final Names factNames;
  private final Fact[] facts;
  /** The slot of each fact (by fact index) in the rules' symbols, where a case also keeps its values. */
  private final int[] slots;
  private final Symbols symbols;
  /** The fields of each list fact (by fact index), as a periods fact's records have them, and their facts. */
  private final Names[] fieldNames;
  private final Fact[][] fieldFacts;
  /** The values of each choice fact (by fact index; for list facts, by field index), else null. */
  private final Names[] choices;
  private final Names[][] fieldChoices;
  private final Names countries;
  private final Names permits;

  /**
   * @param today the date a case without as_of is known on, as for {@link CaseReader}
   * @param override the evaluation date the command sets (eval --as-of), or null
   */
  public JsonCaseReader(Ruleset rules, LocalDate today, LocalDate override) {
    this.today = today;
    this.override = override;
    facts = rules.facts().values().toArray(new Fact[0]);
    pastDate = new boolean[facts.length];
    pastFields = new String[facts.length][];
    factNames = new Names(Arrays.stream(facts).map(Fact::name).toList());
    fieldNames = new Names[facts.length];
    fieldFacts = new Fact[facts.length][];
    choices = new Names[facts.length];
    fieldChoices = new Names[facts.length][];
    symbols = rules.symbols();
    slots = new int[facts.length];
    for (int i = 0; i < facts.length; i++) {
      slots[i] = symbols.symbol(facts[i].name()).slot();
      Type.Kind kind = facts[i].type().kind();
      if (kind == Type.Kind.LIST || kind == Type.Kind.PERIODS) {
        Map<String, Fact> fields = FactValues.recordFields(facts[i]);
        fieldNames[i] = new Names(List.copyOf(fields.keySet()));
        fieldFacts[i] = fields.values().toArray(new Fact[0]);
        fieldChoices[i] = new Names[fieldFacts[i].length];
        for (int f = 0; f < fieldFacts[i].length; f++) {
          fieldChoices[i][f] = choices(fieldFacts[i][f]);
        }
        pastFields[i] = fields.values().stream().filter(JsonCaseReader::isPastDate).map(Fact::name)
            .toArray(String[]::new);
      }
      pastDate[i] = isPastDate(facts[i]);
      choices[i] = choices(facts[i]);
    }
    List<String> codes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Country c : rules.countries()) {
      codes.add(c.code());
      // the ids only: a country's permits are read when first evaluated
      ids.addAll(c.permitIds());
    }
    countries = new Names(codes);
    permits = new Names(ids);
    int[] past = new int[facts.length];
    int n = 0;
    for (int i = 0; i < facts.length; i++) {
      if (pastDate[i] || pastFields[i] != null && pastFields[i].length > 0) {
        past[n++] = i;
      }
    }
    pastFacts = Arrays.copyOf(past, n);
  }

  private static boolean isPastDate(Fact fact) {
    return fact.past() && fact.type().kind() == Type.Kind.DATE;
  }

  /**
   * Whether every date that may not lie in the future does not, judged at the date the case is known
   * on (see {@link CaseReader}): checked once the whole case is read, since its as_of may come after
   * its facts.
   */
  private boolean noPastDateAfter(Object[] bySlot, LocalDate asOf) {
    LocalDate limit = CaseReader.knownOn(asOf, override, today);
    for (int i : pastFacts) {
      Object v = bySlot[slots[i]];
      if (v == null) {
        continue;
      }
      if (pastDate[i] && ((LocalDate) v).isAfter(limit)) {
        return false;
      }
      if (pastFields[i] != null) {
        for (Object item : (List<?>) v) {
          for (String field : pastFields[i]) {
            Object d = ((Map<?, ?>) item).get(field);
            if (d != null && ((LocalDate) d).isAfter(limit)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  private static Names choices(Fact fact) {
    return fact.type().isChoice() ? new Names(fact.type().values()) : null;
  }

  /**
   * The case written in {@code json} (UTF-8), or null when it must be read by {@link CaseReader}.
   *
   * @param source the name of the input, for {@link Case#source()}
   * @param defaultId the case's id when it gives none
   */
  public Case read(byte[] json, int offset, int length, String source, String defaultId) {
    if (length > LIMITS.maxBytes()) {
      return null;
    }
    try {
      return read(new JsonScanner(json, offset, length, LIMITS.maxStringLength(), LIMITS.maxNumberLength()), source,
          defaultId);
    } catch (RuntimeException e) {
      // not strict JSON, or beyond a limit: the full reader says where and why
      return null;
    }
  }

  private Case read(JsonScanner p, String source, String defaultId) {
    if (p.next() != START_OBJECT) {
      return null;
    }
    String id = defaultId;
    String country = null;
    LocalDate asOf = null;
    LocalDate applicationDate = null;
    Object[] bySlot = new Object[symbols.factCount()];
    int[] order = new int[facts.length];
    int given = 0;
    LinkedHashMap<String, String> expect = new LinkedHashMap<>();
    String note = null;
    int seen = 0;
    int key = -1;
    int t;
    while ((t = p.next()) == FIELD_NAME) {
      key = p.nameIn(keys, key);
      if (key < 0 || (seen & (1 << key)) != 0) {
        return null;
      }
      seen |= 1 << key;
      t = p.next();
      switch (key) {
        case ID:
          // any single value, as the text it is written with
          id = t == STRING || t == INT || t == FLOAT || t == TRUE || t == FALSE ? p.text() : null;
          if (id == null) {
            return null;
          }
          break;
        case COUNTRY: {
          int code = t == STRING ? p.textIn(countries) : -1;
          if (code < 0) {
            return null;
          }
          country = countries.name(code);
          break;
        }
        case AS_OF:
          asOf = t == STRING ? p.isoDate() : null;
          if (asOf == null) {
            return null;
          }
          break;
        case APPLICATION_DATE:
          applicationDate = t == STRING ? p.isoDate() : null;
          if (applicationDate == null) {
            return null;
          }
          break;
        case FACTS:
          given = t != START_OBJECT ? -1 : facts(p, bySlot, order);
          if (given < 0) {
            return null;
          }
          break;
        case EXPECT:
          if (t != START_OBJECT || !expect(p, expect)) {
            return null;
          }
          break;
        case NOTE:
          note = t == STRING ? p.text() : null;
          if (note == null) {
            return null;
          }
          break;
        default:
          // '$schema' is not read; a plain text is all the fast path takes
          if (t != STRING) {
            return null;
          }
      }
    }
    if (t != END_OBJECT || p.next() != JsonScanner.END || !noPastDateAfter(bySlot, asOf)) {
      return null;
    }
    return new Case(id, source, Optional.ofNullable(country), Optional.ofNullable(asOf),
        Optional.ofNullable(applicationDate), FrozenMap.bySlots(bySlot, symbols, order, given),
        FrozenMap.owning(expect), Optional.ofNullable(note));
  }

  /**
   * Reads the facts object into {@code bySlot}, with their slots in {@code order} as given.
   *
   * @return how many were given (not null), or -1 when the fast path does not take them
   */
  private int facts(JsonScanner p, Object[] bySlot, int[] order) {
    int given = 0;
    // the facts named so far, by index: a second mention is a duplicate key, even after a null
    long[] seen = new long[(facts.length + 63) >> 6];
    int i = -1;
    int t;
    while ((t = p.next()) == FIELD_NAME) {
      i = p.nameIn(factNames, i);
      if (i < 0 || (seen[i >> 6] & 1L << i) != 0) {
        return -1;
      }
      seen[i >> 6] |= 1L << i;
      t = p.next();
      if (t == NULL) {
        continue; // unknown
      }
      Object v = fieldNames[i] != null ? records(p, t, i) : scalar(p, t, facts[i], choices[i]);
      if (v == null) {
        return -1;
      }
      bySlot[slots[i]] = v;
      order[given++] = slots[i];
    }
    return t == END_OBJECT ? given : -1;
  }

  /** The records of list fact {@code i}, or null when the fast path does not take them. */
  private Object records(JsonScanner p, int t, int i) {
    if (t != START_ARRAY) {
      return null;
    }
    boolean periods = facts[i].type().kind() == Type.Kind.PERIODS;
    Names names = fieldNames[i];
    List<Map<String, Object>> out = new ArrayList<>();
    while ((t = p.next()) == START_OBJECT) {
      Map<String, Object> record = new LinkedHashMap<>();
      int f = -1;
      while ((t = p.next()) == FIELD_NAME) {
        f = p.nameIn(names, f);
        if (f < 0) {
          return null;
        }
        String name = names.name(f);
        if (record.containsKey(name)) {
          return null;
        }
        Fact field = fieldFacts[i][f];
        t = p.next();
        Object v = t == NULL ? null : field.type().isRecords() ? null : scalar(p, t, field, fieldChoices[i][f]);
        if (v == null && t != NULL) {
          return null;
        }
        record.put(name, v);
      }
      if (t != END_OBJECT) {
        return null;
      }
      record.values().removeIf(v -> v == null);
      if (periods && !FactValues.validPeriod(record)) {
        return null;
      }
      out.add(record);
    }
    return t == END_ARRAY ? List.copyOf(out) : null;
  }

  /**
   * A scalar value of the fact's type, or null when it is not one that CaseReader takes silently.
   *
   * @param values a choice fact's values (see {@link #choices}), else null
   */
  private Object scalar(JsonScanner p, int t, Fact fact, Names values) {
    Type type = fact.type();
    switch (type.kind()) {
      case BOOLEAN:
        return t == TRUE ? Boolean.TRUE : t == FALSE ? Boolean.FALSE : t == STRING ? FactValues.word(p.text()) : null;
      case INTEGER: {
        if (t == INT && p.textLength() <= SHORT_INTEGER) {
          // a short JSON integer is in range and exact as a long: no BigDecimal
          long n = p.longValue();
          boolean bounded = fact.min().isPresent() || fact.max().isPresent();
          return bounded && FactValues.outOfBounds(fact, BigDecimal.valueOf(n)) != null ? null : (Object) n;
        }
        if (t != INT && t != FLOAT) {
          return null;
        }
        BigDecimal v = number(p, fact); // 20.0 or 1e1 are whole (pandas writes them), 20.5 is not
        return v == null ? null : (Object) v.longValue();
      }
      case DECIMAL:
      case MONEY:
        return t == INT || t == FLOAT ? number(p, fact) : null;
      case DATE: {
        LocalDate d = t == STRING ? p.isoDate() : null;
        return d; // a date that must not lie after the evaluation date: see noPastDateAfter
      }
      case ENUM:
      case LEVEL:
        if (t != STRING) {
          return null;
        }
        int v = p.textIn(values);
        return v < 0 ? null : values.name(v);
      case TEXT:
        return t == STRING ? p.text() : null;
      default:
        return null;
    }
  }

  /**
   * A number within range and the fact's bounds, parsed from its text exactly as CaseReader does (the
   * scanner refuses a number longer than the limits allow).
   */
  private static BigDecimal number(JsonScanner p, Fact fact) {
    Optional<BigDecimal> parsed = Numbers.parse(p.text());
    return parsed.isPresent() && FactValues.numberProblem(fact, parsed.get()) == null ? parsed.get() : null;
  }

  private boolean expect(JsonScanner p, Map<String, String> out) {
    int permit = -1;
    int t;
    while ((t = p.next()) == FIELD_NAME) {
      permit = p.nameIn(permits, permit);
      if (permit < 0 || out.containsKey(permits.name(permit)) || p.next() != STRING
          || !CaseReader.VERDICTS.contains(p.text())) {
        return false;
      }
      out.put(permits.name(permit), p.text());
    }
    return t == END_OBJECT;
  }
}
