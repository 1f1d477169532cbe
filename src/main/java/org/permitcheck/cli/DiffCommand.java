package org.permitcheck.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.permitcheck.batch.Inputs;
import org.permitcheck.batch.Item;
import org.permitcheck.batch.Job;
import org.permitcheck.batch.Pipeline;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Translation;
import org.permitcheck.engine.Change;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Re-checks cases under two rulesets, or at two dates, and lists every result that changed. */
@Command(name = "diff", sortOptions = false,
    description = "Evaluate cases under two rulesets (or at two dates) and list every verdict that changed.")
final class DiffCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("text", "json", "ndjson");

  private final Context ctx;
  /** The language the errors of case files are said in, on stderr and in the records (--lang). */
  private Translation said = Translation.of("en");

  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "CASE", descriptionKey = "diff.CASE",
      description = "Case files, directories, .ndjson/.jsonl files, or - for stdin.")
  List<String> files;

  @Option(names = "--old", descriptionKey = "diff.old", paramLabel = "RULES",
      description = "The old rules (default: the same as --new).")
  String oldRules;

  @Option(names = "--new", descriptionKey = "diff.new", paramLabel = "RULES",
      description = "The new rules (default: --rules, ./rules.yaml, or the bundled ones).")
  String newRules;

  @Option(names = "--as-of", descriptionKey = "diff.as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "Date for the old side (default: each case's as_of, else today).")
  LocalDate asOf;

  @Option(names = "--to", descriptionKey = "diff.to", paramLabel = "DATE", converter = DateConverter.class,
      description = "Date for the new side (default: the same as the old side).")
  LocalDate to;

  @Option(names = "--format", descriptionKey = "diff.format", paramLabel = "FORMAT",
      description = "text (default), json or ndjson.")
  String format = "text";

  @Option(names = "--redact", descriptionKey = "diff.redact",
      description = "Leave fact values out of the output (the messages of unreadable cases and of cases one side rejects).")
  boolean redact;

  @Option(names = "--exit-code", descriptionKey = "diff.exit-code",
      description = "Exit with 4 when any result changed, even if some input was invalid (which alone gives 1).")
  boolean exitCode;

  @Option(names = "--jobs", descriptionKey = "diff.jobs", paramLabel = "N",
      description = "Worker threads (default: the number of processors).")
  Integer jobs;

  DiffCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** One side of the comparison. */
  private record Side(Ruleset rules, CaseReader reader, Evaluator evaluator) {}

  /**
   * What one case gives: its id (null: neither side could read it), where it came from, the id an
   * unreadable case's record names it by (its own when that could be read, else one made from where it
   * came from; null for no case at all but a remark about an input, {@link Item.Note}), its changed
   * results or the refusal by one side's rules, and the diagnostics to print.
   */
  private record Result(String caseId, String source, String recordId, List<DiffJson.Difference> differences,
      List<Diagnostic> diagnostics) {}

  @Override
  public Integer call() {
    Messages m = common.messages(ctx);
    said = Translation.of(m.language());
    int threads = CommonOptions.threads(jobs, m);
    CommonOptions.stdinOnce(files, m);
    format = CommonOptions.keyword(format); // as --lang: JSON is json
    if (!FORMATS.contains(format)) {
      throw new UsageError(m.get("cli.unknown_format", format), m.get("cli.hint.formats", String.join(", ", FORMATS)));
    }
    if (oldRules == null && to == null) {
      throw new UsageError(m.get("cli.diff_needs"), m.get("cli.hint.diff"));
    }
    // both rulesets are read, the old one first, and every problem of both is reported at once
    Checked<Ruleset> oldSide = oldRules == null ? null : RulesSource.load(ctx, oldRules);
    Checked<Ruleset> newSide = RulesSource.load(ctx, newRules != null ? newRules : common.rules);
    List<Diagnostic> invalid = new ArrayList<>(oldSide == null ? List.of() : oldSide.errors());
    invalid.addAll(newSide.errors());
    if (!invalid.isEmpty()) {
      Diagnostics.print(ctx.err(), invalid);
      Diagnostics.summary(ctx.err(), invalid, m);
      return ExitCode.INVALID_RULES;
    }
    Side after = side(newSide.value().get());
    Side before = oldSide == null ? after : side(oldSide.value().get());
    Map<String, Long> transitions = new TreeMap<>();
    List<DiffJson.Difference> json = new ArrayList<>();
    List<DiffJson.Failure> failures = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    long[] counts = new long[3];
    try (Inputs inputs = new Inputs(files, ctx::resolve, ctx.in())) {
      Pipeline.run(inputs, inputs::ready, item -> compare(item, before, after), threads, r -> {
        if (!r.diagnostics().isEmpty()) {
          Diagnostics.print(ctx.err(), r.diagnostics(), m);
          problems.addAll(r.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        if (r.recordId() == null) {
          return; // no case, but a remark about an input, said in its place
        }
        counts[0]++;
        if (r.caseId() == null) {
          counts[2]++;
          DiffJson.Failure f = new DiffJson.Failure(r.recordId(), r.source(),
              r.diagnostics().stream().filter(Diagnostic::isError).map(said::translate).toList());
          if (format.equals("ndjson")) {
            ctx.out().println(DiffJson.record(f, redact));
            OutputStopped.afterRecord(ctx.out());
          } else if (format.equals("json")) {
            failures.add(f);
          }
          return;
        }
        for (DiffJson.Difference x : r.differences()) {
          counts[1]++;
          transitions.merge(x.transition(), 1L, Long::sum);
          if (format.equals("text")) {
            ctx.out().println(DiffText.line(x, m, redact, common.lang != null));
          } else if (format.equals("ndjson")) {
            ctx.out().println(DiffJson.record(x, redact));
          } else {
            json.add(x);
            continue;
          }
          OutputStopped.afterRecord(ctx.out());
        }
      }, () -> {
        ctx.out().flush();
        OutputStopped.ifFailed(ctx.out());
      });
      finish(new DiffJson.Document(before.rules(), asOf, after.rules(), to != null ? to : asOf,
          counts[0] - counts[2], counts[2], counts[1], transitions, json, failures), m);
      ctx.out().flush();
      OutputStopped.ifFailed(ctx.out());
    } catch (OutputStopped e) {
      return OutputStopped.report(ctx, m, (int) counts[1]);
    }
    Diagnostics.summary(ctx.err(), problems, m);
    // as in test: a change found outranks an unreadable input
    if (exitCode && counts[1] > 0) {
      return ExitCode.MISMATCH;
    }
    return counts[2] > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private Side side(Ruleset rules) {
    return new Side(rules, new CaseReader(rules, ctx.today(), asOf), new Evaluator(rules));
  }

  private Result compare(Item item, Side before, Side after) {
    Checked<Case> old = Job.read(before.reader(), item);
    Checked<Case> now = before == after ? old : Job.read(after.reader(), item);
    List<Diagnostic> d = new ArrayList<>(old.diagnostics());
    if (now != old) {
      now.diagnostics().stream().filter(x -> !d.contains(x)).forEach(d::add);
    }
    if (old.hasErrors() && now.hasErrors()) {
      if (item instanceof Item.Note) {
        return new Result(null, item.name(), null, List.of(), d);
      }
      String id = old.value().or(now::value).map(Case::id).orElse(item.defaultId());
      return new Result(null, item.name(), id, List.of(), d);
    }
    if (old.hasErrors() != now.hasErrors()) {
      return old.hasErrors() ? refused(item, "old", old, now, d) : refused(item, "new", now, old, d);
    }
    Case c = old.value().get();
    LocalDate first = asOf != null ? asOf : c.asOf().orElse(ctx.today());
    LocalDate second = to != null ? to : first;
    // facts are checked against the case's own date; --as-of or --to may lie before them
    LocalDate earlier = first.isBefore(second) ? first : second;
    before.reader().dateAfter(c, earlier, item.name(), item.line(), item, Job::document).ifPresent(d::add);
    Evaluation e1 = before.evaluator().evaluate(c, first, Scope.ALL);
    Evaluation e2 = after.evaluator().evaluate(now.value().get(), second, Scope.ALL);
    List<DiffJson.Difference> changes = new ArrayList<>();
    Change.between(e1, e2).forEach(x -> changes.add(new DiffJson.Entry(c.id(), item.name(), first, second, x)));
    return new Result(c.id(), item.name(), item.defaultId(), changes, d);
  }

  /**
   * A case that the rules of {@code side} refuse and the other side's read: a change, not an input
   * error, so its errors go into the change record rather than to stderr.
   */
  private Result refused(Item item, String side, Checked<Case> refusal, Checked<Case> read,
      List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = refusal.errors();
    String id = read.value().get().id();
    List<Diagnostic> said = errors.stream().map(this.said::translate).toList();
    return new Result(id, item.name(), item.defaultId(), List.of(new DiffJson.Rejected(id, item.name(), side, said)),
        diagnostics.stream().filter(x -> !errors.contains(x)).toList());
  }

  private void finish(DiffJson.Document d, Messages m) {
    if (format.equals("json")) {
      ctx.out().println(DiffJson.document(d, redact));
      ByteWriter.endRecord(ctx.out());
      return;
    }
    boolean text = format.equals("text");
    if (text && d.changed() > 0) {
      ctx.out().println();
    }
    DiffText.summary(text ? ctx.out() : ctx.err(), d, m, common.lang != null);
  }
}
