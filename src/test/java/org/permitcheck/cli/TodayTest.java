package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Today, computed without java.time's zone rules, is the date LocalDate.now() gives. */
class TodayTest {
  @Test
  void isTheDateOfTheSystemTimeZone() {
    LocalDate before = LocalDate.now();
    LocalDate today = Cli.today();
    assertThat(today).isBetween(before, LocalDate.now());
  }
}
