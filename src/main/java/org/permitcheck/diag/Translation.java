package org.permitcheck.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The diagnostics about case files in one language, from {@code diagnostics*.properties} (UTF-8, the
 * same form as the program's other messages: {@code {0}} placeholders, single quotes doubled). Each
 * language's bundle is loaded once, when its first diagnostic is said; a diagnostic is said without a
 * {@link java.text.MessageFormat}, so that a batch of many bad cases pays a string's building per
 * message, as the English text always has. A diagnostic that carries no {@link Diagnostic.Wording}
 * (those about rules files, and the YAML and JSON syntax errors) stays as it is, in English.
 */
public final class Translation {
  /** The languages the program speaks, as {@code --lang} names them. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "de", "nl");
  static final String UNIT = "unit";
  private static final String BUNDLE = "org.permitcheck.diag.diagnostics";
  static final Translation ENGLISH = new Translation("en");
  private static final Translation[] OTHERS = {new Translation("fr"), new Translation("de"), new Translation("nl")};

  private final String language;
  private volatile ResourceBundle bundle;

  private Translation(String language) {
    this.language = language;
  }

  /** The translation into {@code language}; English for a language the program does not speak. */
  public static Translation of(String language) {
    int i = LANGUAGES.indexOf(language);
    return i <= 0 ? ENGLISH : OTHERS[i - 1];
  }

  public String language() {
    return language;
  }

  private boolean english() {
    return this == ENGLISH;
  }

  private ResourceBundle bundle() {
    ResourceBundle b = bundle;
    if (b == null) {
      b = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      bundle = b;
    }
    return b;
  }

  private String pattern(String key) {
    try {
      return bundle().getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no message '" + key + "' in " + BUNDLE, e);
    }
  }

  /**
   * The phrase in this language: its pattern with each {@code {n}} replaced by its argument and each
   * {@code ''} by a single quote (any other brace is itself: "a mapping in {braces}"). In a language other than English, a quoted value longer than a
   * diagnostic shows is cut here, and its length said in the language ({@link Diagnostic#shorten} would
   * say it in English).
   */
  public String say(Phrase p) {
    Object[] args = p.args();
    if (p.key() == null) {
      return (String) args[0];
    }
    if (p.key().equals(UNIT)) {
      String unit = (String) args[0];
      return unit.isEmpty() || !bundle().containsKey(UNIT + "." + unit) ? unit : pattern(UNIT + "." + unit);
    }
    String pattern = pattern(p.key());
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'' && pattern.startsWith("''", i)) {
        out.append('\'');
        i++;
      } else if (c == '{' && i + 1 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))) {
        int close = pattern.indexOf('}', i);
        String value = text(args[Integer.parseInt(pattern.substring(i + 1, close))]);
        i = close;
        boolean quoted = out.length() > 0 && out.charAt(out.length() - 1) == '\''
            && pattern.startsWith("''", close + 1);
        if (quoted && !english() && value.length() > Diagnostic.MAX_QUOTED) {
          out.append(value, 0, Diagnostic.MAX_QUOTED - 1).append("…'")
              .append(say(Phrase.of("diag.characters", value.length())));
          i += 2;
        } else {
          out.append(value);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private String text(Object arg) {
    if (arg instanceof Phrase) {
      return say((Phrase) arg);
    }
    if (arg instanceof Collection) {
      StringBuilder out = new StringBuilder();
      for (Object o : (Collection<?>) arg) {
        out.append(out.length() == 0 ? "" : ", ").append(text(o));
      }
      return out.toString();
    }
    return String.valueOf(arg);
  }

  /** The diagnostic with its message, its message without values and its hints in this language. */
  public Diagnostic translate(Diagnostic d) {
    Diagnostic.Wording w = d.wording();
    if (english() || w == null) {
      return d;
    }
    List<String> hints = new ArrayList<>(w.hints().size());
    for (Phrase h : w.hints()) {
      hints.add(say(h));
    }
    return new Diagnostic(d.severity(), d.file(), d.line(), d.column(), say(w.message()), d.excerpt(), hints,
        w.withoutValues() == null ? null : say(w.withoutValues()), w);
  }

  /**
   * The diagnostic as the user reads it ({@link Diagnostic#render()}), in this language: its words
   * "error", "warning", "notice" and "hint" too, when it can be said in it at all.
   */
  public String render(Diagnostic d) {
    if (english() || d.wording() == null) {
      return d.render();
    }
    Diagnostic t = translate(d);
    List<String> hintLines = new ArrayList<>(t.hints().size());
    for (String hint : t.hints()) {
      hintLines.add(say(Phrase.of("render.hint", hint)));
    }
    return t.render(say(Phrase.of("render.head", t.location(), Phrase.of("severity." + d.severity().label()), t.message())),
        hintLines);
  }
}
