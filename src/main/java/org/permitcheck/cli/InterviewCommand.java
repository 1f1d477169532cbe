package org.permitcheck.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseWriter;
import org.permitcheck.diag.Checked;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.interview.Draft;
import org.permitcheck.interview.DraftFile;
import org.permitcheck.interview.Interviewer;
import org.permitcheck.interview.LinePrompter;
import org.permitcheck.interview.Prompter;
import org.permitcheck.interview.Replies;
import org.permitcheck.interview.TerminalPrompter;
import org.permitcheck.io.SafeFiles;
import org.permitcheck.report.JsonRenderer;
import org.permitcheck.report.Messages;
import org.permitcheck.report.OutputOptions;
import org.permitcheck.report.TextRenderer;
import org.permitcheck.report.Wrap;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Comments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Interviews the adviser: asks only the questions that can still change a verdict, saves every answer
 * at once to a private draft, then prints the same report as {@code eval} and saves the case file.
 */
@Command(name = "interview", sortOptions = false,
    description = {"Ask the questions that decide, one at a time; then report and save the case.",
        "Type ? for help on a question, skip (or Enter) to leave it unknown, back, why, quit."})
final class InterviewCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Option(names = "--country", descriptionKey = "interview.country", split = ",", paramLabel = "CODE",
      description = "Check only these countries (default: asked first).")
  List<String> countries = new ArrayList<>();

  @Option(names = "--permit", descriptionKey = "interview.permit", split = ",", paramLabel = "ID", description = "Check only these permits.")
  List<String> permits = new ArrayList<>();

  @Option(names = "--as-of", descriptionKey = "interview.as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "Apply the law of this date (default: today, or the resumed case's as_of).")
  LocalDate asOf;

  @Option(names = "--save", descriptionKey = "interview.save", paramLabel = "FILE", description = "Save the case here (default: proposed at the end).")
  String save;

  @Option(names = "--resume", descriptionKey = "interview.resume", paramLabel = "FILE",
      description = "Continue a draft, or re-open a case file to change an answer and re-evaluate.")
  String resume;

  @Option(names = "--format", descriptionKey = "interview.format", paramLabel = "FORMAT", description = "The final report: text (default) or json.")
  String format = "text";

  InterviewCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    format = CommonOptions.keyword(format); // as --lang: JSON is json
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageError("unknown --format '" + format + "'", "formats: text, json");
    }
    String lang = common.language(ctx);
    if (!CommonOptions.LANGUAGES.contains(lang)) {
      throw new UsageError("unknown --lang '" + common.lang + "'", "languages: en, fr, de, nl");
    }
    Checked<Ruleset> loaded = Rules.load(ctx, common);
    if (loaded.hasErrors()) {
      return ExitCode.INVALID_RULES;
    }
    Ruleset rules = loaded.value().get();
    Scope scope = Rules.scope(rules, countries, permits, common.messages(ctx));
    InterviewStart start;
    if (resume != null) {
      Checked<InterviewStart> r = InterviewStart.resume(ctx, rules, resume, scope, save, asOf, common.langOption(ctx));
      Diagnostics.print(ctx.err(), r.diagnostics(), common.messages(ctx));
      if (r.hasErrors()) {
        Diagnostics.summary(ctx.err(), r.diagnostics(), common.messages(ctx));
        return ExitCode.INVALID_INPUT;
      }
      start = r.value().get();
      java.util.Optional<String> country = start.draft().subject().country();
      if (scope.countries().isEmpty() && !scope.permits().isEmpty() && country.isPresent()
          && scope.permits().stream().noneMatch(id -> rules.permit(id).get().country().equals(country.get()))) {
        // the case's country limits the permits named, as in eval: nothing would be asked or decided
        throw new UsageError(common.messages(ctx).get("cli.no_permits.case", country.get()),
            common.messages(ctx).get("cli.hint.no_permits.case"));
      }
    } else {
      start = InterviewStart.fresh(ctx, rules, scope, save, asOf != null ? asOf : ctx.today(),
          common.langOption(ctx));
    }
    Messages m = new Messages(lang);
    Prompter prompter = onTerminal(ctx) ? TerminalPrompter.system() : new LinePrompter(ctx.in(), ctx.err());
    try {
      return interview(rules, start, prompter, m, lang);
    } finally {
      if (prompter instanceof TerminalPrompter) {
        ((TerminalPrompter) prompter).close();
      }
    }
  }

  /**
   * Whether a person answers on a terminal: stdin is one, and stdout or else stderr shows the questions
   * (the report may go to a file). Piped answers, or no terminal to show the questions on, are read one a
   * line and the questions written to stderr.
   */
  static boolean onTerminal(Context ctx) {
    return ctx.inTerminal() && (ctx.terminal() || ctx.errTerminal());
  }

  private int interview(Ruleset rules, InterviewStart start, Prompter prompter, Messages m, String lang)
      throws IOException {
    DraftFile drafts = new DraftFile(rules, ctx.today(), common.langOption(ctx));
    String draftPath = start.draftPath();
    if (start.resumed()) {
      prompter.show(m.get("interview.resumed", resume, m.count(start.draft().asked().size(), "interview.answers.one",
          "interview.answers.n")) + "\n");
    }
    prompter.show(wrapped(m.get("interview.draft", draftPath)));
    Interviewer.Result result;
    try {
      // a date typed in may not lie after the date the case is evaluated on, as when it is read again
      LocalDate evaluated = start.draft().subject().asOf().orElse(ctx.today());
      result = new Interviewer(rules, prompter, m, evaluated, d -> SafeFiles.write(ctx.resolve(draftPath),
          drafts.write(d, start.comments()))).run(start.draft(), start.resumed(), start.savedCase());
    } catch (IOException e) {
      prompter.show(m.get("interview.draft.failed", draftPath, reason(e, m)) + "\n");
      return ExitCode.INVALID_INPUT;
    }
    if (result.ending() != Interviewer.Ending.FINISHED) {
      // the command on a line of its own, whole, to be copied; with the language, which the draft does
      // not keep, so that the interview goes on in the language it was begun in
      prompter.show(wrapped(m.get("interview.kept", draftPath)) + "  permitcheck interview --resume " + draftPath
          + result.draft().scopeOptions() + common.langOption(ctx) + "\n");
      return ExitCode.STOPPED;
    }
    return save(rules, result.draft(), draftPath, start.comments(), prompter, m, lang);
  }

  /** A line of the interview's own, wrapped to 80 columns. */
  private static String wrapped(String text) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, "", "", text);
    return out.toString();
  }

  /** Saves the finished case with the comments of the file it was resumed from, removes its draft and reports. */
  private int save(Ruleset rules, Draft d, String draftPath, Comments comments, Prompter prompter, Messages m,
      String lang)
      throws IOException {
    String target = d.save().isEmpty() ? chooseFile(prompter, m, d.subject().id()) : d.save();
    if (InterviewStart.writesOverAnother(ctx, d)) {
      // checked when the interview started; a file that appeared since may be another person's case
      prompter.show(wrapped(m.get("interview.save.appeared", target)) + "  permitcheck interview --resume "
          + draftPath + " --save ANOTHER.yaml" + d.scopeOptions() + common.langOption(ctx) + "\n");
      return ExitCode.INVALID_INPUT;
    }
    Case c = d.subject();
    c = new Case(c.id(), target, c.country(), c.asOf(), c.applicationDate(), c.facts(), c.expect(), c.note());
    try {
      SafeFiles.write(ctx.resolve(target), new CaseWriter(rules).write(c, comments));
    } catch (IOException e) {
      prompter.show(m.get("interview.save.failed", target, reason(e, m)) + "\n");
      return ExitCode.INVALID_INPUT;
    }
    Files.deleteIfExists(ctx.resolve(draftPath));
    // like the command to continue a draft: whole on a line of its own, in the interview's language
    prompter.show(wrapped(m.get("interview.saved", target)) + "  permitcheck eval " + target + d.scopeOptions()
        + common.langOption(ctx) + "\n");
    report(rules, c, d.scope(), lang);
    return ExitCode.OK;
  }

  /** Proposes a file name; Enter (or the end of input) accepts it; an existing file is refused. */
  private String chooseFile(Prompter prompter, Messages m, String id) {
    String proposed = id + ".yaml";
    for (int n = 2; Files.exists(ctx.resolve(proposed)); n++) {
      proposed = id + "-" + n + ".yaml";
    }
    prompter.show("\n" + wrapped(m.get("interview.save.question", proposed)));
    while (true) {
      Optional<String> line = prompter.read(m.get("interview.prompt", m.get("interview.save.prompt")) + " ", List.of());
      if (line.isEmpty()) {
        prompter.show("\n");
        return proposed;
      }
      String answer = line.get().strip().toLowerCase(Locale.ROOT);
      if (Replies.yes(answer)) {
        return proposed;
      }
      if (Replies.KEYWORDS.contains(answer) || Replies.no(answer)) {
        // a reply to the question, not a file name: "no" would otherwise save the case as no.yaml
        prompter.show(wrapped(m.get("interview.save.not_a_name", line.get().strip(), proposed)));
        continue;
      }
      String name = InterviewStart.yamlName(line.get().strip());
      if (name.equals(".yaml")) {
        name = proposed;
      }
      Path folder = ctx.resolve(name).getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        // e.g. a date typed here by mistake, 1/9/2016: ask again rather than end with the case unsaved
        prompter.show(wrapped(m.get("interview.save.no_folder", name)));
      } else if (!Files.exists(ctx.resolve(name))) {
        return name;
      } else {
        prompter.show(wrapped(m.get("interview.save.exists", name)));
      }
    }
  }

  private void report(Ruleset rules, Case c, Scope scope, String lang) {
    if (!ctx.terminal()) {
      Wrap.fitTo(0); // a report written to a file keeps 80 columns, whatever the terminal's width
    }
    LocalDate date = c.asOf().orElse(ctx.today());
    Evaluation e = new Evaluator(rules).evaluate(c, date, scope);
    OutputOptions options = new OutputOptions(lang, false, common.color(ctx), false);
    if (format.equals("json")) {
      ctx.out().println(new JsonRenderer(rules, options, true, true).render(e, List.of()));
      return;
    }
    TextRenderer text = new TextRenderer(rules, options);
    ctx.out().print(text.render(e));
    ctx.out().println();
    ctx.out().print(text.notice());
  }

  private static String reason(IOException e, Messages m) {
    return m.get(e instanceof AccessDeniedException ? "interview.io.denied"
        : e instanceof NoSuchFileException ? "interview.io.no_folder" : "interview.io.error");
  }

}
