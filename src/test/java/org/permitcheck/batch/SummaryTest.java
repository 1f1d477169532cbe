package org.permitcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.permitcheck.report.Messages;

/** The closing summary of a batch, in each language. */
class SummaryTest {
  @Test
  void writesTheSecondsAsTheLanguageWritesADecimal() {
    Summary s = new Summary();
    assertThat(s.render(0.0214, new Messages("en"), false)).contains("in 0.021 s");
    assertThat(s.render(0.0214, new Messages("fr"), false)).contains("en 0,021 s");
    assertThat(s.render(0.0215, new Messages("de"), false)).contains("0,022 s");
  }
}
