package org.permitcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.batch.FileText;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Scope;
import org.permitcheck.interview.Draft;
import org.permitcheck.interview.DraftFile;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Comments;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.TreeReader;

/**
 * Where an interview starts: a new case (its id, draft and case file names), or a resumed draft or
 * case file. Never overwrites a draft that holds someone's answers.
 *
 * @param draftPath where the draft is written after every answer
 * @param resumed the interview continues earlier answers
 * @param savedCase they come from a case file (not a draft): the adviser re-opened it to change one
 * @param comments the comments of the case in that file, to be written again with it
 */
record InterviewStart(Draft draft, String draftPath, boolean resumed, boolean savedCase, Comments comments) {

  /**
   * A new interview: {@code save} (may be null) names the case file, else an id is proposed; {@code
   * lang} is the {@code --lang} option the commands it proposes repeat ("" for none).
   */
  static InterviewStart fresh(Context ctx, Ruleset rules, Scope scope, String save, LocalDate asOf, String lang) {
    if (save != null) {
      checkYaml(save);
      checkFolder(ctx, save);
    }
    String id = save != null ? CaseReader.defaultId(save) : proposeId(ctx);
    Case c = new Case(id, save == null ? "" : save, country(rules, scope), Optional.of(asOf), Optional.empty(),
        Map.of(), Map.of());
    Draft d = Draft.start(c, scope, save == null ? "" : save);
    if (save != null && Files.exists(ctx.resolve(save))) {
      throw new UsageError("'" + save + "' already exists", "to change its answers: permitcheck interview --resume "
          + save + d.scopeOptions() + lang + "; else choose another --save");
    }
    String draftPath = draftFor(save != null ? save : id + ".yaml");
    checkNoDraft(ctx, draftPath, d, lang);
    return new InterviewStart(d, draftPath, false, false, Comments.NONE);
  }

  /** Refuses to start over a draft that holds someone's answers; says how to continue it instead. */
  private static void checkNoDraft(Context ctx, String draftPath, Draft d, String lang) {
    if (Files.exists(ctx.resolve(draftPath))) {
      throw new UsageError("a draft '" + draftPath + "' already exists", "continue it: permitcheck interview --resume "
          + draftPath + d.scopeOptions() + lang + " (or delete it)");
    }
  }

  /** The one country the options name (by --country, or all --permit in one country), if any. */
  private static Optional<String> country(Ruleset rules, Scope scope) {
    if (scope.countries().size() == 1) {
      return Optional.of(scope.countries().iterator().next());
    }
    List<String> countries = scope.permits().stream().map(p -> rules.permit(p).map(Permit::country).orElse(""))
        .distinct().toList();
    return scope.countries().isEmpty() && countries.size() == 1 ? Optional.of(countries.get(0)) : Optional.empty();
  }

