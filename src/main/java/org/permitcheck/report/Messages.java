package org.permitcheck.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.permitcheck.rules.DateRange;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Text;

/**
 * The program's own texts in one language, from {@code messages*.properties} (UTF-8), and the texts
 * of the rules in that language: a rules text without a translation falls back to English, marked
 * {@code [en]} so that the reader sees it was not translated.
 */
public final class Messages {
  /** The languages the program speaks; rules texts may be written in any of them. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "de", "nl");

  private static final String BUNDLE = "org.permitcheck.report.messages";
  private final ResourceBundle bundle;
  private final String language;

  public Messages(String language) {
    this.language = LANGUAGES.contains(language) ? language : "en";
    this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(this.language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String language() {
    return language;
  }

  /** The message {@code key}, with {@code {0}}-style arguments filled in. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no message '" + key + "' in " + BUNDLE, e);
    }
    if (args.length == 0) {
      return pattern.replace("''", "'");
    }
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof Number) {
        shown[i] = shown[i].toString();
      }
    }
    return new MessageFormat(pattern, Locale.ROOT).format(shown);
  }

  /**
   * A decimal as the language writes it: "1,201.19" in English, "1.201,19" in Dutch and German,
   * "1 201,19" in French (the separators are the messages {@code number.decimal} and {@code number.group}).
   */
  public String number(java.math.BigDecimal n) {
    String plain = n.toPlainString();
    String sign = plain.startsWith("-") ? "-" : "";
    String digits = plain.substring(sign.length());
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    String group = get("number.group");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(group);
      }
      out.append(whole.charAt(i));
    }
    return sign + out + (point < 0 ? "" : get("number.decimal") + digits.substring(point + 1));
  }

  /** An amount with its currency: "€1,201.19" in English, "€ 1.201,19" in Dutch, "1 201,19 €" in French. */
  public String money(java.math.BigDecimal amount, String currency) {
    String n = number(amount);
    return currency.equals("EUR") ? get("value.money.eur", n) : n + (currency.isEmpty() ? "" : " " + currency);
  }

  /** A fact's unit in this language ("months" → "Monate"), or the unit as the rules write it. */
  public String unit(String unit) {
    return unit.isEmpty() || !bundle.containsKey("unit." + unit) ? unit : get("unit." + unit);
  }

  /** A label followed by a colon, as the language writes it ("Apply:", "Demande :"). */
  public String colon(String key, Object... args) {
    return get(key, args) + get("punct.colon");
  }

  /**
   * "1 fact" / "3 facts" and the like: {@code one} when the language puts {@code n} in the singular,
   * else {@code many}; both take the number as {0}.
   */
  public String count(long n, String one, String many) {
    return get(singular(n) ? one : many, String.valueOf(n));
  }

  /**
   * Whether the language puts a count of {@code n} in the singular: 1 in every language, and 0 too in
   * French ("0 réponse"), while English, German and Dutch say "0 answers", "0 Antworten", "0 antwoorden".
   */
  public boolean singular(long n) {
    return n == 1 || n == 0 && language.equals("fr");
  }

  /** The message {@code key} as a text in this language, for a question the program asks itself. */
  public Text asText(String key) {
    return new Text(java.util.Map.of(language, get(key)));
  }

  /**
   * A permit's legal basis in this language; else its {@code en} form, unmarked: a citation is shown as
   * written where the language has no wording of its own (a Belgian act has none in German), as a plain
   * string is, and the {@code en} form is that written citation, not an English translation.
   */
  public String citation(Text t) {
    return t.get(language);
  }

  /** A rules text in this language; else the English text marked "[en] "; else "". */
  public String text(Text t) {
    return t.in(language).orElseGet(() -> t.in("en").map(en -> get("marker.untranslated", "en") + " " + en)
        .orElse(""));
  }

  /** The label of an enum, level or status value in this language, or the value itself. */
  public String label(Fact fact, String value) {
    Text t = fact.labels().get(value);
    return t == null || t.isEmpty() ? value : text(t);
  }

  /** A verdict's name, e.g. "NOT ELIGIBLE". */
  public String verdict(String key) {
    return get("verdict." + key);
  }

  /** "from 2015-08-01", "until 2025-12-31", "2009-09-15 to 2009-12-15" ("ab 01.08.2015" in German). */
  public String range(DateRange r) {
    if (r.from().isPresent() && r.until().isPresent()) {
      return get("range.between", date(r.from().get()), date(r.until().get()));
    }
    if (r.from().isPresent()) {
      return get("range.from", date(r.from().get()));
    }
    return r.until().map(u -> get("range.until", date(u))).orElse(get("range.always"));
  }

  /**
   * A date in a sentence as the language writes it: "2026-11-22" in English, French and Dutch,
   * "22.11.2026" in German (message date.format, given year, month and day with their zeros). A year
   * of more than four digits keeps the ISO form.
   */
  public String date(java.time.LocalDate d) {
    if (d.getYear() < 1000 || d.getYear() > 9999) {
      return d.toString();
    }
    return get("date.format", Integer.toString(d.getYear()), twoDigits(d.getMonthValue()),
        twoDigits(d.getDayOfMonth()));
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
