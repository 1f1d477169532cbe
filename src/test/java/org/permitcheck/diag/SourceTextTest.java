package org.permitcheck.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a file stops being UTF-8. */
class SourceTextTest {
  @ParameterizedTest(name = "[{0}] at {1}")
  @CsvSource({
      "'', -1",
      "'id: a', -1",
      "'name: Zoë', -1", // two bytes
      "'€ at the start', -1", // three bytes
      "'a ff b', 1", // a byte UTF-8 never has
      "'xy c3', 2", // a sequence cut off at the end
      "'é c3 28', 2", // a continuation byte missing, after a valid sequence
      "'abc 80', 3", // a lone continuation byte
      "'x ed a0 80', 1", // a surrogate, encoded
  })
  void findsTheFirstByteThatIsNotUtf8(String spec, int expected) {
    assertThat(SourceText.firstMalformedOffset(bytes(spec))).isEqualTo(expected);
  }

  @Test
  void agreesWithTheJdksDecoderOnRandomBytes() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        // mostly ASCII, sometimes a byte beyond it, as files go
        b[i] = (byte) (random.nextInt(8) == 0 ? 0x80 + random.nextInt(128) : random.nextInt(128));
      }
      assertThat(SourceText.firstMalformedOffset(b)).as("round %d", round).isEqualTo(decoderSays(b));
    }
  }

  /** Text with bytes given in hexadecimal among its words, e.g. {@code "ab c3"}. */
  private static byte[] bytes(String spec) {
    ByteBuffer out = ByteBuffer.allocate(64);
    String[] words = spec.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (words[i].matches("[0-9a-f]{2}")) {
        out.put((byte) Integer.parseInt(words[i], 16));
      } else {
        out.put(words[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] b = new byte[out.position()];
    out.flip().get(b);
    return b;
  }

  private static int decoderSays(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    var result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(Math.max(16, b.length)), true);
    return result.isError() ? in.position() : -1;
  }
}
