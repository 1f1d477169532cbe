package org.permitcheck.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns the CASE arguments into a lazy, ordered stream of {@link Item}s: files as given, directories
 * recursively (*.yaml, *.yml, *.json, sorted), {@code .ndjson}/{@code .jsonl} files line by line, and
 * {@code -} for standard input (NDJSON, or a YAML stream of documents separated by {@code ---}).
 * Nothing is read ahead beyond the current line, so memory stays flat in the number of cases.
 */
public final class Inputs implements Iterator<Item>, AutoCloseable {
  private final Deque<String> args;
  private final Function<String, Path> resolve;
  private final InputStream stdin;
  private final Deque<Item> pending = new ArrayDeque<>();
  private LineSource lines;

  public Inputs(List<String> args, Function<String, Path> resolve, InputStream stdin) {
    this.args = new ArrayDeque<>(args);
    this.resolve = resolve;
    this.stdin = stdin;
  }

  public static boolean isLines(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  static boolean isCaseFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || isLines(n);
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty()) {
      if (lines != null) {
        Item next = lines.next();
        if (next != null) {
          return pending.add(next);
        }
        lines.close();
        lines = null;
      }
      if (args.isEmpty()) {
        return false;
      }
      expand(args.poll());
    }
    return true;
  }

  @Override
  public Item next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.poll();
  }

  private void expand(String arg) {
    if (arg.equals("-")) {
      lines = new LineSource("<stdin>", new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16), null);
      return;
    }
    Path p = resolve.apply(arg);
    if (Files.isDirectory(p)) {
      try (Stream<Path> walk = Files.walk(p)) {
        List<Path> files = walk.filter(Files::isRegularFile).filter(Inputs::isCaseFile).sorted().toList();
        for (int i = files.size() - 1; i >= 0; i--) {
          args.push(join(arg, p.relativize(files.get(i))));
        }
      } catch (IOException e) {
        pending.add(new Item.File(p, arg));
      }
      return;
    }
    if (isLines(arg) && Files.isRegularFile(p)) {
      try {
        lines = new LineSource(arg, Files.newBufferedReader(p, StandardCharsets.UTF_8), null);
        lines.json = true;
      } catch (IOException e) {
        pending.add(new Item.File(p, arg));
      }
      return;
    }
    pending.add(new Item.File(p, arg));
  }

  private static String join(String dir, Path relative) {
    String base = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    return base + "/" + relative.toString().replace('\\', '/');
  }

  @Override
  public void close() {
    if (lines != null) {
      lines.close();
    }
  }

  /**
   * Reads cases out of a text stream: one per line for NDJSON; for a YAML stream, one per document.
   * Which one is decided by the first non-blank character ('{' means NDJSON) unless known.
   */
  private static final class LineSource {
    final String name;
    final BufferedReader reader;
    Boolean json;
    int lineNo;

    LineSource(String name, BufferedReader reader, Boolean json) {
      this.name = name;
      this.reader = reader;
      this.json = json;
    }

    private String lookahead;

    private String readLine() throws IOException {
      if (lookahead != null) {
        String l = lookahead;
        lookahead = null;
        return l;
      }
      String l = reader.readLine();
      if (l != null) {
        lineNo++;
      }
      return l;
    }

    Item next() {
      try {
        String line;
        while ((line = readLine()) != null) {
          String t = line.strip();
          if (t.isEmpty()) {
            continue;
          }
          if (json == null) {
            json = t.startsWith("{");
          }
          if (json) {
            return new Item.Text(name, lineNo, line, true);
          }
          Item doc = yamlDocument(line);
          if (doc != null) {
            return doc;
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Collects the lines of one YAML document, up to the next "---" marker. */
    private Item yamlDocument(String first) throws IOException {
      StringBuilder doc = new StringBuilder();
      int start = lineNo;
      if (first.startsWith("---")) {
        start = lineNo + 1;
      } else if (!first.startsWith("...")) {
        doc.append(first).append('\n');
      }
      String line;
      while ((line = readLine()) != null) {
        if (line.startsWith("---")) {
          lookahead = line;
          break;
        }
        if (!line.startsWith("...")) {
          if (doc.length() == 0) {
            start = lineNo;
          }
          doc.append(line).append('\n');
        }
      }
      if (doc.toString().isBlank()) {
        return null;
      }
      return new Item.Text(name, start, doc.toString(), false);
    }

    void close() {
      try {
        reader.close();
      } catch (IOException e) {
        // nothing left to read
      }
    }
  }
}
