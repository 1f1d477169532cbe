package org.permitcheck.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;

/** Reads input files as UTF-8 text, turning every I/O problem into a diagnostic. */
public final class FileText {
  private FileText() {}

  /** A file's text, or a diagnostic saying why it cannot be read. */
  public static Result read(Path path, String shownName, long maxBytes) {
    try {
      if (Files.isDirectory(path)) {
        return failed(shownName, "is a directory, not a file", "");
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        return failed(shownName, "file is larger than the limit of " + maxBytes + " bytes",
            "split it, or use NDJSON with one case per line");
      }
      byte[] bytes = Files.readAllBytes(path);
      int bad = SourceText.firstMalformedOffset(bytes);
      if (bad >= 0) {
        int line = SourceText.lineOfByte(bytes, bad);
        return new Result(Optional.empty(), Optional.of(Diagnostic.error(shownName, line, 0,
            "the file is not valid UTF-8 text (byte " + (bad + 1) + ")").withHint("save it as UTF-8")));
      }
      return new Result(Optional.of(SourceText.ofUtf8(shownName, bytes)), Optional.empty());
    } catch (NoSuchFileException e) {
      return failed(shownName, "no such file", "check the path");
    } catch (IOException e) {
      return failed(shownName, "cannot be read", "check that the file exists and is readable");
    }
  }

  private static Result failed(String name, String message, String hint) {
    return new Result(Optional.empty(), Optional.of(Diagnostic.error(name, 0, 0, message).withHint(hint)));
  }

  /** The text, or the diagnostic. */
  public record Result(Optional<SourceText> text, Optional<Diagnostic> error) {}
}
