package org.permitcheck.batch;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input, with the path it can be looked up by ({@code /dev/stdin}), so that a batch that
 * cannot read it can say why: {@code eval - < /tmp} hands the program a directory, which reading
 * refuses. The path is looked at only then, never while the input reads.
 */
public final class Stdin extends FilterInputStream {
  private final Path path;

  public Stdin(InputStream in, Path path) {
    super(in);
    this.path = path;
  }

  /** The process's own standard input, looked up through {@code /dev/stdin} (where there is one). */
  public static Stdin system(InputStream in) {
    return new Stdin(in, Path.of("/dev/stdin"));
  }

  /** Whether standard input is a directory (not known, hence false, where the path leads nowhere). */
  boolean isDirectory() {
    return Files.isDirectory(path);
  }
}
