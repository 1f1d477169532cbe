package org.permitcheck.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.permitcheck.expr.Type;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Fact;

/**
 * Reads a typed answer into the value a case file would hold for the fact (Boolean, Long, BigDecimal,
 * LocalDate or String), with the same checks: ranges, enum values, no future date where the fact
 * must lie in the past. Forgiving in form: yes/no in any language of the interview, dates as 1999-05-14,
 * 14.05.1999, 14/05/1999 or 14-05-1999, a choice by its number or its name, decimals with a comma.
 */
final class AnswerParser {
  /** 14.05.1999, 14/05/1999, or 14-05-1999 as the Netherlands write dates; one separator throughout. */
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})\\2(\\d+)");
  /** 1,200 or 1.200: thousands in one language, a decimal in another. */
  private static final Pattern ONE_GROUP = Pattern.compile("-?[1-9]\\d{0,2}[.,]\\d{3}");
  /** 1.200.000 or 1,200,000: the same separator between groups of three can only group thousands. */
  private static final Pattern GROUPS = Pattern.compile("-?\\d{1,3}([.,])\\d{3}(\\1\\d{3})+");
  private static final Pattern ISO = Pattern.compile("(\\d+)-(\\d{1,2})-(\\d{1,2})");
  private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private final Messages m;
  private final LocalDate today;
  AnswerParser(Messages m, LocalDate today) {
    this.m = m;
    this.today = today;
  }

  /** {@code text} is stripped and not empty (an empty answer means "skip" and never comes here). */
  Parsed parse(Fact fact, String text) {
    Type type = fact.type();
    switch (type.kind()) {
      case BOOLEAN:
        return bool(text);
      case INTEGER:
        return integer(fact, text);
      case DECIMAL:
      case MONEY:
        return decimal(fact, text);
      case DATE:
        return date(fact, text);
      case ENUM:
      case LEVEL:
        return choice(fact, text);
      default:
        return Parsed.of(text);
    }
  }

  private Parsed bool(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    // yes and no in every language (Replies), and true and false as in a case file
    if (t.equals("true") || Replies.yes(t)) {
      return Parsed.of(Boolean.TRUE);
    }
    if (t.equals("false") || Replies.no(t)) {
      return Parsed.of(Boolean.FALSE);
    }
    return Parsed.invalid(m.get("interview.invalid.boolean", text));
  }

  private Parsed integer(Fact fact, String text) {
    String t = withoutUnit(fact, text);
    if (ONE_GROUP.matcher(t).matches()) {
      return ambiguous(text, t);
    }
    if (GROUPS.matcher(t).matches()) {
      t = t.replaceAll("[.,]", ""); // 1.000.000: two separators of thousands leave no doubt
    }
    if (t.matches("-?\\d{1,15}[.,]0+")) {
      // 20.0 is a whole number, as a case file may write it (the case reader takes it)
      t = t.substring(0, Math.max(t.indexOf('.'), t.indexOf(',')));
    }
    if (t.matches("-?\\d{1,15}[.,]\\d{1,6}")) {
      // no rounded number is suggested: 19.5 hours rounded to 20 would meet "at least 20 hours"
      return Parsed.invalid(m.get("interview.invalid.fraction", text));
    }
    if (t.matches("-?\\d{16,}")) {
      return Parsed.invalid(m.get("interview.invalid.too_large", text)); // a whole number, too large to be a count
    }
    if (!t.matches("-?\\d{1,15}")) {
      return Parsed.invalid(m.get("interview.invalid.integer", text));
    }
    BigDecimal v = new BigDecimal(t);
    String problem = range(fact, v);
    return problem.isEmpty() ? Parsed.of(v.longValueExact()) : Parsed.invalid(problem);
  }

  private Parsed decimal(Fact fact, String text) {
    String t = withoutUnit(fact, text).replace(" ", "").replace("\u00a0", "").replace("€", "");
    if (ONE_GROUP.matcher(t).matches()) {
      return ambiguous(text, t);
    }
    if (GROUPS.matcher(t).matches()) {
      t = t.replaceAll("[.,]", "");
    }
    int comma = t.lastIndexOf(',');
    int dot = t.lastIndexOf('.');
    if (comma >= 0 && dot >= 0) {
      t = comma < dot ? t.replace(",", "") : t.replace(".", "").replace(',', '.');
    } else if (comma >= 0) {
      t = t.replace(',', '.');
    }
    if (!t.matches("-?\\d{1,15}(\\.\\d{1,6})?")) {
      return Parsed.invalid(m.get("interview.invalid.number", text));
    }
    BigDecimal v = new BigDecimal(t);
    String problem = range(fact, v);
    return problem.isEmpty() ? Parsed.of(v) : Parsed.invalid(problem);
  }

  /**
   * The refusal of a number such as 1,200 or 1.200, which is 1200 with a thousands separator in one
   * language and 1.2 with a decimal comma or point in another: the interview does not guess.
   */
  private Parsed ambiguous(String text, String number) {
    // the decimal reading as the language writes it (1,2 in French), the whole one as it is to be typed
    String decimal = m.number(new BigDecimal(number.replace(',', '.')).stripTrailingZeros());
    return Parsed.invalid(m.get("interview.invalid.grouping", text, number.replaceAll("[.,]", ""), decimal));
  }

  /** The answer without a unit typed after it: the rules' own, its translation, or the currency. */
  private String withoutUnit(Fact fact, String text) {
    String t = text.strip();
    List<String> suffixes = new ArrayList<>();
    if (!fact.unit().isEmpty()) {
      suffixes.add(m.unit(fact.unit()));
      suffixes.add(fact.unit());
    }
    if (!fact.type().currency().isEmpty()) {
      suffixes.add(fact.type().currency());
      if (fact.type().currency().equals("EUR")) {
        suffixes.addAll(List.of("euros", "euro"));
      }
    }
    for (String s : suffixes) {
      if (t.toLowerCase(Locale.ROOT).endsWith(s.toLowerCase(Locale.ROOT))) {
        t = t.substring(0, t.length() - s.length()).strip();
      }
    }
    return t;
  }

  private String range(Fact fact, BigDecimal v) {
    String unit = fact.unit().isEmpty() ? fact.type().currency() : m.unit(fact.unit());
    String suffix = unit.isEmpty() ? "" : " " + unit;
    if (fact.min().isPresent() && v.compareTo(fact.min().get()) < 0) {
      return m.get("interview.invalid.min", fact.min().get().toPlainString() + suffix);
    }
    if (fact.max().isPresent() && v.compareTo(fact.max().get()) > 0) {
      return m.get("interview.invalid.max", fact.max().get().toPlainString() + suffix);
    }
    return "";
  }

  private Parsed date(Fact fact, String text) {
    String iso;
    Matcher d = DAY_FIRST.matcher(text);
    Matcher i = ISO.matcher(text);
    if (d.matches()) {
      iso = d.group(4) + "-" + d.group(3) + "-" + d.group(1);
    } else if (i.matches()) {
      iso = text;
    } else {
      return Parsed.invalid(m.get("interview.invalid.date", text));
    }
    if (!iso.matches("\\d{4}-.*")) {
      return Parsed.invalid(m.get("interview.invalid.year", text));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(iso, STRICT);
    } catch (DateTimeParseException e) {
      if (d.matches() && monthFirst(d)) {
        // 05/14/1999 as the United States write it: say that the day comes first, and how that reads
        String sep = d.group(2);
        return Parsed.invalid(m.get("interview.invalid.month_first", text,
            d.group(3) + sep + d.group(1) + sep + d.group(4)));
      }
      return Parsed.invalid(m.get("interview.invalid.no_such_day", text));
    }
    if (fact.past() && date.isAfter(today)) {
      return Parsed.invalid(m.get("interview.invalid.future", m.date(date), m.date(today)));
    }
    return Parsed.of(date);
  }

  /** A day-first date that is a date only read month first: 05/14/1999. */
  private static boolean monthFirst(Matcher d) {
    int day = Integer.parseInt(d.group(1));
    int month = Integer.parseInt(d.group(3));
    if (month <= 12 || day < 1 || day > 12 || d.group(4).length() != 4) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(d.group(4)), day, month);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private Parsed choice(Fact fact, String text) {
    List<String> values = fact.type().values();
    if (text.matches("\\d{1,3}")) {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= values.size()) {
        return Parsed.of(values.get(n - 1));
      }
    }
    for (String v : values) {
      if (v.equalsIgnoreCase(text) || fact.label(v, m.language()).equalsIgnoreCase(text)) {
        return Parsed.of(v);
      }
    }
    return Parsed.invalid(m.get("interview.invalid.choice", text, String.valueOf(values.size())));
  }
}
