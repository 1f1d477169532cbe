package org.permitcheck.batch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.Utf8Slice;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.TreeReader;

/**
 * What a worker does with one item: read it, type its facts, apply what-if changes, evaluate it and
 * render the result. Immutable and thread-safe; every problem becomes part of the {@link Result}.
 *
 * @param asOf the --as-of date, or null to use the case's as_of, else {@code today}
 * @param lines whether each output is one line of UTF-8, encoded here ({@link Result#line}) so that the
 *     thread that writes the results in order only copies bytes
 * @param topLevelOnly whether the renderer shows no more of a criteria tree than its top level, so that
 *     the evaluation need not build the rest ({@link Evaluator#evaluate(Case, LocalDate, Scope, boolean)})
 */
public record Job(
    CaseReader reader,
    Evaluator evaluator,
    Scope scope,
    Map<String, Object> changes,
    LocalDate asOf,
    LocalDate today,
    Renderer renderer,
    boolean lines,
    boolean topLevelOnly) implements Function<Item, Job.Result> {

  /** Renders an evaluation, or the record of a case that could not be read. */
  public interface Renderer {
    String render(Evaluation e, List<Diagnostic> notes);

    String failure(String caseId, String source, List<Diagnostic> errors);

    /**
     * {@link #render} as one line of UTF-8 with its line break; the text must be one line. Its bytes
     * must never be written again: the thread that writes results out in order reads them later.
     */
    default Utf8Slice line(Evaluation e, List<Diagnostic> notes) {
      return Job.line(render(e, notes));
    }
  }

  /**
   * The outcome of one item: its rendered output (as text, or as a line of UTF-8 ending in a newline),
   * its diagnostics, its evaluation when it had one, where it came from and how long reading it took
   * (for --debug); {@code note} when the item was no case but a remark about an input ({@link
   * Item.Note}), whose warning is said in its place and which counts for nothing.
   */
  public record Result(String output, Utf8Slice line, List<Diagnostic> diagnostics, Evaluation evaluation,
      String source, long readNanos, boolean note) {
    /** The result of a case, read or not. */
    public Result(String output, Utf8Slice line, List<Diagnostic> diagnostics, Evaluation evaluation, String source,
        long readNanos) {
      this(output, line, diagnostics, evaluation, source, readNanos, false);
    }

    /** Whether the item was a case that could not be read (or evaluated): not so of a {@link #note()}. */
    public boolean failed() {
      return evaluation == null && !note;
    }
  }

  @Override
  public Result apply(Item item) {
    long start = System.nanoTime();
    Checked<Case> c = read(reader, item);
    long readNanos = System.nanoTime() - start;
    if (c.hasErrors()) {
      if (item instanceof Item.Note) {
        return new Result(null, null, c.diagnostics(), null, item.name(), readNanos, true);
      }
      // a case whose id could be read is named by it, as its result would be
      String id = c.value().map(Case::id).orElse(item.defaultId());
      return result(renderer.failure(id, item.name(), c.errors()), c.diagnostics(), null, item.name(), readNanos);
    }
    Case original = c.value().get();
    Optional<Diagnostic> lateSet = changes.isEmpty() ? Optional.empty() : reader.setAfterCaseDate(original, changes, item.name(), item.line());
    if (lateSet.isPresent()) {
      List<Diagnostic> all = new java.util.ArrayList<>(c.diagnostics());
      all.add(lateSet.get());
      return result(renderer.failure(original.id(), item.name(), List.of(lateSet.get())), all, null, item.name(),
          readNanos);
    }
    LocalDate date = asOf != null ? asOf : original.asOf().orElse(today);
    if (asOf != null) {
      // facts are checked against the case's own date; --as-of may lie before them (the facts evaluated:
      // with --set's values)
      Case evaluated = changes.isEmpty() ? original : original.with(changes);
      c = withWarning(c, reader.dateAfter(evaluated, date, item.name(), item.line(), item, Job::document));
    }
    Evaluation e;
    if (changes.isEmpty()) {
      e = evaluator.evaluate(original, date, scope, topLevelOnly);
    } else {
      e = evaluator.evaluate(original.with(changes), date, scope).comparedWith(evaluator.evaluate(original, date, scope));
    }
    if (lines) {
      return new Result(null, renderer.line(e, c.diagnostics()), c.diagnostics(), e, item.name(), readNanos);
    }
    return result(renderer.render(e, c.diagnostics()), c.diagnostics(), e, item.name(), readNanos);
  }

  private Result result(String output, List<Diagnostic> diagnostics, Evaluation e, String source, long readNanos) {
    if (!lines || output == null) {
      return new Result(output, null, diagnostics, e, source, readNanos);
    }
    return new Result(null, line(output), diagnostics, e, source, readNanos);
  }

  private static Utf8Slice line(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] line = Arrays.copyOf(bytes, bytes.length + 1);
    line[bytes.length] = '\n';
    return Utf8Slice.of(line);
  }

  private static Checked<Case> withWarning(Checked<Case> c, Optional<Diagnostic> warning) {
    if (warning.isEmpty()) {
      return c;
    }
    List<Diagnostic> all = new java.util.ArrayList<>(c.diagnostics());
    all.add(warning.get());
    return new Checked<>(c.value(), all);
  }

  /**
   * The document of an item as a positioned tree, read again (a file from its path): for the position
   * of something found once the case was read, which keeps none. Empty if it cannot be read now, and
   * for a file that is not a regular one (a named pipe would wait for a writer that never comes; a
   * process substitution holds nothing more).
   */
  public static Optional<Node> document(Item item) {
    if (item instanceof Item.File) {
      Item.File f = (Item.File) item;
      if (!java.nio.file.Files.isRegularFile(f.path())) {
        return Optional.empty();
      }
      return FileText.read(f.path(), f.name(), Limits.CASE.maxBytes()).text()
          .flatMap(t -> TreeReader.forName(f.name(), Limits.CASE).read(t).root());
    }
    if (item instanceof Item.Line) {
      Item.Line l = (Item.Line) item;
      return TreeReader.json(Limits.CASE).read(SourceText.ofUtf8(l.name(), l.bytes(), l.line())).root();
    }
    if (item instanceof Item.Text) {
      Item.Text t = (Item.Text) item;
      return TreeReader.yaml(Limits.CASE).read(new SourceText(t.name(), t.text(), t.line())).root();
    }
    return Optional.empty();
  }

  /** Reads and types the case of one item. */
  public static Checked<Case> read(CaseReader reader, Item item) {
    if (item instanceof Item.File) {
      Item.File f = (Item.File) item;
      FileText.Result t = FileText.read(f.path(), f.name(), Limits.CASE.maxBytes(), f.size());
      if (t.text().isEmpty()) {
        return Checked.failed(List.of(t.error().get()));
      }
      return reader.read(t.text().get(), t.bytes());
    }
    if (item instanceof Item.Line) {
      Item.Line l = (Item.Line) item;
      return reader.readLine(l.bytes(), l.name(), l.line());
    }
    if (item instanceof Item.Refused) {
      return Checked.failed(List.of(((Item.Refused) item).error()));
    }
    if (item instanceof Item.Text) {
      Item.Text t = (Item.Text) item;
      return reader.readDocument(new SourceText(t.name(), t.text(), t.line()), false, t.defaultId());
    }
    // no case: its warning, to be said in its place
    return Checked.failed(List.of(((Item.Note) item).warning()));
  }

}
