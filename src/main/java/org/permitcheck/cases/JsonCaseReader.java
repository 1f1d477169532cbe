package org.permitcheck.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The fast path for one case written as JSON (a line of NDJSON): reads it straight from Jackson's
 * token stream into typed values, without building a positioned tree. It accepts only what {@link
 * CaseReader} would accept without a single diagnostic, and yields the same {@link Case}; anything
 * else — a syntax error, an unknown or renamed fact, a value of the wrong form, a duplicate key, a
 * value beyond the {@link Limits} — makes it return null, and the caller reads the text again with
 * {@link CaseReader}, which explains the problem with its position. Thread-safe.
 */
public final class JsonCaseReader {
  private static final Limits LIMITS = Limits.CASE;
  /** Integers this long at most (sign included) have no more digits than {@link Numbers#inRange} takes. */
  private static final int SHORT_INTEGER = Numbers.MAX_DIGITS;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(LIMITS.maxDepth())
          .maxStringLength(LIMITS.maxStringLength())
          .maxNumberLength(LIMITS.maxNumberLength())
          .maxNameLength(LIMITS.maxStringLength())
          .maxDocumentLength(LIMITS.maxBytes())
          .build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private static final int ID = 0;
  private static final int COUNTRY = 1;
  private static final int AS_OF = 2;
  private static final int APPLICATION_DATE = 3;
  private static final int FACTS = 4;
  private static final int EXPECT = 5;
  private static final int NOTE = 6;
  private static final int SCHEMA = 7;

  private final LocalDate today;
  private final Map<String, Integer> keys = new HashMap<>();
  private final Map<String, Integer> factIndex = new HashMap<>();
  private final Fact[] facts;
  /** The slot of each fact (by fact index) in the rules' symbols, where a case also keeps its values. */
  private final int[] slots;
  private final Symbols symbols;
  /** The fields of each list fact (by fact index), as a periods fact's records have them. */
  private final Map<String, Fact>[] fields;
  private final Map<String, String> countries = new HashMap<>();
  private final Map<String, String> permits = new HashMap<>();

  /**
   * @param today the date against which "in the future" is judged, as for {@link CaseReader}
   */
  @SuppressWarnings("unchecked")
  public JsonCaseReader(Ruleset rules, LocalDate today) {
    this.today = today;
    for (int i = 0; i < CaseReader.KEYS.size(); i++) {
      keys.put(CaseReader.KEYS.get(i), i);
    }
    facts = rules.facts().values().toArray(new Fact[0]);
    fields = new Map[facts.length];
    symbols = rules.symbols();
    slots = new int[facts.length];
    for (int i = 0; i < facts.length; i++) {
      // interned, as the parser's field names are: a lookup finds its key by reference
      factIndex.put(facts[i].name().intern(), i);
      slots[i] = symbols.symbol(facts[i].name()).slot();
      Type.Kind kind = facts[i].type().kind();
      if (kind == Type.Kind.LIST || kind == Type.Kind.PERIODS) {
        fields[i] = new HashMap<>();
        for (Map.Entry<String, Fact> f : FactValues.recordFields(facts[i]).entrySet()) {
          fields[i].put(f.getKey().intern(), f.getValue());
        }
      }
    }
    for (Country c : rules.countries()) {
      countries.put(c.code(), c.code());
      // the ids only: a country's permits are read when first evaluated
      for (String id : c.permitIds()) {
        permits.put(id, id);
      }
    }
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
    try (JsonParser p = FACTORY.createParser(json, offset, length)) {
      return read(p, source, defaultId);
    } catch (IOException | RuntimeException e) {
      // malformed, or beyond a limit: the full reader says where and why
      return null;
    }
  }

