package org.permitcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.permitcheck.batch.Inputs;
import org.permitcheck.batch.Job;
import org.permitcheck.batch.Pipeline;
import org.permitcheck.batch.Summary;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.io.SafeFiles;
import org.permitcheck.report.JsonRenderer;
import org.permitcheck.report.MarkdownRenderer;
import org.permitcheck.report.Messages;
import org.permitcheck.report.OutputOptions;
import org.permitcheck.report.TextRenderer;
import org.permitcheck.report.Utf8Slice;
import org.permitcheck.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Evaluates cases — one file or a million NDJSON lines — and prints, per permit, the verdict and why. */
@Command(name = "eval", sortOptions = false,
    description = "Evaluate cases: which permits apply, and why.")
final class EvalCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("text", "json", "ndjson", "markdown");
  /** The fields of a case that --set cannot change, each with the hint that says where it is given. */
  private static final Map<String, String> CASE_FIELDS = Map.of("as_of", "cli.hint.set_as_of",
      "application_date", "cli.hint.set_application_date", "country", "cli.hint.set_country",
      "id", "cli.hint.set_id", "expect", "cli.hint.set_expect", "note", "cli.hint.set_note");

  private final Context ctx;

  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "CASE", descriptionKey = "eval.CASE",
      description = "Case files (YAML or JSON), directories (recursively), .ndjson/.jsonl files, or - for stdin.")
  List<String> files;

  @Option(names = "--country", descriptionKey = "eval.country", split = ",", paramLabel = "CODE",
      description = "Evaluate only these countries (default: the case's country, else all).")
  List<String> countries = new ArrayList<>();

  @Option(names = "--permit", descriptionKey = "eval.permit", split = ",", paramLabel = "ID",
      description = "Evaluate only these permits.")
  List<String> permits = new ArrayList<>();

  @Option(names = "--as-of", descriptionKey = "eval.as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "Apply the law of this date (default: the case's as_of, else today).")
  LocalDate asOf;

  @Option(names = "--set", descriptionKey = "eval.set", paramLabel = "FACT=VALUE",
      description = "What-if: replace a fact's value (repeatable); an empty value makes it unknown.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--format", descriptionKey = "eval.format", paramLabel = "FORMAT", completionCandidates = Formats.class,
      description = "text (default), json, ndjson (one compact result per line; full with --explain), "
          + "or markdown (a report to hand over: one document per case).")
  String format = "text";

  @Option(names = "--output", descriptionKey = "eval.output", paramLabel = "FILE",
      description = "Write the results to FILE (created private, replaced atomically) instead of stdout.")
  String output;

  @Option(names = "--explain", descriptionKey = "eval.explain",
      description = "Show the whole criteria tree with the facts each condition read.")
  boolean explain;

  @Option(names = "--horizon", descriptionKey = "eval.horizon", paramLabel = "YEARS",
      description = "How many years ahead to look for eligible_from and apply_before (default: 5; 0 = off).")
  int horizon = 5;

  @Option(names = "--jobs", descriptionKey = "eval.jobs", paramLabel = "N",
      description = "Worker threads (default: the number of processors). Output order never changes.")
  Integer jobs;

  @Option(names = "--redact", descriptionKey = "eval.redact", description = "Leave fact values out of the output.")
  boolean redact;

  @Option(names = "--quiet", descriptionKey = "eval.quiet",
      description = "No summary or progress on stderr for batches.")
  boolean quiet;

  /** The formats, for shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return FORMATS.iterator();
    }
  }

  EvalCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Messages m = common.messages(ctx);
    format = CommonOptions.keyword(format); // as --lang: JSON is json
    if (!FORMATS.contains(format)) {
      throw new UsageError(m.get("cli.unknown_format", format), m.get("cli.hint.formats", String.join(", ", FORMATS)));
    }
    if (horizon < 0 || horizon > 100) {
      throw new UsageError(m.get("cli.horizon", horizon), "");
    }
    if (redact && common.debug == Debug.Level.facts) {
      // one asks for the values on stderr, the other to keep them out of sight: neither may win silently
      throw new UsageError(m.get("cli.redact_debug_facts"), m.get("cli.hint.redact_debug_facts"));
    }
    int threads = CommonOptions.threads(jobs, m);
    CommonOptions.stdinOnce(files, m);
    Path target = OutputFile.check(ctx, m, output, files, common.rules).orElse(null);
    Checked<Ruleset> loaded = Rules.load(ctx, common);
    if (loaded.hasErrors()) {
      return ExitCode.INVALID_RULES;
    }
    Ruleset rules = loaded.value().get();
    Scope scope = Rules.scope(rules, countries, permits, m);
    CaseReader reader = new CaseReader(rules, ctx.today(), asOf);
    Map<String, Object> changes = changes(rules, reader, m);
    boolean color = target == null && common.color(ctx);
    OutputOptions options = new OutputOptions(common.language(ctx), explain, color, redact);
    TextRenderer text = new TextRenderer(rules, options);
    Job job = new Job(reader, new Evaluator(rules, java.time.Period.ofYears(horizon)), scope, changes, asOf,
        ctx.today(), renderer(rules, options, text), format.equals("ndjson"), format.equals("ndjson") && !explain);
    Debug debug = common.debug(ctx);
    if (target == null) {
      return run(job, threads, new Output(text, ctx.out(), debug, m), m);
    }
    try (SafeFiles.Pending file = OutputFile.open(target, output)) {
      PrintWriter sink = ByteWriter.buffered(file.stream(), 1 << 16);
      int code = run(job, threads, new Output(text, sink, debug, m), m);
      if (sink.checkError()) {
        throw new IOException(m.get("cli.output_unwritable"));
      }
      file.commit();
      return code;
    } catch (IOException e) {
      ctx.err().println("permitcheck: "
          + Diagnostic.printable(m.get("cli.output_failed", output, String.valueOf(e.getMessage()))));
      return ExitCode.INVALID_INPUT;
    }
  }

  private int run(Job job, int threads, Output output, Messages m) {
    long start = System.nanoTime();
    try (Inputs inputs = new Inputs(files, ctx::resolve, ctx.in())) {
      if (output.showsProgress()) {
        output.track(inputs, inputs.measure(), start);
      }
      // the full JSON form is about 90 KB a case: 8 to a chunk keep about 6 MB in flight with 2 jobs
      boolean full = format.equals("json") || explain;
      Pipeline.run(inputs, inputs::ready, job, threads, output::accept, output::idle, full ? 8 : Pipeline.CHUNK);
      output.finish();
    } catch (OutputStopped e) {
      // no one reads on (e.g. | head): evaluating the rest would be for nothing; a file says so in call()
      output.clearProgress();
      return this.output == null ? OutputStopped.report(ctx, m, output.written) : ExitCode.INVALID_INPUT;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (output.summary.cases() > 1 && !quiet) {
      // the verdicts as the JSON names them, unless the adviser asked for a language (--lang)
      ctx.err().print("permitcheck: " + output.summary.render(seconds, m, common.lang != null));
    }
    Diagnostics.summary(ctx.err(), output.problems, m);
    return output.summary.failed() > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }


  private Job.Renderer renderer(Ruleset rules, OutputOptions options, TextRenderer text) {
    boolean pretty = format.equals("json");
    boolean isJson = pretty || format.equals("ndjson");
    // only the renderer of the format is built: each prepares its texts for every permit
    JsonRenderer json = isJson ? new JsonRenderer(rules, options, pretty, pretty || explain) : null;
    MarkdownRenderer markdown = format.equals("markdown") ? new MarkdownRenderer(rules, options) : null;
    return new Job.Renderer() {
      @Override
      public String render(Evaluation e, List<Diagnostic> notes) {
        if (json != null) {
          return json.render(e, notes);
        }
        return markdown != null ? markdown.render(e) : text.render(e);
      }

      @Override
      public Utf8Slice line(Evaluation e, List<Diagnostic> notes) {
        return json.renderLine(e, notes);
      }

      @Override
      public String failure(String caseId, String source, List<Diagnostic> errors) {
        return json != null ? json.renderFailure(caseId, source, errors) : null;
      }
    };
  }

  /** Writes results in input order as they come; diagnostics go to stderr at once. */
  private final class Output {
    final TextRenderer text;
    final PrintWriter out;
    final Debug debug;
    final Summary summary = new Summary();
    final List<Diagnostic> problems = new ArrayList<>();
    /** In JSON, whether the one result is written as an object: one case file alone, not a batch. */
    final boolean object = format.equals("json") && Inputs.isOneCaseFile(files, ctx::resolve);
    int written;
    boolean dirty;
    long lastProgress;
    /** For the progress line: what has been read of the inputs, of how much (-1: unknown), since when. */
    Inputs inputs;
    long total = -1;
    long start;
    /** The language of the diagnostics and of the progress line. */
    final Messages messages;

    Output(TextRenderer text, PrintWriter out, Debug debug, Messages messages) {
      this.text = text;
      this.out = out;
      this.debug = debug;
      this.messages = messages;
    }

    void accept(Job.Result r) {
      summary.add(r);
      if (!debug.on() || r.note()) {
        // nothing to say
      } else if (r.failed()) {
        debug.log("case " + r.source() + ": refused after " + Debug.millis(r.readNanos()));
      } else {
        debug.facts(r.source(), r.evaluation().subject(), r.readNanos());
        debug.log("case " + r.source() + ": " + r.evaluation().results().size() + " permits evaluated as of "
            + r.evaluation().asOf());
      }
      if (!r.diagnostics().isEmpty()) {
        say(r.diagnostics());
        if (problems.size() < 10_000) {
          problems.addAll(r.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
      }
      if (r.line() != null) {
        if (out instanceof ByteWriter) {
          ((ByteWriter) out).writeBytes(r.line());
        } else {
          Utf8Slice line = r.line();
          out.print(new String(line.bytes(), line.offset(), line.length(), StandardCharsets.UTF_8));
        }
        written++;
        dirty = true;
        OutputStopped.afterRecord(out);
      } else if (r.output() != null) {
        write(r.output());
      }
      progress();
    }

    /**
     * Prints diagnostics on stderr at once, after the results before them reach stdout: read together
     * (a terminal, 2>&1), each message stands right before its case's result.
     */
    void say(List<Diagnostic> diagnostics) {
      clearProgress();
      out.flush();
      Diagnostics.print(ctx.err(), diagnostics, messages);
      ctx.err().flush();
    }

    private void write(String s) {
      switch (format) {
        case "json":
          if (object) {
            out.println(s);
          } else {
            out.println(written == 0 ? "[" : ",");
            out.print(indent(s));
          }
          OutputStopped.afterRecord(out);
          break;
        case "markdown":
          if (written > 0) {
            out.print(MarkdownRenderer.SEPARATOR);
          }
          out.print(s);
          OutputStopped.afterRecord(out);
          break;
        default:
          if (written > 0) {
            out.println();
          }
          out.print(s);
          OutputStopped.afterRecord(out);
      }
      written++;
      dirty = true;
    }

    private String indent(String s) {
      return s.replaceAll("(?m)^", "  ");
    }

    void idle() {
      if (dirty) {
        out.flush();
        dirty = false;
        OutputStopped.ifFailed(out);
      }
      progress();
    }

    /** Whether a progress line is shown: when stderr is a terminal, unless --quiet. */
    boolean showsProgress() {
      return !quiet && ctx.errTerminal() && !CommonOptions.dumb(ctx);
    }

    void track(Inputs inputs, long total, long start) {
      this.inputs = inputs;
      this.total = total;
      this.start = start;
    }

    private void progress() {
      if (!showsProgress() || inputs == null || !format.contains("json") && summary.cases() < 2) {
        return;
      }
      long now = System.nanoTime();
      if (now - lastProgress < 200_000_000L) {
        return;
      }
      lastProgress = now;
      String line = summary.progress((now - start) / 1e9, inputs.consumed(), total, messages);
      ctx.err().print("\r\u001b[K" + line);
      ctx.err().flush();
    }

    void clearProgress() {
      if (lastProgress != 0) {
        ctx.err().print("\r\u001b[K");
      }
    }

    void finish() {
      clearProgress();
      if (format.equals("json") && !object) {
        if (written > 0) {
          out.println();
        }
        out.println(written == 0 ? "[]" : "]");
      } else if (format.equals("text") && written > 0) {
        out.println();
        out.print(text.notice());
      }
      out.flush();
      OutputStopped.ifFailed(out);
    }
  }

  private Map<String, Object> changes(Ruleset rules, CaseReader reader, Messages m) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new UsageError(m.get("cli.set_syntax", set), m.get("cli.hint.set"));
      }
      String fact = set.substring(0, eq).trim();
      if (CASE_FIELDS.containsKey(fact) && rules.currentName(fact).isEmpty()) {
        // a field of the case, not a fact: said so, with where it is given
        throw new UsageError(m.get("cli.set_invalid", fact, m.get("cli.set_not_fact", fact)), m.get(CASE_FIELDS.get(fact)));
      }
      // typed once for every case; a date is checked against each case's own date (Job)
      Checked<Optional<Object>> v = reader.parseValue(fact, set.substring(eq + 1), "--set " + fact, LocalDate.MAX);
      if (v.hasErrors()) {
        Diagnostic d = org.permitcheck.diag.Translation.of(m.language()).translate(v.errors().get(0));
        throw new UsageError(m.get("cli.set_invalid", fact, d.message()), d.hints().isEmpty() ? "" : d.hints().get(0));
      }
      changes.put(rules.currentName(fact).orElse(fact), v.value().get().orElse(null));
    }
    return changes;
  }
}
