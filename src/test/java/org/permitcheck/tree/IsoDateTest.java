package org.permitcheck.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick date reader gives what LocalDate.parse gives, or nothing; from a String or from bytes alike. */
class IsoDateTest {
  /** LocalDate.parse's answer, or null where it throws. */
  static LocalDate jdk(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static LocalDate fromBytes(String s) {
    byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.ISO_8859_1);
    return IsoDate.parse(b, 2, s.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-01", "2000-02-29", "2024-02-29", "2024-12-31", "0000-01-01", "9999-12-31",
      "1970-01-01"})
  void readsEveryDateOfTheCalendarAsLocalDateDoes(String s) {
    assertThat(IsoDate.parse(s)).isEqualTo(jdk(s)).isNotNull();
    assertThat(fromBytes(s)).isEqualTo(jdk(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-02-29", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
      "2024-1-01",
      "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01x", " 2024-01-0", "+2024-01-0", "-024-01-01", "2024-0a-01",
      "２０２４-01-01", "", "2024-01-01 "})
  void givesNothingForAnythingElse(String s) {
    assertThat(IsoDate.parse(s)).isNull();
    if (s.chars().allMatch(c -> c < 0x100)) {
      assertThat(fromBytes(s)).isNull();
    }
  }

  @Test
  void neverDiffersFromLocalDateOnRandomTexts() {
    Random r = new Random(9);
    String alphabet = "0123456789-+ /";
    int dates = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = r.nextInt(4) == 0 ? 8 + r.nextInt(5) : 10;
      for (int k = 0; k < n; k++) {
        s.append(r.nextInt(3) == 0 ? alphabet.charAt(r.nextInt(alphabet.length())) : (char) ('0' + r.nextInt(10)));
      }
      if (n == 10 && r.nextBoolean()) {
        s.setCharAt(4, '-');
        s.setCharAt(7, '-');
      }
      String t = s.toString();
      LocalDate quick = IsoDate.parse(t);
      if (quick != null) {
        dates++;
        assertThat(quick).as(t).isEqualTo(jdk(t));
      }
      assertThat(fromBytes(t)).as(t).isEqualTo(quick);
    }
    assertThat(dates).isGreaterThan(1000);
  }
}
