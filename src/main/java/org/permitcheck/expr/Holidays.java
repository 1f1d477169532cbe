package org.permitcheck.expr;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public holidays of the countries whose time limits move to the next working day when they end
 * on a Saturday, a Sunday or a public holiday (Belgian Judicial Code art. 53, French code de procédure
 * civile art. 642): the legal holidays of Belgium (arrêté royal of 18 April 1974) and the jours fériés
 * of France (code du travail L.3133-1, without the two extra days of Alsace-Moselle), fixed dates and
 * those that follow Easter. For dates since 1982 (8 May was restored in France in 1981).
 */
final class Holidays {
  static final Set<String> COUNTRIES = Set.of("BE", "FR");

  private static final Map<String, List<MonthDay>> FIXED = Map.of(
      "BE", List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(7, 21), MonthDay.of(8, 15),
          MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25)),
      "FR", List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
          MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25)));

  /** Easter Monday, Ascension Day and Whit Monday, in days after Easter Sunday: both countries. */
  private static final int[] AFTER_EASTER = {1, 39, 50};

  private Holidays() {}

  /** The day itself when it is a working day in the country, else the first working day after it. */
  static LocalDate workingDay(LocalDate day, String country) {
    LocalDate d = day;
    while (!isWorkingDay(d, country)) {
      d = d.plusDays(1);
    }
    return d;
  }

  static boolean isWorkingDay(LocalDate d, String country) {
    DayOfWeek w = d.getDayOfWeek();
    if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY || FIXED.get(country).contains(MonthDay.from(d))) {
      return false;
    }
    LocalDate easter = easter(d.getYear());
    for (int after : AFTER_EASTER) {
      if (d.equals(easter.plusDays(after))) {
        return false;
      }
    }
    return true;
  }

  /** Easter Sunday of a Gregorian year (the anonymous algorithm of 1876, Meeus/Jones/Butcher). */
  static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
