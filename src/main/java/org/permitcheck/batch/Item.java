package org.permitcheck.batch;

import java.nio.file.Path;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Diagnostic;

/**
 * One case to process, in input order: a whole file to read (the worker reads it), or one line of an
 * NDJSON input or one document of a YAML stream, already in memory.
 */
public sealed interface Item permits Item.File, Item.Line, Item.Text, Item.Refused, Item.Note {
  /** The name shown in diagnostics. */
  String name();

  /** The case's id when it gives none: the file name without extension, or {@code name:line}. */
  String defaultId();

  /** The line the case starts on: its line of NDJSON, its document's first line, or a file's first. */
  int line();

  /**
   * A case file, read by the worker that evaluates it.
   *
   * @param size its size in bytes when a directory's walk found it a regular file (the worker then
   *     need not look again), else -1
   */
  record File(Path path, String name, long size) implements Item {
    public File(Path path, String name) {
      this(path, name, -1);
    }

    @Override
    public String defaultId() {
      return CaseReader.defaultId(name);
    }

    @Override
    public int line() {
      return 1;
    }
  }

  /** One line of NDJSON, as the UTF-8 bytes it was written in (decoded only if it must be explained). */
  record Line(String name, int line, byte[] bytes) implements Item {
    @Override
    public String defaultId() {
      return CaseReader.lineId(name, line);
    }
  }

  /** A line or document of a stream refused while it was read (e.g. too long to keep), and why. */
  record Refused(String name, int line, Diagnostic error) implements Item {
    @Override
    public String defaultId() {
      return CaseReader.lineId(name, line);
    }
  }

  /**
   * A remark about an input itself that holds no case (a directory without case files, an empty
   * stdin): a warning handed on in input order, so that it is said where that input stands among the
   * results. It counts as no case, read or refused.
   */
  record Note(String name, Diagnostic warning) implements Item {
    @Override
    public String defaultId() {
      return name;
    }

    @Override
    public int line() {
      return 0;
    }
  }

  /** The text of one document of a YAML stream, starting at {@code line}. */
  record Text(String name, int line, String text) implements Item {
    @Override
    public String defaultId() {
      return CaseReader.lineId(name, line);
    }
  }
}
