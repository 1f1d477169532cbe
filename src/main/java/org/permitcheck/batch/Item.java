package org.permitcheck.batch;

import java.nio.file.Path;

/**
 * One case to process, in input order: a whole file to read (the worker reads it), or one line of an
 * NDJSON input or one document of a YAML stream, already in memory.
 */
public sealed interface Item permits Item.File, Item.Line, Item.Text {
  /** The name shown in diagnostics. */
  String name();

  /** A case file, read by the worker that evaluates it. */
  record File(Path path, String name) implements Item {}

  /** One line of NDJSON, as the UTF-8 bytes it was written in (decoded only if it must be explained). */
  record Line(String name, int line, byte[] bytes) implements Item {}

  /** The text of one document of a YAML stream, starting at {@code line}. */
  record Text(String name, int line, String text) implements Item {}
}
