package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Today, computed without java.time's zone rules, is the date LocalDate.now() gives. */
class TodayTest {
  @Test
  void isTheDateOfTheSystemTimeZone() {
    LocalDate before = LocalDate.now();
    LocalDate today = Cli.today();
    assertThat(today).isBetween(before, LocalDate.now());
  }

  private static Context system(String today) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    return Cli.system(new ByteArrayInputStream(new byte[0]), sink, sink, Map.of("PERMITCHECK_TODAY", today));
  }

  @Test
  void permitcheckTodayFixesTheDate() {
    assertThat(system(" 2026-11-22 ").today()).isEqualTo(LocalDate.of(2026, 11, 22));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "+10000-01-01", "2026-02-30", "22.11.2026"})
  void aPermitcheckTodayThatIsNotADateIsAUsageError(String value) {
    assertThatThrownBy(() -> system(value)).isInstanceOf(UsageError.class)
        .hasMessageContaining("PERMITCHECK_TODAY='" + value + "' is not a date");
  }
}
