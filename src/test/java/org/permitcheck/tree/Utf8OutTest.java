package org.permitcheck.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The buffer YAML's JSON is written into encodes chars exactly as {@code String.getBytes(UTF_8)} does. */
class Utf8OutTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "key: value", "é", "Zoë Müller straße", "\u07ff\u0800", "✓ — «x»", "\uffff",
      "\ud83d\ude00", "x\ud83d\ude00y", "\ud800", "\udc00", "a\ud800b", "\ud800\ud800\udc00", "\udc00\ud800",
      "end\ud83d"})
  void encodesTextAsStringGetBytesDoes(String text) {
    assertThat(new Utf8Out(1).append(text).toBytes()).isEqualTo(utf8(text));
    assertThat(new Utf8Out(1).append(text.toCharArray(), 0, text.length()).toBytes()).isEqualTo(utf8(text));
  }

  @Test
  void encodesRandomRangesOfTextAsTheirSubstringsGetBytes() {
    Random random = new Random(20261124);
    char[] alphabet = {'a', 'Z', '0', ' ', '"', '\n', 'é', '\u00a0', '\u07ff', '\u0800', '—', '\ufffd', '\uffff',
        '\ud83d', '\ude00', '\ud800', '\udfff'};
    for (int round = 0; round < 20_000; round++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String text = new String(chars);
      int from = random.nextInt(chars.length + 1);
      int to = from + random.nextInt(chars.length - from + 1);
      byte[] expected = utf8(text.substring(from, to));
      Utf8Out out = new Utf8Out(1 + random.nextInt(8)); // grows as it goes
      assertThat(out.append(chars, from, to - from).toBytes()).as(text).isEqualTo(expected);
      out.clear();
      assertThat(out.append(text, from, to).toBytes()).as(text).isEqualTo(expected);
    }
  }

  @Test
  void appendsInOrderAndReportsTheLastByte() {
    Utf8Out out = new Utf8Out(2);
    assertThat(out.last()).isZero();
    out.ascii('{').ascii('"').append("clé".toCharArray(), 0, 3).ascii('"').ascii(':').append("[1]");
    assertThat(out.last()).isEqualTo((byte) ']');
    assertThat(new String(out.toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"clé\":[1]");
    out.clear();
    assertThat(out.toBytes()).isEmpty();
    assertThat(out.capacity()).isGreaterThanOrEqualTo(13);
  }
}
