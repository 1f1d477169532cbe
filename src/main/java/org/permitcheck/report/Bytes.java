package org.permitcheck.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing buffer of UTF-8 bytes: a batch's compact record is put together from parts encoded once
 * (ids, keys, verdicts) and copied, instead of being built as text and encoded as a whole.
 */
final class Bytes {
  private byte[] buf;
  private int len;

  Bytes(int capacity) {
    buf = new byte[capacity];
  }

  void reset() {
    len = 0;
  }

  int capacity() {
    return buf.length;
  }

  Bytes append(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** One ASCII character. */
  Bytes append(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Text, encoded as UTF-8. */
  Bytes appendText(String s) {
    return append(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Text, encoded as UTF-8: ASCII is copied as it is, without making a String of it. */
  Bytes appendText(CharSequence s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return appendText(s.subSequence(i, n).toString());
      }
      buf[len++] = (byte) c;
    }
    return this;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