  /** "interview-2026-11-22", or with "-2", "-3"… when a case or draft of that name exists. */
  static String proposeId(Context ctx) {
    String base = "interview-" + ctx.today();
    String id = base;
    for (int n = 2; Files.exists(ctx.resolve(id + ".yaml")) || Files.exists(ctx.resolve(draftFor(id + ".yaml"))); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  /** A case file name ends in .yaml or .yml: the case is written as YAML. */
  static String yamlName(String name) {
    return name.matches("(?s).*\\.ya?ml") ? name : name + ".yaml";
  }

  /** Refuses a --save into a folder that does not exist, before the first question: the draft goes there too. */
  static void checkFolder(Context ctx, String save) {
    Path folder = ctx.resolve(save).toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      Path written = Path.of(save).getParent();
      throw new UsageError("--save '" + save + "': there is no folder '" + (written != null ? written : folder) + "'",
          "create the folder first, or choose a file in an existing one");
    }
  }

  static void checkYaml(String save) {
    if (!save.matches("(?s).*\\.ya?ml")) {
      throw new UsageError("--save '" + save + "': the case is saved as YAML", "use a name ending in .yaml");
    }
  }

  /** The draft of a case file: {@code cases/ahmad.yaml} → {@code cases/ahmad.draft.yaml}. */
  static String draftFor(String caseFile) {
    return caseFile.replaceFirst("\\.(ya?ml|json)$", "") + ".draft.yaml";
  }

  /**
   * Resumes a draft, or re-opens a case file (its draft beside it). Options override what the file
   * says: {@code save}, {@code asOf}, and the scope when not empty; {@code lang} as for {@link #fresh}.
   */
  static Checked<InterviewStart> resume(Context ctx, Ruleset rules, String file, Scope scope, String save,
      LocalDate asOf, String lang) {
    if (file.matches("(?s).*\\.(ndjson|jsonl)")) {
      // before reading it: its size or its second line would be reported as if the file were wrong
      throw new UsageError("--resume '" + file + "': an interview resumes one case or a draft, and this file holds "
          + "one case per line", "save the case's line as a .json file and resume that file");
    }
    FileText.Result in = FileText.read(ctx.resolve(file), file, Limits.CASE.maxBytes());
    if (in.text().isEmpty()) {
      return Checked.failed(List.of(in.error().get()));
    }
    SourceText text = in.text().get();
    TreeReader.Result parsed = TreeReader.forName(file, Limits.CASE).read(text);
    if (!parsed.ok()) {
      return Checked.failed(CaseReader.refusal(text, parsed));
    }
    Draft d;
    String draftPath;
    List<Diagnostic> notes;
    boolean savedCase = !DraftFile.isDraft(parsed.root().get());
    if (!savedCase) {
      Checked<Draft> read = new DraftFile(rules, ctx.today()).read(text, parsed.root().get());
      if (read.hasErrors()) {
        return Checked.failed(read.diagnostics());
      }
      d = edited(ctx, read.value().get(), file);
      draftPath = file;
      notes = read.diagnostics();
    } else {
      Checked<Case> read = new CaseReader(rules, ctx.today(), asOf).read(text, parsed.root().get(),
          CaseReader.defaultId(file));
      if (read.hasErrors()) {
        return Checked.failed(read.diagnostics());
      }
      String target = save != null ? save : yamlName(file.replaceFirst("\\.json$", ""));
      d = Draft.of(read.value().get(), target, samePath(ctx, target, file) ? absolute(ctx, file) : "");
      draftPath = draftFor(target);
      checkNoDraft(ctx, draftPath, adjust(ctx, d, scope, save, asOf), lang);
      notes = read.diagnostics();
    }
    if (save != null) {
      checkYaml(save);
      checkFolder(ctx, save);
    }
    if (asOf != null) {
      // the case is saved with --as-of as its as_of: none of its dates that must lie in the past may be later
      Optional<Diagnostic> late = new CaseReader(rules, ctx.today())
          .dateAfter(d.subject(), asOf, file, 0, text, t -> Optional.<Node>empty());
      if (late.isPresent()) {
        throw new UsageError("--as-of " + asOf + ": " + late.get().message(), "the interview saves the case with "
            + "this date as its as_of, and the case's dates may not lie after it: give a later --as-of, or evaluate "
            + "the case at an earlier date with permitcheck eval --as-of");
      }
    }
    d = adjust(ctx, d, scope, save, asOf);
    if (writesOverAnother(ctx, d)) {
      // another case (a person's) may be there: finishing would write over it
      throw new UsageError("'" + d.save() + "' already exists, and it is not the case this interview edits",
          "to save the case elsewhere: permitcheck interview --resume " + file + " --save ANOTHER.yaml"
              + d.scopeOptions() + lang);
    }
    Comments comments = TreeReader.isJson(file) ? Comments.NONE
        : Comments.read(text.text(), savedCase ? List.of() : List.of("case"));
    return Checked.of(new InterviewStart(d, draftPath, true, savedCase, comments), notes);
  }

  /**
   * Whether the file the interview saves to is the case file it re-opened: the same file whatever the
   * folder the interview runs in (a draft's save is as typed, relative to the folder it was typed in).
   */
  private static boolean edits(Context ctx, Draft d) {
    return !d.replaces().isEmpty() && absolute(ctx, d.save()).equals(d.replaces());
  }

  /**
   * Whether saving the case would write over a file that is not the case this interview edits (another
   * person's case, say): checked when it resumes, and again when it saves.
   */
  static boolean writesOverAnother(Context ctx, Draft d) {
    return !d.save().isEmpty() && !edits(ctx, d) && Files.exists(ctx.resolve(d.save()));
  }

  private static String absolute(Context ctx, String file) {
    return ctx.resolve(file).toAbsolutePath().normalize().toString();
  }

  private static boolean samePath(Context ctx, String a, String b) {
    return absolute(ctx, a).equals(absolute(ctx, b));
  }

  private static Draft adjust(Context ctx, Draft d, Scope scope, String save, LocalDate asOf) {
    Case c = d.subject();
    Optional<LocalDate> date = asOf != null ? Optional.of(asOf) : c.asOf();
    c = new Case(c.id(), c.source(), c.country(), date, c.applicationDate(), c.facts(), c.expect(), c.note());
    Scope s = scope.countries().isEmpty() && scope.permits().isEmpty() ? d.scope() : scope;
    // the case re-opened is saved where it is, from whatever folder; a file named by --save is not it,
    // unless it is the same file (edits)
    String target = save != null ? save
        : !d.replaces().isEmpty() && !absolute(ctx, d.save()).equals(d.replaces()) ? d.replaces() : d.save();
    return new Draft(c, s, d.asked(), d.skipped(), d.pending(), target, d.replaces(), d.finished());
  }

  /**
   * The case file a draft of a re-opened case edits: the absolute path it recorded, or, when no file is
   * there any more (the folder was moved), the file of that name beside the draft, as a draft is
   * written beside its case; a draft written before the path was recorded ("replaces: true") names
   * that file too.
   */
  private static Draft edited(Context ctx, Draft d, String draftFile) {
    if (d.replaces().isEmpty() || d.save().isEmpty()) {
      return d;
    }
    Path beside = Path.of(absolute(ctx, draftFile)).resolveSibling(Path.of(d.save()).getFileName());
    boolean old = d.replaces().equals("true");
    if (!old && (Files.exists(Path.of(d.replaces())) || !Files.exists(beside))) {
      return d;
    }
    return new Draft(d.subject(), d.scope(), d.asked(), d.skipped(), d.pending(), d.save(), beside.toString(),
        d.finished());
  }
}
