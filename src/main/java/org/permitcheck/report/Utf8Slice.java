package org.permitcheck.report;

/**
 * UTF-8 bytes in part of an array: a batch record rendered into a buffer that its worker shares with
 * the records after it ({@link JsonRenderer#renderLine}). The bytes are never written again, so
 * the thread that writes records out in order can write them from where they are, and write the
 * records a worker rendered one after another in one call.
 */
public record Utf8Slice(byte[] bytes, int offset, int length) {
  public static Utf8Slice of(byte[] bytes) {
    return new Utf8Slice(bytes, 0, bytes.length);
  }

  /** Whether {@code next} continues this slice in the same array. */
  public boolean continuedBy(Utf8Slice next) {
    return next.bytes == bytes && next.offset == offset + length;
  }
}
