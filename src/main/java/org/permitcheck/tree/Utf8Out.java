package org.permitcheck.tree;

import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes that text is appended to as chars: what {@link YamlSubset} writes its
 * JSON into, encoding as it goes, so that the JSON needs no builder of chars, no String and no encoding
 * afterwards. Its bytes are those of {@code String.getBytes(UTF_8)} of the same chars, a lone surrogate
 * included (as {@code ?}).
 */
final class Utf8Out {
  private byte[] buf;
  private int len;

  Utf8Out(int capacity) {
    buf = new byte[capacity];
  }

  void clear() {
    len = 0;
  }

  int capacity() {
    return buf.length;
  }

  /** The last byte written, or 0 when there is none. */
  byte last() {
    return len == 0 ? 0 : buf[len - 1];
  }

  /** Appends a char below 0x80. */
  Utf8Out ascii(char c) {
    if (len == buf.length) {
      grow(1);
    }
    buf[len++] = (byte) c;
    return this;
  }

  Utf8Out append(String text) {
    return append(text, 0, text.length());
  }

  Utf8Out append(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        ascii(c);
      } else {
        i = encode(c, i + 1 < to ? text.charAt(i + 1) : 0, i);
      }
    }
    return this;
  }

  Utf8Out append(char[] chars, int from, int count) {
    if (buf.length - len < count) {
      grow(count);
    }
    int to = from + count;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c < 0x80) {
        if (len == buf.length) {
          grow(1);
        }
        buf[len++] = (byte) c;
      } else {
        i = encode(c, i + 1 < to ? chars[i + 1] : 0, i);
      }
    }
    return this;
  }

  /**
   * Encodes {@code c}, a char at or above 0x80 at index {@code i}, which {@code next} follows (0 at the
   * end): returns the index of the last char used, {@code i + 1} when the two make a surrogate pair.
   */
  private int encode(char c, char next, int i) {
    if (buf.length - len < 4) {
      grow(4);
    }
    if (c < 0x800) {
      buf[len++] = (byte) (0xc0 | c >> 6);
      buf[len++] = (byte) (0x80 | c & 0x3f);
    } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
      int cp = Character.toCodePoint(c, next);
      buf[len++] = (byte) (0xf0 | cp >> 18);
      buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
      buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
      buf[len++] = (byte) (0x80 | cp & 0x3f);
      return i + 1;
    } else if (Character.isSurrogate(c)) {
      buf[len++] = '?';
    } else {
      buf[len++] = (byte) (0xe0 | c >> 12);
      buf[len++] = (byte) (0x80 | c >> 6 & 0x3f);
      buf[len++] = (byte) (0x80 | c & 0x3f);
    }
    return i;
  }

  private void grow(int more) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }
}
