package org.permitcheck.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "12, 12", "-3, -3", "+4, 4", "1250.50, 1250.50", ".5, 0.5", "1_000, 1000", "1e3, 1E+3", "2.5E-2, 0.025",
  })
  void readsPlainDecimalNumbers(String text, String value) {
    assertThat(Numbers.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0x1F", "0o17", "0b101", ".inf", "-.inf", ".nan", "1__0", "_1", "1e99999", "12:30", "١٢", "-"})
  void refusesEverythingElse(String text) {
    assertThat(Numbers.parse(text)).isEmpty();
  }

  /** The form {@link Numbers#plain} checks, as the regular expression it replaced. */
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

  @Test
  void checksTheFormAsTheRegularExpressionDoes() {
    String alphabet = "0123456789+-.eE_ x";
    Random r = new Random(3);
    int plain = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder t = new StringBuilder();
      for (int k = r.nextInt(9); k > 0; k--) {
        t.append(alphabet.charAt(r.nextInt(r.nextBoolean() ? 10 : alphabet.length())));
      }
      boolean expected = PLAIN.matcher(t).matches();
      assertThat(Numbers.plain(t.toString())).as(t.toString()).isEqualTo(expected);
      plain += expected ? 1 : 0;
    }
    assertThat(plain).isGreaterThan(10_000);
    for (String t : new String[] {"", "+", ".", "1.", ".5", "1e", "1e12345", "1e1234", "-.5e-3", "1.e5", "\u0661"}) {
      assertThat(Numbers.plain(t)).as(t).isEqualTo(PLAIN.matcher(t).matches());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"999999999999999, true", "1000000000000000, false", "0.0000000001, true", "0.00000000001, false",
      "1.50000000000000000000, true", "1E+20, false", "1E-20, false"})
  void boundsMagnitudeAndPrecision(String text, boolean inRange) {
    assertThat(Numbers.inRange(new BigDecimal(text))).isEqualTo(inRange);
  }
}
