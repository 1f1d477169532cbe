package org.permitcheck.rules;

import java.util.List;
import java.util.function.Supplier;

/**
 * A country with its permits and where to get advice. The ids of its permits are always known; the
 * permits themselves may be read when first asked for (the bundled ruleset reads only the countries a
 * command needs). Either way the country is immutable and safe to share between threads.
 */
public final class Country {
  private final String code;
  private final Text name;
  private final List<Text> advice;
  private final List<String> permitIds;
  private final Supplier<List<Permit>> reader;
  private volatile List<Permit> permits;

  public Country(String code, Text name, List<Text> advice, List<Permit> permits) {
    this(code, name, advice, permits.stream().map(Permit::id).toList(), null);
    this.permits = List.copyOf(permits);
  }

  private Country(String code, Text name, List<Text> advice, List<String> permitIds, Supplier<List<Permit>> reader) {
    this.code = code;
    this.name = name;
    this.advice = List.copyOf(advice);
    this.permitIds = List.copyOf(permitIds);
    this.reader = reader;
  }

  /** A country whose permits, with these ids, are read by {@code reader} when first needed. */
  static Country later(String code, Text name, List<Text> advice, List<String> permitIds,
      Supplier<List<Permit>> reader) {
    return new Country(code, name, advice, permitIds, reader);
  }

  public String code() {
    return code;
  }

  public Text name() {
    return name;
  }

  public List<Text> advice() {
    return advice;
  }

  /** The ids of the permits, in rules-file order, without reading the permits. */
  public List<String> permitIds() {
    return permitIds;
  }

  public List<Permit> permits() {
    List<Permit> p = permits;
    if (p == null) {
      synchronized (this) {
        p = permits;
        if (p == null) {
          p = List.copyOf(reader.get());
          if (!p.stream().map(Permit::id).toList().equals(permitIds)) {
            throw new IllegalStateException("the permits of " + code + " are not those listed: " + permitIds);
          }
          permits = p;
        }
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return "Country[" + code + ", " + permitIds.size() + " permits]";
  }
}
