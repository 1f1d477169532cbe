package org.permitcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.diag.Suggest;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.JsonRenderer;
import org.permitcheck.report.OutputOptions;
import org.permitcheck.report.TextRenderer;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Evaluates case files and prints, per permit, the verdict and why. */
@Command(name = "eval", sortOptions = false,
    description = "Evaluate case files: which permits apply, and why.")
final class EvalCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "CASE", description = "Case files (YAML or JSON), or directories.")
  List<String> files;

  @Option(names = "--country", split = ",", paramLabel = "CODE",
      description = "Evaluate only these countries (default: the case's country, else all).")
  List<String> countries = new ArrayList<>();

  @Option(names = "--permit", split = ",", paramLabel = "ID", description = "Evaluate only these permits.")
  List<String> permits = new ArrayList<>();

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "Apply the law of this date (default: the case's as_of, else today).")
  LocalDate asOf;

  @Option(names = "--set", paramLabel = "FACT=VALUE",
      description = "What-if: replace a fact's value (repeatable); an empty value makes it unknown.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  @Option(names = "--explain", description = "Show the whole criteria tree with the facts each condition read.")
  boolean explain;

  @Option(names = "--redact", description = "Leave fact values out of the output.")
  boolean redact;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the results to FILE instead of stdout: created readable by you only (0600) and "
          + "replaced whole, never half-written. It cannot be one of the input files.")
  String output;

  EvalCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageError("unknown --format '" + format + "'", "formats: text, json");
    }
    if (!CommonOptions.LANGUAGES.contains(common.language(ctx))) {
      throw new UsageError("unknown --lang '" + common.lang + "'", "languages: en, fr, de, nl");
    }
    Debug debug = common.debug(ctx);
    Checked<Ruleset> loaded = RulesSource.load(ctx, common.rules, debug);
    if (loaded.hasErrors()) {
      Diagnostics.print(ctx.err(), loaded.errors(), true);
      Diagnostics.summary(ctx.err(), loaded.errors());
      return ExitCode.INVALID_RULES;
    }
    Ruleset rules = loaded.value().get();
    Scope scope = scope(rules);
    List<String> inputs = CaseFiles.expand(ctx, files);
    Optional<Path> target = OutputFile.check(ctx, output, inputs, common.rules);
    CaseReader reader = new CaseReader(rules, ctx.today());
    Map<String, Object> changes = changes(rules, reader);
    Evaluator evaluator = new Evaluator(rules);
    boolean color = target.isEmpty() && common.color(ctx);
    OutputOptions options = new OutputOptions(common.language(ctx), explain, color, redact);
    TextRenderer text = new TextRenderer(rules, options);
    JsonRenderer json = new JsonRenderer(rules, options, true);

    List<String> outputs = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String file : inputs) {
      long start = System.nanoTime();
      Checked<Case> c = read(reader, file);
      Diagnostics.print(ctx.err(), c.diagnostics(), false);
      problems.addAll(c.diagnostics());
      if (c.hasErrors()) {
        debug.log("case " + file + ": refused after " + Debug.millis(System.nanoTime() - start) + ", "
            + c.errors().size() + (c.errors().size() == 1 ? " error" : " errors"));
        if (format.equals("json")) {
          outputs.add(json.renderFailure(CaseReader.defaultId(file), file, c.errors()));
        }
        continue;
      }
      debug.facts(file, c.value().get(), System.nanoTime() - start);
      start = System.nanoTime();
      Case subject = c.value().get().with(changes);
      LocalDate date = asOf != null ? asOf : subject.asOf().orElse(ctx.today());
      Evaluation e = evaluator.evaluate(subject, date, scope);
      outputs.add(format.equals("json") ? json.render(e, c.diagnostics()) : text.render(e));
      debug.log("case " + file + ": " + e.results().size() + " permits evaluated as of " + date
          + " and rendered in " + Debug.millis(System.nanoTime() - start));
    }
    StringWriter rendered = new StringWriter();
    PrintWriter out = target.isPresent() ? new PrintWriter(rendered) : ctx.out();
    print(out, outputs, text);
    if (target.isPresent()) {
      out.flush();
      OutputFile.write(target.get(), output, rendered.toString(), debug);
    }
    Diagnostics.summary(ctx.err(), problems);
    return problems.stream().anyMatch(Diagnostic::isError) ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private void print(PrintWriter out, List<String> outputs, TextRenderer text) {
    if (format.equals("json")) {
      if (outputs.size() == 1) {
        out.println(outputs.get(0));
      } else {
        out.println("[");
        for (int i = 0; i < outputs.size(); i++) {
          out.print(outputs.get(i).replaceAll("(?m)^", "  "));
          out.println(i + 1 < outputs.size() ? "," : "");
        }
        out.println("]");
      }
      return;
    }
    for (int i = 0; i < outputs.size(); i++) {
      if (i > 0) {
        out.println();
      }
      out.print(outputs.get(i));
    }
    if (!outputs.isEmpty()) {
      out.println();
      out.print(text.notice());
    }
  }

  private Checked<Case> read(CaseReader reader, String file) {
    Inputs.Result r = Inputs.read(ctx.resolve(file), file, Limits.CASE.maxBytes());
    if (r.text().isEmpty()) {
      return Checked.failed(List.of(r.error().get()));
    }
    SourceText text = r.text().get();
    return reader.read(text);
  }

  private Scope scope(Ruleset rules) {
    Set<String> codes = new LinkedHashSet<>();
    List<String> known = rules.countries().stream().map(Country::code).toList();
    for (String c : countries) {
      String code = c.trim().toUpperCase(java.util.Locale.ROOT);
      if (!known.contains(code)) {
        throw new UsageError("unknown --country '" + c + "'", "countries: " + String.join(", ", known));
      }
      codes.add(code);
    }
    Set<String> ids = new LinkedHashSet<>();
    List<String> allIds = rules.permits().stream().map(Permit::id).toList();
    for (String p : permits) {
      if (!allIds.contains(p)) {
        String hint = Suggest.didYouMean(p, allIds);
        throw new UsageError("unknown --permit '" + p + "'", hint.isEmpty() ? "'permitcheck permits' lists them" : hint);
      }
      ids.add(p);
    }
    return new Scope(codes, ids);
  }

  private Map<String, Object> changes(Ruleset rules, CaseReader reader) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new UsageError("--set needs FACT=VALUE, found '" + set + "'", "e.g. --set german_level=B1");
      }
      String fact = set.substring(0, eq).trim();
      Checked<Optional<Object>> v = reader.parseValue(fact, set.substring(eq + 1), "--set " + fact);
      if (v.hasErrors()) {
        Diagnostic d = v.errors().get(0);
        throw new UsageError("--set " + fact + ": " + d.message(), d.hints().isEmpty() ? "" : d.hints().get(0));
      }
      String name = rules.currentName(fact).orElse(fact);
      changes.put(name, v.value().get().orElse(null));
    }
    return changes;
  }
}
