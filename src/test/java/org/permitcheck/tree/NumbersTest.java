package org.permitcheck.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({"999999999999999, true", "1000000000000000, false", "0.0000000001, true", "0.00000000001, false",
      "1.50000000000000000000, true", "1E+20, false", "1E-20, false"})
  void boundsMagnitudeAndPrecision(String text, boolean inRange) {
    assertThat(Numbers.inRange(new BigDecimal(text))).isEqualTo(inRange);
  }
}
