package org.permitcheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.Limits;

/** Reads input files as UTF-8 text, turning every I/O problem into a diagnostic. */
public final class FileText {
  private static final byte[] NO_BYTES = {};

  private FileText() {}

  /** A file's text, or a diagnostic saying why it cannot be read. */
  public static Result read(Path path, String shownName, long maxBytes) {
    return read(path, shownName, maxBytes, -1);
  }

  /**
   * {@link #read(Path, String, long)} of a file whose size is known ({@code size} &ge; 0) because a
   * directory's walk has just found it a regular file: it is not looked up again, and its bytes are read
   * into an array of that size. A file that has grown since is still read whole, up to the limit.
   */
  public static Result read(Path path, String shownName, long maxBytes, long size) {
    try {
      if (size < 0) {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
          // a directory of a walk that could not be listed, or one named as a file
          return Files.isReadable(path) && Files.isExecutable(path)
              ? failed(shownName, "file.directory", null)
              : failed(shownName, "file.directory_unreadable", "hint.permissions");
        }
        size = attributes.size();
      }
      // refused by its size before a byte is read; and read with a bound, for files whose size lies
      // (pipes, devices, files that grow while read)
      if (size > maxBytes) {
        return tooLarge(shownName, maxBytes);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        bytes = readBounded(in, size, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (bytes.length > maxBytes) {
        return tooLarge(shownName, maxBytes);
      }
      Optional<Diagnostic> notUtf8 = SourceText.notUtf8(shownName, bytes, 1, "file");
      if (notUtf8.isPresent()) {
        return new Result(Optional.empty(), notUtf8, NO_BYTES);
      }
      return new Result(Optional.of(SourceText.ofUtf8(shownName, bytes)), Optional.empty(), bytes);
    } catch (IOException e) {
      return failed(e, path, shownName);
    }
  }

  /** Why a file could not be read, from what reading it threw. */
  static Result failed(IOException e, Path path, String shownName) {
    if (e instanceof NoSuchFileException) {
      return Files.isSymbolicLink(path)
          ? failed(shownName, "file.dangling_link", "hint.fix_link")
          : failed(shownName, "file.missing", "hint.check_path");
    }
    if (e instanceof AccessDeniedException) {
      return failed(shownName, "file.denied", "hint.file_permissions");
    }
    return failed(shownName, "file.unreadable", "hint.readable");
  }

  /**
   * The bytes of a stream, at most {@code limit}: read into an array of the {@code expected} size (at
   * most {@code limit}), which is returned as it is when the stream ends there, as it usually does; a
   * stream that ends sooner gives fewer bytes, one that goes on is read further.
   */
  static byte[] readBounded(InputStream in, long expected, int limit) throws IOException {
    byte[] bytes = new byte[(int) Math.min(expected, limit)];
    int n = in.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      return Arrays.copyOf(bytes, n);
    }
    if (n == limit) {
      return bytes;
    }
    int next = in.read();
    if (next < 0) {
      return bytes;
    }
    byte[] rest = in.readNBytes(limit - n - 1);
    byte[] all = Arrays.copyOf(bytes, n + 1 + rest.length);
    all[n] = (byte) next;
    System.arraycopy(rest, 0, all, n + 1, rest.length);
    return all;
  }

  private static Result tooLarge(String name, long maxBytes) {
    return new Result(Optional.empty(), Optional.of(Diagnostic.error(name, 1, 0,
        Phrase.of("file.too_large", Limits.size(maxBytes))).withHint(Phrase.of("hint.split_file"))), NO_BYTES);
  }

  /** A file that cannot be read: the keys of its message and of its hint (or null) in diagnostics*.properties. */
  private static Result failed(String name, String message, String hint) {
    return new Result(Optional.empty(), Optional.of(Diagnostic.error(name, 0, 0, Phrase.of(message))
        .withHint(hint == null ? null : Phrase.of(hint))), NO_BYTES);
  }

  /** The text and the bytes it was decoded from, or the diagnostic (and no bytes). */
  public record Result(Optional<SourceText> text, Optional<Diagnostic> error, byte[] bytes) {}
}