  /** As {@link #read(byte[], int, int, String, String)}, for text already decoded. */
  public Case read(String json, String source, String defaultId) {
    if (json.length() > LIMITS.maxBytes()) {
      return null;
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p, source, defaultId);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Case read(JsonParser p, String source, String defaultId) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
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
    int seen = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      Integer key = keys.get(p.currentName());
      if (key == null || (seen & (1 << key)) != 0) {
        return null;
      }
      seen |= 1 << key;
      t = p.nextToken();
      switch (key) {
        case ID:
          // any single value, as the text it is written with
          id = t == JsonToken.VALUE_STRING ? text(p) : t.isScalarValue() && t != JsonToken.VALUE_NULL
              && p.getTextLength() <= LIMITS.maxNumberLength() ? p.getText() : null;
          if (id == null) {
            return null;
          }
          break;
        case COUNTRY:
          country = t == JsonToken.VALUE_STRING ? countries.get(p.getText()) : null;
          if (country == null) {
            return null;
          }
          break;
        case AS_OF:
          asOf = t == JsonToken.VALUE_STRING ? FactValues.isoDate(p.getText()) : null;
          if (asOf == null) {
            return null;
          }
          break;
        case APPLICATION_DATE:
          applicationDate = t == JsonToken.VALUE_STRING ? FactValues.isoDate(p.getText()) : null;
          if (applicationDate == null) {
            return null;
          }
          break;
        case FACTS:
          given = t != JsonToken.START_OBJECT ? -1 : facts(p, bySlot, order);
          if (given < 0) {
            return null;
          }
          break;
        case EXPECT:
          if (t != JsonToken.START_OBJECT || !expect(p, expect)) {
            return null;
          }
          break;
        default:
          // 'note' and '$schema' are not read; a plain text is all the fast path takes
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
      }
    }
    if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
      return null;
    }
    return new Case(id, source, Optional.ofNullable(country), Optional.ofNullable(asOf),
        Optional.ofNullable(applicationDate), FrozenMap.bySlots(bySlot, symbols, order, given),
        FrozenMap.owning(expect));
  }

  /**
   * Reads the facts object into {@code bySlot}, with their slots in {@code order} as given.
   *
   * @return how many were given (not null), or -1 when the fast path does not take them
   */
  private int facts(JsonParser p, Object[] bySlot, int[] order) throws IOException {
    int given = 0;
    // the facts named so far, by index: a second mention is a duplicate key, even after a null
    long[] seen = new long[(facts.length + 63) >> 6];
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Integer index = factIndex.get(name);
      if (index == null) {
        return -1;
      }
      int i = index;
      if ((seen[i >> 6] & 1L << i) != 0) {
        return -1;
      }
      seen[i >> 6] |= 1L << i;
      t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        continue; // unknown
      }
      Object v = fields[i] != null ? records(p, t, facts[i], fields[i]) : scalar(p, t, facts[i]);
      if (v == null) {
        return -1;
      }
      bySlot[slots[i]] = v;
      order[given++] = slots[i];
    }
    return t == JsonToken.END_OBJECT ? given : -1;
  }

  private Object records(JsonParser p, JsonToken t, Fact fact, Map<String, Fact> fields) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      return null;
    }
    boolean periods = fact.type().kind() == Type.Kind.PERIODS;
    List<Map<String, Object>> out = new ArrayList<>();
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      Map<String, Object> record = new LinkedHashMap<>();
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        Fact field = fields.get(name);
        if (field == null || record.containsKey(name)) {
          return null;
        }
        t = p.nextToken();
        Object v = t == JsonToken.VALUE_NULL ? null : field.type().isRecords() ? null : scalar(p, t, field);
        if (v == null && t != JsonToken.VALUE_NULL) {
          return null;
        }
        record.put(name, v);
      }
      if (t != JsonToken.END_OBJECT) {
        return null;
      }
      record.values().removeIf(v -> v == null);
      if (periods && !FactValues.validPeriod(record)) {
        return null;
      }
      out.add(record);
    }
    return t == JsonToken.END_ARRAY ? List.copyOf(out) : null;
  }

  /** A scalar value of the fact's type, or null when it is not one that CaseReader takes silently. */
  private Object scalar(JsonParser p, JsonToken t, Fact fact) throws IOException {
    Type type = fact.type();
    switch (type.kind()) {
      case BOOLEAN:
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE
            : t == JsonToken.VALUE_STRING ? FactValues.word(p.getText()) : null;
      case INTEGER: {
        if (t != JsonToken.VALUE_NUMBER_INT) {
          return null;
        }
        if (p.getTextLength() <= SHORT_INTEGER) {
          // a short JSON integer is in range and exact as a long: no BigDecimal
          long n = p.getLongValue();
          boolean bounded = fact.min().isPresent() || fact.max().isPresent();
          return bounded && FactValues.outOfBounds(fact, BigDecimal.valueOf(n)) != null ? null : (Object) n;
        }
        BigDecimal v = number(p, fact);
        return v == null ? null : (Object) v.longValue();
      }
      case DECIMAL:
      case MONEY:
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? number(p, fact) : null;
      case DATE: {
        LocalDate d = t == JsonToken.VALUE_STRING
            ? FactValues.isoDate(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
        return d == null || fact.past() && d.isAfter(today) ? null : d;
      }
      case ENUM:
      case LEVEL:
        if (t != JsonToken.VALUE_STRING) {
          return null;
        }
        return type.canonical(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      case TEXT:
        return t == JsonToken.VALUE_STRING ? text(p) : null;
      default:
        return null;
    }
  }

  /** A string value, or null when it is longer than the limits allow. */
  private static String text(JsonParser p) throws IOException {
    return p.getTextLength() > LIMITS.maxStringLength() ? null : p.getText();
  }

  /** A number within range and the fact's bounds, parsed from its text exactly as CaseReader does. */
  private static BigDecimal number(JsonParser p, Fact fact) throws IOException {
    if (p.getTextLength() > LIMITS.maxNumberLength()) {
      return null;
    }
    Optional<BigDecimal> parsed = Numbers.parse(p.getText());
    return parsed.isPresent() && FactValues.numberProblem(fact, parsed.get()) == null ? parsed.get() : null;
  }

  private boolean expect(JsonParser p, Map<String, String> out) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String permit = permits.get(p.currentName());
      if (permit == null || out.containsKey(permit) || p.nextToken() != JsonToken.VALUE_STRING
          || !CaseReader.VERDICTS.contains(p.getText())) {
        return false;
      }
      out.put(permit, p.getText());
    }
    return t == JsonToken.END_OBJECT;
  }
}
