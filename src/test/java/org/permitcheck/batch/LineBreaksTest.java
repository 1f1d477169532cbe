package org.permitcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineBreaksTest {
  @ParameterizedTest(name = "[{index}] break at {1}")
  @CsvSource(delimiter = '|', value = {
      "'{\"a\":1}\\n'             | 7",
      "'{\"a\":\"été\"}\\r\\n{}'  | 13",
      "'no break at all, longer than a word' | -1",
      "'\\ttab first, then\\n'    | 16",
      "''                         | -1",
      "'\\n'                      | 0",
      "'12345678\\r'              | 8",
  })
  void findsTheFirstLineBreakAsAByteAtATimeDoes(String escaped, int expected) {
    byte[] b = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").getBytes(StandardCharsets.UTF_8);

    assertThat(LineBreaks.find(b, 0, b.length)).isEqualTo(expected);
    assertThat(LineBreaks.bytewise(b, 0, b.length)).isEqualTo(expected);
  }

  @Test
  void agreesWithTheBytewiseSearchOnRandomBuffersAndBounds() {
    Random random = new Random(5);
    byte[] alphabet = {'\n', '\r', '\t', 0, 13, 14, 15, 127, (byte) 0x80, (byte) 0x8a, (byte) 0x8d, (byte) 0xc3,
        (byte) 0xff, '{', '"', 'a', ' '};
    for (int run = 0; run < 20_000; run++) {
      byte[] b = new byte[random.nextInt(40)];
      int breaks = random.nextInt(4);
      for (int i = 0; i < b.length; i++) {
        b[i] = breaks > 0 && random.nextInt(12) == 0 ? alphabet[random.nextInt(alphabet.length)]
            : (byte) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x80 + random.nextInt(128));
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      int to = from + random.nextInt(b.length - from + 1);

      assertThat(LineBreaks.find(b, from, to)).as("run %d", run).isEqualTo(LineBreaks.bytewise(b, from, to));
    }
  }
}
