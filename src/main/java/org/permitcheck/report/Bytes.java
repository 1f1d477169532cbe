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
  /**
   * Where the record being written starts. The bytes before it belong to records handed out as
   * slices ({@link #record}); they are never written again: a buffer too small for the record is
   * replaced, and only the record is copied to the new one.
   */
  private int start;
  private char[] chars = new char[256];

  Bytes(int capacity) {
    buf = new byte[capacity];
  }

  /** Starts a record after the ones handed out, whose bytes stay as they are. */
  void startRecord() {
    start = len;
  }

  /** The record written since {@link #startRecord}, where it is. */
  Utf8Slice record() {
    return new Utf8Slice(buf, start, len - start);
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

  /**
   * The text of a builder, encoded as UTF-8: ASCII is copied as it is, without making a String of it,
   * through an array of chars (a char at a time from the builder costs a call and checks, with C1).
   */
  Bytes appendText(StringBuilder s) {
    int n = s.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    s.getChars(0, n, chars, 0);
    ensure(n);
    char[] c = chars;
    for (int i = 0; i < n; i++) {
      if (c[i] >= 0x80) {
        return appendText(new String(c, i, n - i));
      }
      buf[len++] = (byte) c[i];
    }
    return this;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      if (start == 0) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        return;
      }
      // the records before start were handed out: they keep the old array
      int kept = len - start;
      byte[] b = new byte[Math.max(buf.length, 2 * (kept + more))];
      System.arraycopy(buf, start, b, 0, kept);
      buf = b;
      len = kept;
      start = 0;
    }
  }
}
