package org.permitcheck.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.cases.CaseWriter;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.SourceText;
import org.permitcheck.diag.Suggest;
import org.permitcheck.engine.Scope;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Comments;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.ScalarNode;
import org.permitcheck.tree.TreeReader;

/**
 * The draft file of an interview: YAML with the interview's state and, under {@code case:}, the case
 * so far written exactly as a case file. Reading checks it like a case file. Pure: text in, text out.
 */
public final class DraftFile {
  static final List<String> KEYS =
      List.of("draft", "save", "replaces", "countries", "permits", "asked", "skipped", "pending", "finished", "case");

  private final Ruleset rules;
  private final LocalDate today;
  private final String lang;

  public DraftFile(Ruleset rules, LocalDate today) {
    this(rules, today, "");
  }

  /** {@code lang}: the {@code --lang} option the header's command to continue repeats ("" for none). */
  public DraftFile(Ruleset rules, LocalDate today, String lang) {
    this.rules = rules;
    this.today = today;
    this.lang = lang;
  }

  public String write(Draft d) {
    return write(d, Comments.NONE);
  }

  /** The draft, with the comments of its case as the file it was resumed from had them. */
  public String write(Draft d, Comments comments) {
    StringBuilder out = new StringBuilder();
    out.append("# permitcheck interview draft: personal data, readable only by you.\n");
    out.append("# Continue it with: permitcheck interview --resume <this file>").append(d.scopeOptions()).append(lang)
        .append('\n');
    out.append("draft: 1\n");
    out.append("save: ").append(d.save().isEmpty() ? "null" : CaseWriter.string(d.save())).append('\n');
    if (!d.replaces().isEmpty()) {
      // the case file re-opened, replaced when finished: by its absolute path, since save is as typed
      out.append("replaces: ").append(CaseWriter.string(d.replaces())).append('\n');
    }
    out.append("countries: ").append(list(d.scope().countries().stream().sorted().toList())).append('\n');
    out.append("permits: ").append(list(d.scope().permits().stream().sorted().toList())).append('\n');
    out.append("asked: ").append(list(d.asked())).append('\n');
    out.append("skipped: ").append(list(new ArrayList<>(d.skipped()))).append('\n');
    d.pending().ifPresent(p -> out.append("pending: {fact: ").append(p.fact()).append(", step: ")
        .append(p.step()).append("}\n"));
    out.append("finished: ").append(d.finished()).append('\n');
    out.append("case:\n");
    for (String line : new CaseWriter(rules).write(d.subject(), comments).split("\n")) {
      out.append(line.isEmpty() ? "" : "  ").append(line).append('\n'); // a blank line of a comment stays blank
    }
    return out.toString();
  }

  private static String list(List<String> items) {
    List<String> written = new ArrayList<>();
    items.forEach(i -> written.add(CaseWriter.string(i)));
    return "[" + String.join(", ", written) + "]";
  }

  /** Whether a parsed file is a draft (else it is a case file). */
  public static boolean isDraft(Node root) {
    return root instanceof MapNode && ((MapNode) root).has("draft");
  }

  public Checked<Draft> read(SourceText source, Node root) {
    NodeReader reader = new NodeReader(source, true);
    Phrase aDraft = Phrase.of("what.draft");
    Optional<MapNode> opt = reader.map(root, aDraft);
    if (opt.isEmpty()) {
      return Checked.failed(reader.diagnostics());
    }
    MapNode m = opt.get();
    reader.onlyKeys(m, KEYS, aDraft);
    String save = m.get("save").filter(n -> !(n instanceof ScalarNode && ((ScalarNode) n).isNull()))
        .flatMap(n -> reader.string(n, "'save'")).orElse("");
    List<String> countries = strings(reader, m, "countries");
    List<String> permits = strings(reader, m, "permits");
    List<String> asked = strings(reader, m, "asked");
    List<String> skipped = strings(reader, m, "skipped");
    for (String q : asked) {
      if (!q.equals(Draft.COUNTRY) && !rules.facts().containsKey(q)) {
        reader.error(m.get("asked").get().pos(), Phrase.of("draft.unknown_asked", q), null,
            Suggest.hint(q, rules.facts().keySet()));
      }
    }
    Optional<Draft.Pending> pending = m.get("pending").flatMap(n -> reader.map(n, "'pending'")).flatMap(p -> {
      Optional<String> fact = p.get("fact").flatMap(n -> reader.string(n, Phrase.of("what.of", "fact", "pending")));
      Optional<BigDecimal> step = p.get("step").flatMap(n -> reader.number(n, Phrase.of("what.of", "step", "pending")));
      if (fact.isEmpty() || step.isEmpty() || !rules.facts().containsKey(fact.get())
          || !rules.facts().get(fact.get()).type().isRecords() || step.get().signum() < 0) {
        reader.error(p.pos(), Phrase.of("draft.pending"), null, null);
        return Optional.empty();
      }
      return Optional.of(new Draft.Pending(fact.get(), step.get().intValue()));
    });
    boolean finished = m.get("finished").flatMap(n -> reader.bool(n, "'finished'")).orElse(false);
    String replaces = m.get("replaces").flatMap(n -> reader.string(n, "'replaces'")).orElse("");
    Optional<Node> caseNode = reader.required(m, "case", aDraft);
    List<Diagnostic> diagnostics = new ArrayList<>(reader.diagnostics());
    if (caseNode.isEmpty()) {
      return Checked.failed(diagnostics);
    }
    Checked<Case> c = new CaseReader(rules, today).read(source, caseNode.get(), CaseReader.defaultId(source.name()));
    diagnostics.addAll(c.diagnostics());
    if (c.hasErrors() || reader.hasErrors()) {
      return Checked.failed(Diagnostic.sorted(diagnostics));
    }
    Draft d = new Draft(c.value().get(), new Scope(Set.copyOf(countries), Set.copyOf(permits)), asked,
        new LinkedHashSet<>(skipped), pending, save, replaces, finished);
    return Checked.of(d, diagnostics);
  }

  private static List<String> strings(NodeReader reader, MapNode m, String key) {
    return m.get(key).map(n -> reader.strings(n, "'" + key + "'")).orElse(List.of());
  }

  /** Reads a draft text (for tests and for the command, which reads the file). */
  public Checked<Draft> read(SourceText source) {
    TreeReader.Result parsed = TreeReader.yaml(Limits.CASE).read(source);
    if (!parsed.ok()) {
      return Checked.failed(parsed.diagnostics());
    }
    return read(source, parsed.root().get());
  }
}
