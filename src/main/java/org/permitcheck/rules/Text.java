package org.permitcheck.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A text in several languages, e.g. {@code {en: "...", fr: "..."}}. */
public record Text(Map<String, String> byLanguage) {
  public static final Text EMPTY = new Text(Map.of());

  public Text {
    byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
  }

  public static Text of(String en) {
    return new Text(Map.of("en", en));
  }

  /** A text that reads the same in every language, such as a citation ("§ 25b AufenthG"). */
  public static Text same(String text) {
    return new Text(Map.of("en", text, "fr", text, "de", text, "nl", text));
  }

  public boolean isEmpty() {
    return byLanguage.isEmpty();
  }

  /** The text in {@code language}, if it was written in that language. */
  public Optional<String> in(String language) {
    return Optional.ofNullable(byLanguage.get(language));
  }

  /** The text in {@code language}, else in English, else "". */
  public String get(String language) {
    String s = byLanguage.get(language);
    if (s == null) {
      s = byLanguage.get("en");
    }
    return s == null ? "" : s;
  }
}
