package org.permitcheck.rules;

import java.util.List;

/**
 * The shape of a rules file as the loader reads it: the keys allowed at each level, the fact types,
 * the permit kinds and the name patterns. Public so that the JSON Schema of rules.yaml is built from
 * the very lists the loader checks against.
 */
public final class RulesFormat {
  public static final List<String> ROOT_KEYS = RulesLoader.ROOT_KEYS;
  public static final List<String> REQUIRED_LANGUAGES = RulesLoader.REQUIRED_LANGUAGES;
  public static final List<String> FACT_KEYS = FactReader.KEYS;
  public static final List<String> FIELD_KEYS = FactReader.FIELD_KEYS;
  public static final List<String> FACT_TYPES = FactReader.TYPES;
  /** The types a field of a list may have: every type but list and periods. */
  public static final List<String> FIELD_TYPES = FactReader.TYPES.stream()
      .filter(t -> !t.equals("list") && !t.equals("periods")).toList();
  public static final List<String> DERIVED_KEYS = DerivedReader.KEYS;
  public static final List<String> COUNTRY_KEYS = PermitReader.COUNTRY_KEYS;
  public static final List<String> PERMIT_KEYS = PermitReader.PERMIT_KEYS;
  public static final List<String> PERMIT_KINDS = PermitReader.KINDS;
  public static final List<String> CRITERION_KEYS = PermitReader.CRITERION_KEYS;
  public static final List<String> SOURCE_KEYS = PermitReader.SOURCE_KEYS;
  public static final List<String> RANGE_KEYS = PermitReader.RANGE_KEYS;
  public static final List<String> DISCRETION_KEYS = PermitReader.DISCRETION_KEYS;
  public static final String NAME_PATTERN = FactReader.NAME.pattern();
  public static final String COUNTRY_PATTERN = PermitReader.COUNTRY.pattern();
  public static final String PERMIT_ID_PATTERN = PermitReader.ID.pattern();

  private RulesFormat() {}
}
