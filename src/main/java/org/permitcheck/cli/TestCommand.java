package org.permitcheck.cli;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.batch.Inputs;
import org.permitcheck.batch.Item;
import org.permitcheck.batch.Job;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.Coverage;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks each case's expect: block against what the rules decide. */
@Command(name = "test", sortOptions = false,
    description = "Check the expected verdicts (expect:) of case files; exit 4 on any mismatch.")
final class TestCommand implements Callable<Integer> {
  /** What test reads when no case is named. */
  private static final String DEFAULT_CASES = "examples";

  private final Context ctx;

  @Mixin CommonOptions common;

  @Parameters(arity = "0..*", paramLabel = "CASE", descriptionKey = "test.CASE",
      description = "Case files or directories (default: examples/).")
  List<String> files = new ArrayList<>();

  @Option(names = "--country", descriptionKey = "test.country", split = ",", paramLabel = "CODE",
      description = "Check only the expectations of these countries' permits, and cover only their criteria.")
  List<String> countries = new ArrayList<>();

  @Option(names = "--permit", descriptionKey = "test.permit", split = ",", paramLabel = "ID",
      description = "Check only the expectations of these permits, and cover only their criteria.")
  List<String> permits = new ArrayList<>();

  @Option(names = "--as-of", descriptionKey = "test.as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "Date for cases without as_of (default: today).")
  LocalDate asOf;

  @Option(names = "--coverage", descriptionKey = "test.coverage",
      description = "Also report, for every criterion, whether the cases made it met, not met and unknown.")
  boolean coverage;

  TestCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Messages m = common.messages(ctx);
    CommonOptions.stdinOnce(files, m);
    if (files.isEmpty() && !Files.isDirectory(ctx.resolve(DEFAULT_CASES))) {
      // outside a checkout: say what the default was, not that a path nobody typed is missing
      throw new UsageError(m.get("test.no_examples"), m.get("test.hint.no_examples"));
    }
    Checked<Ruleset> loaded = Rules.load(ctx, common);
    if (loaded.hasErrors()) {
      return ExitCode.INVALID_RULES;
    }
    Ruleset rules = loaded.value().get();
    Scope scope = Rules.scope(rules, countries, permits, m);
    // with --country or --permit, the expectations and the coverage of the other permits are left out
    List<Permit> chosen = new ArrayList<>();
    Set<String> chosenIds = new HashSet<>();
    for (Permit p : rules.permits()) {
      if ((scope.countries().isEmpty() || scope.countries().contains(p.country()))
          && (scope.permits().isEmpty() || scope.permits().contains(p.id()))) {
        chosen.add(p);
        chosenIds.add(p.id());
      }
    }
    boolean filtered = !countries.isEmpty() || !permits.isEmpty();
    if (filtered && chosen.isEmpty()) {
      // a filter that leaves nothing would pass every run without checking anything
      throw new UsageError(m.get("cli.no_permits"), m.get("cli.hint.no_permits"));
    }
    Evaluator evaluator = new Evaluator(rules);
    CaseReader reader = new CaseReader(rules, asOf != null ? asOf : ctx.today());
    List<String> paths = files.isEmpty() ? List.of(DEFAULT_CASES) : files;
    int cases = 0;
    int checked = 0;
    int failed = 0;
    int withoutExpect = 0;
    int outside = 0;
    List<Diagnostic> problems = new ArrayList<>();
    Coverage cover = new Coverage(chosen);
    Inputs inputs = new Inputs(paths, ctx::resolve, ctx.in());
    while (inputs.hasNext()) {
      Item item = inputs.next();
      Checked<Case> c = Job.read(reader, item);
      if (c.hasErrors()) {
        Diagnostics.print(ctx.err(), c.diagnostics(), m);
        problems.addAll(c.diagnostics());
        continue;
      }
      // warnings of a readable case, such as a misspelt permit id under expect:, say what was meant
      Diagnostics.print(ctx.err(), c.diagnostics(), m);
      cases++;
      Case subject = c.value().get();
      String path = where(item, subject);
      LocalDate date = subject.asOf().orElse(asOf != null ? asOf : ctx.today());
      Evaluation e = evaluator.evaluate(subject, date, scope);
      cover.add(e, subject.expect().keySet());
      if (subject.expect().isEmpty()) {
        withoutExpect++;
        continue;
      }
      for (Map.Entry<String, String> expected : subject.expect().entrySet()) {
        // with a filter, an expectation of another permit is left out, even of one the rules lack
        // (the case reader has warned about it); without one, that expectation fails
        if (filtered && !chosenIds.contains(expected.getKey())) {
          outside++;
          continue;
        }
        checked++;
        String verdict = e.results().stream().filter(r -> r.permit().id().equals(expected.getKey()))
            .map(r -> r.verdict().key()).findFirst()
            .orElse(m.get(rules.permitIds().contains(expected.getKey()) ? "test.out_of_scope" : "test.no_such_permit"));
        if (!verdict.equals(expected.getValue())) {
          failed++;
          ctx.out().println(m.get("test.fail", Diagnostic.printable(path), expected.getKey(), expected.getValue(),
              verdict));
          e.results().stream().filter(r -> r.permit().id().equals(expected.getKey()))
              .forEach(r -> deciding(r, m).forEach(line -> ctx.out().println("     " + line)));
        }
      }
    }
    ctx.out().println(m.get("test.summary", m.count(cases, "count.case.one", "count.case.many"),
        m.count(checked, "count.expectation.one", "count.expectation.many"),
        m.count(checked - failed, "count.passed.one", "count.passed.many"), failed)
        + (withoutExpect > 0 ? m.get("punct.semicolon") + " " + m.get("test.without_expect", withoutExpect) : "")
        + (outside > 0 ? m.get("punct.semicolon") + " " + m.get("test.outside", outside) : ""));
    if (coverage) {
      printCoverage(cover, m);
    }
    Diagnostics.summary(ctx.err(), problems, m);
    if (cases == 0 && problems.stream().noneMatch(Diagnostic::isError)) {
      // an empty folder or stdin: a run that checked nothing must not look like one that passed
      ctx.err().println("permitcheck: " + m.get("test.no_cases"));
      ctx.err().println("  " + m.colon("cli.hint") + " " + m.get("test.hint.no_cases"));
      return ExitCode.INVALID_INPUT;
    }
    if (failed > 0) {
      return ExitCode.MISMATCH;
    }
    return problems.stream().anyMatch(Diagnostic::isError) ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  /**
   * Where a case is, as a failure names it: its file; for one line of NDJSON or one document of a YAML
   * stream, also the line it starts on and its id.
   */
  static String where(Item item, Case subject) {
    return item instanceof Item.File ? item.name()
        : item.name() + ":" + item.line() + " (id " + Diagnostic.printable(subject.id()) + ")";
  }

  private void printCoverage(Coverage cover, Messages m) {
    List<Coverage.Entry> entries = cover.entries();
    ctx.out().println();
    ctx.out().println(m.get("coverage.title"));
    int width = entries.stream().mapToInt(e -> e.path().length()).max().orElse(0);
    for (Coverage.Entry e : entries) {
      String flags = flag(e, Outcome.MET, 'm') + flag(e, Outcome.NOT_MET, 'n') + flag(e, Outcome.UNKNOWN, 'u');
      ctx.out().println("  " + flags + "  " + e.path());
    }
    List<Coverage.Entry> never = entries.stream().filter(e -> !e.exercised()).toList();
    long top = entries.stream().filter(Coverage.Entry::topLevel).count();
    long topExercised = entries.stream().filter(e -> e.topLevel() && e.exercised()).count();
    ctx.out().println(m.get("coverage.top", topExercised, top));
    if (never.isEmpty()) {
      ctx.out().println(m.get("coverage.all"));
    } else {
      ctx.out().println(m.get("coverage.never", never.size()));
      never.forEach(e -> ctx.out().println("  " + e.path()));
    }
    List<String> unchecked = cover.unchecked();
    if (!unchecked.isEmpty()) {
      ctx.out().println(m.get("coverage.unchecked", unchecked.size()));
      unchecked.forEach(id -> ctx.out().println("  " + id));
    }
  }

  private static String flag(Coverage.Entry e, Outcome o, char c) {
    return e.seen().contains(o) ? String.valueOf(c) : "-";
  }

  /** The top-level criteria that decided the verdict: those not met, or unknown. */
  private static List<String> deciding(PermitResult r, Messages m) {
    List<String> lines = new ArrayList<>();
    for (CriterionResult c : r.topLevel()) {
      if (c.outcome() == Outcome.NOT_MET || c.outcome() == Outcome.UNKNOWN) {
        // maybe waivable while the condition of the discretion is unknown (as diff says)
        String mark = c.decidesNotAlone() ? " (" + m.get("test.waivable") + ")"
            : c.maybeDecidesNotAlone() ? " (" + m.get("test.maybe_waivable") + ")" : "";
        lines.add(c.outcome().key() + mark + ": " + c.criterion().id());
      }
    }
    if (!r.missing().isEmpty()) {
      lines.add(m.get("test.missing", String.join(", ", r.missing())));
    }
    return lines;
  }
}
