package org.permitcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/**
 * A report an adviser can hand over or print, one Markdown document per case: the person's situation
 * (the facts given, grouped by country), each permit that applies or nearly applies with its reasons,
 * the documents as a checklist, how to apply, deadlines and appeals, advice services, the ruleset and
 * the not-legal-advice notice. Fact values are left out with {@code redact}.
 */
public final class MarkdownRenderer {
  /** Written between the documents of several cases: a horizontal rule. */
  public static final String SEPARATOR = "\n---\n\n";

  private final Ruleset rules;
  private final OutputOptions options;
  private final Messages m;
  private final Explanation why;

  public MarkdownRenderer(Ruleset rules, OutputOptions options) {
    this.rules = rules;
    this.options = options;
    this.m = new Messages(options.language());
    this.why = new Explanation(m);
  }

  public String render(Evaluation e) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(Md.escape(m.get("md.title", e.subject().id()))).append("\n\n");
    header(out, e);
    out.append("> ").append(Md.escape(notice())).append("\n\n");
    situation(out, e);
    // an option (forced return, staying without papers) is a situation, not a permit: its own section
    List<PermitResult> applies = e.results().stream()
        .filter(r -> Explanation.appliesOrNearly(r) && !r.permit().isOption()).toList();
    List<PermitResult> options = e.results().stream()
        .filter(r -> Explanation.appliesOrNearly(r) && r.permit().isOption()).toList();
    out.append("## ").append(Md.escape(m.get("md.applies"))).append("\n\n");
    if (e.results().isEmpty()) {
      out.append(Md.escape(why.noPermits(e))).append("\n\n");
    } else if (applies.isEmpty()) {
      out.append(Md.escape(m.get("md.applies.none"))).append("\n\n");
    }
    for (PermitResult r : applies) {
      permit(out, r, e);
    }
    if (!options.isEmpty()) {
      out.append("## ").append(Md.escape(m.get("md.options"))).append("\n\n");
      for (PermitResult r : options) {
        permit(out, r, e);
      }
    }
    others(out, e);
    advice(out, e);
    out.append("*").append(Md.escape(notice())).append(" ")
        .append(Md.escape(m.get("md.sha256", rules.sha256()))).append("*\n");
    return out.toString();
  }

  private String notice() {
    return m.get("notice", rules.name() + " " + rules.version(), m.date(rules.reviewed()));
  }

  private void header(StringBuilder out, Evaluation e) {
    out.append("| | |\n|---|---|\n");
    row(out, m.get("md.as_of"), m.date(e.asOf()));
    if (e.subject().applicationDate().isPresent()) {
      row(out, m.get("md.application_date"), m.date(e.applicationDate()));
    }
    row(out, m.get("md.ruleset"), m.get("md.ruleset.value", rules.name(), rules.version(), m.date(rules.reviewed())));
    Set<String> countries = new LinkedHashSet<>();
    e.results().forEach(r -> rules.country(r.permit().country()).ifPresent(c -> countries.add(m.text(c.name()))));
    if (!countries.isEmpty()) {
      row(out, m.get("md.countries"), String.join(", ", countries));
    }
    out.append('\n');
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append("| ").append(Md.cell(label)).append(" | ").append(Md.cell(value)).append(" |\n");
  }

  /** The facts given, grouped: facts for every country first, then by the countries they concern. */
  private void situation(StringBuilder out, Evaluation e) {
    out.append("## ").append(Md.escape(m.get("md.situation"))).append("\n\n");
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String name : e.subject().facts().keySet()) {
      Fact f = rules.facts().get(name);
      groups.computeIfAbsent(group(f), k -> new ArrayList<>()).add(name);
    }
    if (groups.isEmpty()) {
      out.append(Md.escape(m.get("md.situation.none"))).append("\n\n");
      return;
    }
    List<String> order = new ArrayList<>(groups.keySet());
    order.sort((a, b) -> a.isEmpty() ? -1 : b.isEmpty() ? 1 : 0);
    for (String g : order) {
      out.append("### ").append(Md.escape(g.isEmpty() ? m.get("md.group.general") : g)).append("\n\n");
      for (String name : groups.get(g)) {
        fact(out, rules.facts().get(name), e.subject().facts().get(name));
      }
      out.append('\n');
    }
  }

  private String group(Fact f) {
    List<String> names = new ArrayList<>();
    for (String code : f.countries()) {
      names.add(rules.country(code).map(c -> m.text(c.name())).orElse(code));
    }
    return String.join(", ", names);
  }

  private void fact(StringBuilder out, Fact f, Object value) {
    out.append("- ").append(Md.escape(m.text(f.question()))).append(" (`").append(f.name()).append("`)")
        .append(m.get("punct.colon")).append(' ');
    if (!(value instanceof List)) {
      out.append("**").append(Md.escape(value(f, value))).append("**\n");
      return;
    }
    List<?> items = (List<?>) value;
    if (options.redact() || items.isEmpty()) {
      out.append("**").append(Md.escape(options.redact() ? m.get("value.redacted") : m.get("value.none")))
          .append("**\n");
      return;
    }
    out.append('\n');
    int i = 0;
    for (Object item : items) {
      i++;
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> field : ((Map<?, ?>) item).entrySet()) {
        Fact ff = f.fields().get(field.getKey().toString());
        String shown = ff == null ? String.valueOf(field.getValue()) : value(ff, field.getValue());
        parts.add("`" + field.getKey() + "`: " + Md.escape(shown));
      }
      out.append("  - ").append(Md.escape(m.colon("md.item", i))).append(" ").append(String.join(", ", parts))
          .append('\n');
    }
  }

  private String value(Fact f, Object v) {
    if (v instanceof String && options.redact()) {
      return m.get("value.redacted");
    }
    if (v instanceof String && (f.type().isChoice() || !f.labels().isEmpty())) {
      return m.label(f, (String) v);
    }
    return Values.format(f, v, m, options.redact());
  }

  private void permit(StringBuilder out, PermitResult r, Evaluation e) {
    Permit p = r.permit();
    String heading = p.id() + " · " + m.text(p.title()) + " (" + m.citation(p.legalBasis()) + ")";
    out.append("### ").append(Md.escape(heading)).append("\n\n");
    out.append("**").append(Md.escape(why.verdict(r))).append("**").append(m.get("punct.colon")).append(' ')
        .append(Md.escape(why.why(r, e))).append("\n\n");
    e.movedFrom(r).ifPresent(b -> out.append(Md.escape(m.get("what_if.moved", m.verdict(b.verdict().key()))))
        .append("\n\n"));
    section(out, "md.reasons");
    for (CriterionResult c : r.topLevel()) {
      String suffix = c.decidesNotAlone() ? " (" + why.waivable(r, c) + ")"
          : c.maybeDecidesNotAlone() ? " (" + m.get("label.waivable.maybe") + ")"
          : c.outcome() == Outcome.NOT_IN_FORCE ? " (" + m.get("label.not_in_force_criterion") + ")" : "";
      out.append("- ").append(symbol(c.outcome())).append(' ')
          .append(Md.escape(why.criterionText(c.criterion()) + suffix)).append('\n');
    }
    out.append('\n');
    List<String> asked = Explanation.asked(r);
    if (!asked.isEmpty()) {
      heading(out, Explanation.asksAfter(r) ? m.get("md.questions_after", m.date(r.applyBefore().get()))
          : m.get("md.questions"));
      for (String fact : asked) {
        out.append("- ").append(Md.escape(m.text(rules.facts().get(fact).question()))).append(" (`").append(fact)
            .append("`)\n");
      }
      out.append('\n');
    }
    paragraph(out, "rules.decision", p.discretionary());
    deadlines(out, r, e);
    boolean grantable = r.verdict().available() || r.verdict() == Verdict.UNDETERMINED;
    if (grantable) {
      paragraph(out, "md.grants", p.grants());
      paragraph(out, "md.apply", p.apply());
      if (!p.documents().isEmpty()) {
        section(out, "md.documents");
        for (Text d : p.documents()) {
          out.append("- [ ] ").append(Md.escape(m.text(d))).append('\n');
        }
        out.append('\n');
      }
    }
    paragraph(out, "md.appeal", p.appeal());
  }

  private void deadlines(StringBuilder out, PermitResult r, Evaluation e) {
    List<String> lines = why.timeline(r, e);
    Permit p = r.permit();
    if (!p.window().isAlways()) {
      lines.add(m.colon("rules.window") + " " + m.range(p.window()));
    }
    if (lines.isEmpty()) {
      return;
    }
    section(out, "md.deadlines");
    lines.forEach(l -> out.append("- ").append(Md.escape(l)).append('\n'));
    out.append('\n');
  }

  private void section(StringBuilder out, String key) {
    heading(out, m.get(key));
  }

  private static void heading(StringBuilder out, String text) {
    out.append("#### ").append(Md.escape(text)).append("\n\n");
  }

  private void paragraph(StringBuilder out, String key, Text text) {
    if (!text.isEmpty()) {
      section(out, key);
      out.append(Md.escape(m.text(text))).append("\n\n");
    }
  }

  /** The permits that neither apply nor nearly apply, in a table with the short reason. */
  private void others(StringBuilder out, Evaluation e) {
    List<PermitResult> others = e.results().stream().filter(r -> !Explanation.appliesOrNearly(r)).toList();
    if (others.isEmpty()) {
      return;
    }
    out.append("## ").append(Md.escape(m.get("md.others"))).append("\n\n");
    out.append("| ").append(Md.cell(m.get("md.column.permit"))).append(" | ").append(Md.cell(m.get("md.column.verdict")))
        .append(" | ").append(Md.cell(m.get("md.column.why"))).append(" |\n|---|---|---|\n");
    for (PermitResult r : others) {
      List<String> failing = why.failing(r);
      String reason = why.why(r, e) + (failing.isEmpty() || r.verdict() == Verdict.NOT_IN_FORCE ? ""
          : " ✗ " + String.join("; ✗ ", failing));
      reason += e.movedFrom(r).map(b -> " " + m.get("what_if.moved", m.verdict(b.verdict().key()))).orElse("");
      out.append("| ").append(Md.cell(r.permit().id() + " · " + m.text(r.permit().title()))).append(" | ")
          .append(Md.cell(why.verdict(r))).append(" | ").append(Md.cell(reason)).append(" |\n");
    }
    out.append('\n');
  }

  /** The advice services of every country in scope. */
  private void advice(StringBuilder out, Evaluation e) {
    Set<String> codes = new LinkedHashSet<>();
    e.results().forEach(r -> codes.add(r.permit().country()));
    List<Country> countries = rules.countries().stream()
        .filter(c -> codes.contains(c.code()) && !c.advice().isEmpty()).toList();
    if (countries.isEmpty()) {
      return;
    }
    out.append("## ").append(Md.escape(m.get("md.advice"))).append("\n\n");
    for (Country c : countries) {
      if (countries.size() > 1) {
        out.append("### ").append(Md.escape(m.text(c.name()))).append("\n\n");
      }
      c.advice().forEach(a -> out.append("- ").append(Md.escape(m.text(a))).append('\n'));
      out.append('\n');
    }
  }

  /** The outcome's symbol and, as in the text report, its word (a criterion not in force has them after it). */
  private String symbol(Outcome o) {
    switch (o) {
      case MET:
        return "✓ " + m.colon("label.outcome.met");
      case NOT_MET:
        return "✗ " + m.colon("label.outcome.not_met");
      case UNKNOWN:
        return "? " + m.colon("label.outcome.unknown");
      default:
        return "–";
    }
  }
}
