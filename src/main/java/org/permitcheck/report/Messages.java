package org.permitcheck.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The program's own texts in one language, from {@code messages*.properties}. */
public final class Messages {
  private final ResourceBundle bundle;
  private final String language;

  public Messages(String language) {
    this.language = language;
    ResourceBundle b;
    try {
      b = ResourceBundle.getBundle("org.permitcheck.report.messages", Locale.forLanguageTag(language),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      b = ResourceBundle.getBundle("org.permitcheck.report.messages", Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
    this.bundle = b;
  }

  public String language() {
    return language;
  }

  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern.replace("''", "'");
    }
    MessageFormat f = new MessageFormat(pattern, Locale.ROOT);
    return f.format(args);
  }

  /** "1 fact" / "3 facts" and the like. */
  public String count(int n, String one, String many) {
    return n == 1 ? get(one) : get(many, String.valueOf(n));
  }
}
