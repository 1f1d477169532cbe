package org.permitcheck.diag;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** The text of one input (a file, stdin, a line of NDJSON) with the name used in diagnostics. */
public record SourceText(String name, String text, int firstLine) {

  public SourceText {
    Objects.requireNonNull(name);
    Objects.requireNonNull(text);
  }

  public SourceText(String name, String text) {
    this(name, text, 1);
  }

  /**
   * Decodes bytes as UTF-8, dropping a byte-order mark. Malformed bytes are reported by the caller via
   * {@link #firstMalformedOffset(byte[])}.
   */
  public static SourceText ofUtf8(String name, byte[] bytes) {
    return ofUtf8(name, bytes, 1);
  }

  /** As {@link #ofUtf8(String, byte[])}, for text that starts at line {@code firstLine} of its input. */
  public static SourceText ofUtf8(String name, byte[] bytes, int firstLine) {
    int start = hasBom(bytes, 0, bytes.length) ? 3 : 0;
    return new SourceText(name, new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), firstLine);
  }

  /** Whether bytes {@code offset} to {@code offset + length} start with a UTF-8 byte-order mark. */
  public static boolean hasBom(byte[] b, int offset, int length) {
    return length >= 3 && (b[offset] & 0xff) == 0xef && (b[offset + 1] & 0xff) == 0xbb
        && (b[offset + 2] & 0xff) == 0xbf;
  }

  /** The offset of the first byte that is not valid UTF-8, or -1. */
  public static int firstMalformedOffset(byte[] bytes) {
    // ASCII, as case files mostly are, is valid as it is: decoded only from the first byte beyond it
    int ascii = 0;
    while (ascii < bytes.length && bytes[ascii] >= 0) {
      ascii++;
    }
    if (ascii == bytes.length) {
      return -1;
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    var in = java.nio.ByteBuffer.wrap(bytes, ascii, bytes.length - ascii);
    var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length - ascii));
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : -1;
  }

  /**
   * The error at the first byte of {@code bytes} that is not valid UTF-8, if there is one, naming it
   * as a whole ({@code what}: "file", "line"); the bytes start at line {@code firstLine} of their input.
   */
  public static Optional<Diagnostic> notUtf8(String name, byte[] bytes, int firstLine, String what) {
    int bad = firstMalformedOffset(bytes);
    if (bad < 0) {
      return Optional.empty();
    }
    if (bad <= 1 && isUtf16(bytes)) {
      // what PowerShell's '>' and some Windows editors write
      return Optional.of(Diagnostic.error(name, firstLine, 1, Phrase.of("utf16." + what))
          .withHint(Phrase.of("hint.utf16")));
    }
    int line = firstLine - 1 + lineOfByte(bytes, bad);
    int column = bad - lineStartOfByte(bytes, bad) + 1;
    return Optional.of(Diagnostic.error(name, line, column, Phrase.of("not_utf8." + what, bad + 1))
        .withHint(Phrase.of("hint.utf8")));
  }

  /** Whether the bytes start with a UTF-16 byte order mark (little or big endian). */
  private static boolean isUtf16(byte[] bytes) {
    return bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
  }

  /** The 1-based line of a byte offset, counting newlines before it. */
  public static int lineOfByte(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The offset of the first byte of the line that holds byte {@code offset}. */
  public static int lineStartOfByte(byte[] bytes, int offset) {
    int i = Math.min(offset, bytes.length);
    while (i > 0 && bytes[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  /** The text of a 1-based line (as numbered in the file), without its line break, or "". */
  public String line(int number) {
    int wanted = number - firstLine;
    if (wanted < 0) {
      return "";
    }
    int start = 0;
    for (int i = 0; i < wanted; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return "";
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    String line = end < 0 ? text.substring(start) : text.substring(start, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
