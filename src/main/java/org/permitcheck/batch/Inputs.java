package org.permitcheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.Limits;

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
  /** Whether {@link #measure} was called: the bytes of the inputs handed out are then counted. */
  private boolean measuring;
  /** The bytes of the files handed out and of the line sources read to their end. */
  private long doneBytes;
  /** The case files of the directories {@link #measure} walked, kept so that they are walked once. */
  private final Map<Path, List<Entry>> walked = new HashMap<>();
  /** The directories being walked, the innermost first; see {@link #walk}. */
  private final Deque<Iterator<Entry>> walking = new ArrayDeque<>();
  /** Where the paths below the directory given start, and its name as given, ending in '/'. */
  private int walkRoot;
  private String walkBase;
  /** The separator of the directory's file system: '/' on Linux, where '\\' is a character of names. */
  private String walkSeparator;
  /** The directory being walked, as given, and whether a case file was found in it yet. */
  private String walkArg;
  private boolean walkFound;

  /**
   * What is worth saying about an input but is no error (a directory without case files) comes as an
   * {@link Item.Note} in its place among the items.
   */
  public Inputs(List<String> args, Function<String, Path> resolve, InputStream stdin) {
    this.args = new ArrayDeque<>(args);
    this.resolve = resolve;
    this.stdin = stdin;
  }

  public static boolean isLines(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  /**
   * Whether the arguments name one case file alone, which holds one case: not {@code -} (stdin), a
   * directory or a file of lines, which may hold any number. (The JSON of a batch is an array
   * whatever number of cases it finds, the JSON of one case file an object.)
   */
  public static boolean isOneCaseFile(List<String> args, Function<String, Path> resolve) {
    if (args.size() != 1) {
      return false;
    }
    String arg = args.get(0);
    return !arg.equals("-") && !isLines(arg) && !Files.isDirectory(resolve.apply(arg));
  }

  static boolean isCaseFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || isLines(n);
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty()) {
      if (lines != null) {
        try {
          Item next = lines.next();
          if (next != null) {
            lines.items++;
            return pending.add(next);
          }
          if (lines.items == 0) {
            // as for a directory without case files: worth saying, but no error
            pending.add(new Item.Note(lines.name,
                Diagnostic.of(Severity.WARNING, lines.name, 0, 0, "", Phrase.of("stream.no_cases"), null)));
          }
        } catch (IOException e) {
          // the input breaks off (stdin is a directory, a device fails): said as its last item
          pending.add(unreadable(lines));
        }
        doneBytes += lines.position();
        lines.close();
        lines = null;
        continue;
      }
      if (!walking.isEmpty()) {
        walk();
        continue;
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

  /**
   * Why the rest of a stream of cases cannot be read, at the line where reading stopped: standard input
   * that is a directory ({@code eval - < /tmp}) is said to be one, anything else is a read that failed.
   */
  private Item unreadable(LineSource source) {
    // inside a YAML document, at its first line: neither it nor what follows was read
    int line = source.brokenDocument > 0 ? source.brokenDocument : source.lineNo + 1;
    if (source.in == stdin && stdin instanceof Stdin && ((Stdin) stdin).isDirectory()) {
      return new Item.Refused(source.name, line, Diagnostic.error(source.name, 0, 0, Phrase.of("stdin.directory"))
          .withHint(Phrase.of("hint.stdin_directory")));
    }
    return new Item.Refused(source.name, line, Diagnostic.error(source.name, line, 0, Phrase.of("input.read_failed"))
        .withHint(Phrase.of("hint.read_failed")));
  }

  private void expand(String arg) {
    if (arg.equals("-")) {
      lines = new LineSource("<stdin>", stdin, null);
      return;
    }
    Path p = resolve.apply(arg);
    if (Files.isDirectory(p)) {
      try {
        List<Entry> files = walked.remove(p);
        walking.push((files != null ? files : entries(p)).iterator());
        String root = p.toString();
        walkRoot = root.length() + (root.endsWith(p.getFileSystem().getSeparator()) ? 0 : 1);
        walkBase = arg.endsWith("/") ? arg : arg + "/";
        walkSeparator = p.getFileSystem().getSeparator();
        walkArg = arg;
        walkFound = false;
      } catch (IOException e) {
        pending.add(new Item.File(p, arg));
      }
      return;
    }
    file(p, arg, -1);
  }

  /**
   * The next entry of the directories being walked: a case file is handed out, a directory is listed
   * and walked first. Each directory is listed only when the walk reaches it, so that the first cases
   * are read while the rest of the tree is still to be listed.
   */
  private void walk() {
    Iterator<Entry> entries = walking.peek();
    if (!entries.hasNext()) {
      walking.pop();
      if (walking.isEmpty() && !walkFound) {
        pending.add(new Item.Note(walkArg, Diagnostic.of(Severity.WARNING, walkArg, 0, 0, "",
            Phrase.of("walk.no_case_files", "*.yaml, *.yml, *.json, *.ndjson, *.jsonl"), null)));
      }
      return;
    }
    Entry e = entries.next();
    // the name as given, followed by the path below the directory, with '/' on every system
    String below = e.path().toString().substring(walkRoot);
    String name = walkBase + (walkSeparator.equals("/") ? below : below.replace(walkSeparator, "/"));
    if (!e.directory()) {
      walkFound = true;
      file(e.path(), name, e.size());
      return;
    }
    try {
      walking.push(entries(e.path()).iterator());
    } catch (IOException ex) {
      pending.add(new Item.File(e.path(), name)); // reported as a directory that cannot be read
    }
  }

  /**
   * An entry of a directory: a case file and its size in bytes, or a directory below it (size -1).
   * {@code order} places it among its siblings as the whole tree sorted by path would: a directory's
   * own path followed by a separator and a name, so that {@code a/...} comes after the file {@code
   * a.yaml}, as {@code '/'} after {@code '.'}.
   */
  private record Entry(Path path, boolean directory, Path order, long size) {}

  /**
   * The case files and directories of one directory, in the order of all paths sorted. Regular files
   * are told by their attributes, read without following links; a symbolic link is followed to see
   * whether it names a regular file, and never walked into, as {@link Files#walk} does. A link with a
   * case file's name that leads nowhere is kept, so that reading it says so.
   */
  private static List<Entry> entries(Path dir) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path f : children) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
          out.add(new Entry(f, true, f.resolve("x"), -1));
        } else if (isCaseFile(f) && a.isRegularFile()) {
          out.add(new Entry(f, false, f, a.size()));
        } else if (isCaseFile(f) && a.isSymbolicLink() && Files.isRegularFile(f)) {
          out.add(new Entry(f, false, f, size(f)));
        } else if (isCaseFile(f) && a.isSymbolicLink() && Files.notExists(f)) {
          out.add(new Entry(f, false, f, -1));
        }
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    Entry[] sorted = out.toArray(new Entry[0]);
    sort(sorted, sorted.clone(), 0, sorted.length);
    return Arrays.asList(sorted);
  }

  /**
   * Sorts {@code a[lo, hi)} by {@link Entry#order}, with {@code tmp} as large as {@code a}: a plain merge
   * sort rather than {@link List#sort}, whose TimSort is large code that the JIT compiler would spend
   * about a third of a second on in a walk of 100,000 files, on the cores the jobs need.
   */
  private static void sort(Entry[] a, Entry[] tmp, int lo, int hi) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    sort(a, tmp, lo, mid);
    sort(a, tmp, mid, hi);
    if (a[mid - 1].order().compareTo(a[mid].order()) <= 0) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    for (int i = lo, j = mid, k = lo; k < hi; k++) {
      a[k] = j >= hi || i < mid && tmp[i].order().compareTo(tmp[j].order()) <= 0 ? tmp[i++] : tmp[j++];
    }
  }

  /**
   * A file given by name, or found in a directory: its lines, or the whole file as one case. Its size
   * counts towards the progress when known ({@code -1}: look it up if needed).
   */
  private void file(Path p, String arg, long size) {
    if (isLines(arg) && Files.isRegularFile(p)) {
      try {
        lines = new LineSource(arg, Files.newInputStream(p), true);
      } catch (IOException e) {
        pending.add(new Item.File(p, arg));
      }
      return;
    }
    if (measuring) {
      doneBytes += size >= 0 ? size : size(p);
    }
    pending.add(new Item.File(p, arg, size));
  }

  /**
   * The size in bytes of the inputs not yet read, to show progress against ({@link #consumed}); -1 when
   * one of them is stdin, whose size is not known. Call it before reading: it walks the directories.
   */
  public long measure() {
    measuring = true;
    long total = 0;
    for (String arg : args) {
      if (arg.equals("-")) {
        return -1;
      }
      Path p = resolve.apply(arg);
      if (Files.isDirectory(p)) {
        try {
          List<Entry> files = new ArrayList<>();
          caseFiles(p, files);
          walked.put(p, files);
          for (Entry f : files) {
            total += Math.max(0, f.size());
          }
        } catch (IOException e) {
          // reading the directory will report it
        }
      } else {
        total += size(p);
      }
    }
    return total;
  }

  /** How many bytes of the inputs have been read so far, once {@link #measure} was called. */
  public long consumed() {
    return doneBytes + (lines != null ? lines.position() : 0);
  }

  /** Adds the case files under a directory, at any depth, in the order of the walk. */
  private static void caseFiles(Path dir, List<Entry> out) throws IOException {
    for (Entry e : entries(dir)) {
      if (e.directory()) {
        caseFiles(e.path(), out);
      } else {
        out.add(e);
      }
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Whether the next item can be had without waiting for input (a pipe that has nothing yet): the
   * batch then hands over what it has, so that output keeps pace with a slow producer.
   */
  public boolean ready() {
    if (!pending.isEmpty() || !walking.isEmpty()) {
      return true;
    }
    if (lines != null) {
      return lines.ready();
    }
    return !args.isEmpty() && !args.peek().equals("-");
  }

  @Override
  public void close() {
    if (lines != null) {
      lines.close();
    }
  }

  /**
   * Reads cases out of a byte stream: one per line for NDJSON (kept as UTF-8 bytes); for a YAML
   * stream, one per document. Which one is decided by the first non-blank character ('{' means
   * NDJSON) unless known. Lines end at \n, \r\n or \r, as {@link java.io.BufferedReader} reads them.
   * A line longer than a case file may be is skipped without being kept, and reported.
   */
  private static final class LineSource {
    /** The longest line kept: as long as a case file may be. The buffer grows up to one byte more. */
    static final int MAX_LINE = Limits.CASE.maxBytes();
    /** What {@link #readLine} returns for a line longer than {@link #MAX_LINE}, skipped unread. */
    private static final byte[] TOO_LONG = new byte[0];
    final String name;
    final InputStream in;
    Boolean json;
    /** How many items the input gave: none at the end, and it held no case. */
    int items;
    /** The first line of the YAML document being read when the input broke off, or 0. */
    int brokenDocument;
    int lineNo;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLf;
    private byte[] lookahead;
    /** The bytes read from the stream so far. */
    private long read;

    LineSource(String name, InputStream in, Boolean json) {
      this.name = name;
      this.in = in;
      this.json = json;
    }

    boolean ready() {
      try {
        return pos < limit || eof || in.available() > 0;
      } catch (IOException e) {
        return true;
      }
    }

    /** The next line without its terminator, or null at the end of the input. */
    private byte[] readLine() throws IOException {
      if (lookahead != null) {
        byte[] l = lookahead;
        lookahead = null;
        return l;
      }
      while (true) {
        if (skipLf && pos < limit) {
          if (buf[pos] == '\n') {
            pos++;
          }
          skipLf = false;
        }
        int i = lineNo < LineBreaks.AFTER_LINES ? LineBreaks.bytewise(buf, pos, limit) : LineBreaks.find(buf, pos, limit);
        if (i >= 0) {
          byte[] line = Arrays.copyOfRange(buf, pos, i);
          pos = i + 1;
          skipLf = buf[i] == '\r';
          lineNo++;
          return line;
        }
        if (eof) {
          if (pos < limit) {
            byte[] line = Arrays.copyOfRange(buf, pos, limit);
            pos = limit;
            lineNo++;
            return line;
          }
          return null;
        }
        if (limit - pos > MAX_LINE) {
          // the buffer is full of one line with no end in sight
          skipLongLine();
          lineNo++;
          return TOO_LONG;
        }
        fill();
      }
    }

    /** Reads on to the end of a line too long to keep, dropping what it reads. */
    private void skipLongLine() throws IOException {
      while (true) {
        int i = LineBreaks.find(buf, pos, limit);
        if (i >= 0) {
          pos = i + 1;
          skipLf = buf[i] == '\r';
          return;
        }
        pos = limit;
        if (eof) {
          return;
        }
        fill();
      }
    }

    /**
     * Reads more input behind what is left of the buffer, growing it for a long line, up to room for
     * a line of {@link #MAX_LINE} bytes and its line break.
     */
    private void fill() throws IOException {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE + 1));
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
        read += n;
      }
    }

    /** The next case, or null at the end of the input; an I/O error ends the input, as the caller says. */
    Item next() throws IOException {
      byte[] line;
      while ((line = readLine()) != null) {
        if (line == TOO_LONG) {
          return tooLong(lineNo);
        }
        int first = firstNonBlank(line);
        if (first < 0) {
          continue;
        }
        if (json == null) {
          // the first line that holds anything (after a line too long to read, json is still open)
          json = first == '{';
        }
        if (json) {
          return new Item.Line(name, lineNo, line);
        }
        Item doc = yamlDocument(line);
        if (doc != null) {
          return doc;
        }
      }
      return null;
    }

    private Item tooLong(int line) {
      return new Item.Refused(name, line, Diagnostic.error(name, line, 0,
          Phrase.of("line.too_long", Limits.size(MAX_LINE))).withHint(Phrase.of("hint.line_too_long", Limits.size(MAX_LINE))));
    }

    /**
     * The first character of a line that is not white space (as String.strip sees it), or -1. A
     * byte-order mark that starts the line is not taken for content, as the readers of a case skip it.
     */
    private static int firstNonBlank(byte[] line) {
      for (byte b : line) {
        if (b < 0) {
          int from = SourceText.hasBom(line, 0, line.length) ? 3 : 0;
          String t = new String(line, from, line.length - from, StandardCharsets.UTF_8).strip();
          return t.isEmpty() ? -1 : t.charAt(0);
        }
        if (!Character.isWhitespace(b)) {
          return b;
        }
      }
      return -1;
    }

    /**
     * Collects the lines of one YAML document, up to the next "---" marker; the marker's line belongs
     * to the document when the document starts on it ({@code --- {id: a}}). A document with a line too
     * long, or longer in all than a case file may be, is refused, and the rest of it read but not kept.
     */
    private Item yamlDocument(byte[] firstRaw) throws IOException {
      String first = SourceText.ofUtf8(name, firstRaw).text();
      Item refused = notUtf8(firstRaw);
      StringBuilder doc = new StringBuilder();
      int start = lineNo;
      String rest = isMarker(first) ? first.substring(3).strip() : null;
      if (rest != null && (rest.isEmpty() || rest.startsWith("#"))) {
        start = lineNo + 1;
      } else if (!first.startsWith("...")) {
        doc.append(first).append('\n');
      }
      long size = doc.length();
      byte[] raw;
      while (true) {
        try {
          raw = readLine();
        } catch (IOException e) {
          brokenDocument = doc.length() > 0 ? start : 0;
          throw e;
        }
        if (raw == null) {
          break;
        }
        if (raw == TOO_LONG) {
          refused = refused != null ? refused : tooLong(lineNo);
          continue;
        }
        String line = new String(raw, StandardCharsets.UTF_8);
        if (isMarker(line)) {
          lookahead = raw;
          break;
        }
        refused = refused != null ? refused : notUtf8(raw);
        size += raw.length + 1;
        if (refused == null && size > MAX_LINE) {
          // at the document's first line, where a reader looks for the case it refuses
          refused = new Item.Refused(name, start, Diagnostic.error(name, start, 1,
              Phrase.of("document.too_large", Limits.size(MAX_LINE))).withHint(Phrase.of("hint.split_document")));
        }
        if (refused == null && !line.startsWith("...")) {
          if (doc.length() == 0) {
            start = lineNo;
          }
          doc.append(line).append('\n');
        }
      }
      if (refused != null) { // named by the document's first line, as a document read whole is; the
        // diagnostic stays at the line that is wrong
        return new Item.Refused(name, start, ((Item.Refused) refused).error());
      }
      if (noContent(doc)) {
        return null; // like an empty one, a document of comments alone holds no case
      }
      return new Item.Text(name, start, doc.toString());
    }

    /** Whether a document's lines are all blank or comments (a byte-order mark counts as blank). */
    private static boolean noContent(CharSequence doc) {
      boolean lineStart = true;
      for (int i = 0; i < doc.length(); i++) {
        char c = doc.charAt(i);
        if (c == '\n') {
          lineStart = true;
        } else if (lineStart && c == '#') {
          while (i < doc.length() && doc.charAt(i) != '\n') {
            i++;
          }
          lineStart = true;
        } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
          return false;
        }
      }
      return true;
    }

    /** The refusal of a line of a YAML stream that is not valid UTF-8, or null. */
    private Item notUtf8(byte[] line) {
      return SourceText.notUtf8(name, line, lineNo, "line").map(d -> (Item) new Item.Refused(name, lineNo, d)).orElse(null);
    }

    /** Whether a line starts a YAML document: "---", alone or followed by white space and content. */
    private static boolean isMarker(String line) {
      return line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
    }

    /** How far the lines handed out reach into the input, in bytes. */
    long position() {
      return read - (limit - pos);
    }

    void close() {
      try {
        in.close();
      } catch (IOException e) {
        // nothing left to read
      }
    }
  }
}
