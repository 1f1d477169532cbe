package org.permitcheck.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CandidateDaysTest {
  @Test
  void givesTheDaysWithinItsSpanInOrderEachOnceWhateverTheirNumber() {
    Random random = new Random(11);
    for (int n = 0; n <= 300; n++) {
      for (int round = 0; round < 20; round++) {
        CandidateDays days = new CandidateDays(100, 400);
        long[] given = new long[n];
        for (int i = 0; i < n; i++) {
          // some outside the span, and repeats
          given[i] = 50 + random.nextInt(round % 2 == 0 ? 400 : 40);
          days.acceptDay(given[i]);
        }
        long[] expected = LongStream.of(given).filter(d -> d > 100 && d <= 400).sorted().distinct().toArray();
        assertThat(days.inOrder()).as("%d days, round %d", n, round).containsExactly(expected);
      }
    }
  }

  @Test
  void keepsTheDaysAfterItsStartUpToItsEnd() {
    CandidateDays days = new CandidateDays(10, 20);
    days.acceptDays(new long[] {20, 10, 11, 21, 9, 15, 11});
    assertThat(days.inOrder()).containsExactly(11, 15, 20);
  }
}
