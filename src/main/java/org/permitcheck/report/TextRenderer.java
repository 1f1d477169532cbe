package org.permitcheck.report;

import java.util.List;
import java.util.Map;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/**
 * The report for a terminal: per permit the verdict first, then the reasons in plain words (✓ Met,
 * ✗ Not met, ? Unknown), the facts still to ask, and what to do next. {@code explain} adds the whole
 * criteria tree with the conditions and the facts they read. Fits 80 columns.
 */
public final class TextRenderer {
  private final Ruleset rules;
  private final OutputOptions options;
  private final Messages m;
  private final Explanation why;

  public TextRenderer(Ruleset rules, OutputOptions options) {
    this.rules = rules;
    this.options = options;
    this.m = new Messages(options.language());
    this.why = new Explanation(m);
  }

  public String render(Evaluation e) {
    StringBuilder out = new StringBuilder();
    String head = m.get("header.case", Diagnostic.printable(e.subject().id()), m.date(e.asOf()));
    if (e.subject().applicationDate().isPresent()) {
      head += " · " + m.get("header.application", m.date(e.applicationDate()));
    }
    StringBuilder wrapped = new StringBuilder();
    Wrap.append(wrapped, "", "  ", head);
    for (String line : wrapped.toString().split("\n")) {
      out.append(style(line, "1")).append('\n');
    }
    out.append(m.get("header.ruleset", rules.name(), rules.version(), m.date(rules.reviewed()))).append('\n');
    if (e.results().isEmpty()) {
      Wrap.append(out.append('\n'), "", "", why.noPermits(e));
    }
    for (PermitResult r : e.results()) {
      out.append('\n');
      permit(out, r, e);
    }
    return out.toString();
  }

  /** The closing notice, printed once after all cases. */
  public String notice() {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, "", "", m.get("notice", rules.name() + " " + rules.version(), m.date(rules.reviewed())));
    return out.toString();
  }

  /**
   * One permit: the verdict first, then why (the reasons), what to ask, when (the timeline), and what
   * to do next.
   */
  private void permit(StringBuilder out, PermitResult r, Evaluation e) {
    Permit p = r.permit();
    String verdict = why.verdict(r);
    Wrap.append(out, style(verdict, color(r.verdict())) + " · ", "  ",
        style(p.id(), "1") + " " + m.text(p.title()) + " (" + Wrap.glue(m.citation(p.legalBasis())) + ")");
    Wrap.append(out, "  ", "  ", why.why(r, e));
    e.movedFrom(r).ifPresent(b -> Wrap.append(out, "  ", "  ", m.get("what_if.moved", m.verdict(b.verdict().key()))));
    if (options.explain()) {
      tree(out, r.tree(), 1, true);
    } else {
      for (CriterionResult c : r.topLevel()) {
        reason(out, r, c);
      }
    }
    decision(out, r);
    questions(out, r);
    timeline(out, r, e);
    nextSteps(out, r);
    advice(out, r);
  }

  /**
   * How the authority decides, where the rules say it decides at its discretion whatever the criteria
   * (e.g. the annulled Belgian instruction, whose criteria are only guidance): for a permit that
   * applies or nearly does, so that the verdict is never read as more binding than it is.
   */
  private void decision(StringBuilder out, PermitResult r) {
    if (Explanation.appliesOrNearly(r) && !r.permit().discretionary().isEmpty()) {
      Wrap.append(out, "  " + m.colon("rules.decision") + " ", "    ", m.text(r.permit().discretionary()));
    }
  }

  private void questions(StringBuilder out, PermitResult r) {
    List<String> facts = Explanation.asked(r);
    if (facts.isEmpty()) {
      return;
    }
    out.append("  ").append(Explanation.asksAfter(r) ? m.colon("label.missing_after", m.date(r.applyBefore().get()))
        : m.colon("label.missing")).append("\n");
    for (String fact : facts) {
      Fact f = rules.facts().get(fact);
      Wrap.append(out, "    - ", "      ", m.text(f.question()) + " [" + fact + "]");
    }
  }

  private void timeline(StringBuilder out, PermitResult r, Evaluation e) {
    List<String> lines = why.timeline(r, e);
    if (lines.isEmpty()) {
      return;
    }
    out.append("  ").append(m.colon("label.timeline")).append("\n");
    lines.forEach(l -> Wrap.append(out, "    ", "      ", l));
  }

  /** Advice services of the permit's country, for near misses: the seeds send people there. */
  private void advice(StringBuilder out, PermitResult r) {
    if (!r.nearMiss()) {
      return;
    }
    rules.country(r.permit().country()).filter(c -> !c.advice().isEmpty()).ifPresent(c -> {
      out.append("  ").append(m.colon("label.advice", m.text(c.name()))).append("\n");
      for (Text a : c.advice()) {
        Wrap.append(out, "    - ", "      ", m.text(a));
      }
    });
  }

  private void reason(StringBuilder out, PermitResult r, CriterionResult c) {
    String text = why.criterionText(c.criterion());
    String suffix = "";
    if (c.decidesNotAlone()) {
      suffix = " (" + why.waivable(r, c) + ")";
    } else if (c.maybeDecidesNotAlone()) {
      suffix = " (" + m.get("label.waivable.maybe") + ")";
    } else if (c.outcome() == Outcome.NOT_IN_FORCE) {
      suffix = " (" + m.get("label.not_in_force_criterion") + ")";
    }
    Wrap.append(out, "  " + symbol(c) + " ", "    ", text + suffix);
  }

  private void tree(StringBuilder out, CriterionResult c, int depth, boolean root) {
    String indent = "  ".repeat(depth);
    Criterion crit = c.criterion();
    String text = m.text(crit.text());
    String label = crit.id().isEmpty() ? "" : crit.id() + ": ";
    String body;
    if (crit instanceof Criterion.Leaf) {
      String cond = ((Criterion.Leaf) crit).when().source().strip();
      body = text.isEmpty() ? cond : text + " — " + cond;
      if (!c.facts().isEmpty()) {
        body += " [" + facts(c.facts()) + "]";
      }
    } else {
      String op = describe(crit);
      body = text.isEmpty() ? op : text + " — " + op;
    }
    if (c.waivable()) {
      body += " (" + m.colon("label.waivable") + " " + why.discretion(c) + ")";
    } else if (c.outcome() == Outcome.NOT_IN_FORCE) {
      body += " (" + m.get("label.not_in_force_criterion") + ", " + m.range(crit.inForce()) + ")";
    }
    if (!(root && crit instanceof Criterion.Group && text.isEmpty() && crit.id().isEmpty())) {
      Wrap.append(out, indent + symbol(c) + " ", indent + "    ", label + body);
      if (!crit.note().isEmpty()) {
        Wrap.append(out, indent + "    " + m.colon("label.note") + " ", indent + "      ", m.text(crit.note()));
      }
    } else {
      depth--;
    }
    for (CriterionResult child : c.children()) {
      tree(out, child, depth + 1, false);
    }
  }

  private String facts(Map<String, Object> facts) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, Object> f : facts.entrySet()) {
      if (s.length() > 0) {
        s.append(", ");
      }
      Fact fact = rules.facts().get(f.getKey()); // null for a derived fact
      s.append(f.getKey()).append(" = ").append(Values.format(fact, f.getValue(), m, options.redact()));
    }
    return s.toString();
  }

  private String describe(Criterion c) {
    if (c instanceof Criterion.Leaf) {
      return ((Criterion.Leaf) c).when().source().strip();
    }
    return m.get("combine." + ((Criterion.Group) c).op().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** What to do next, for a permit that can be granted: what it grants, how to apply, documents, appeal. */
  private void nextSteps(StringBuilder out, PermitResult r) {
    if (r.verdict() != Verdict.ELIGIBLE && r.verdict() != Verdict.DISCRETIONARY) {
      return;
    }
    Permit p = r.permit();
    if (p.grants().isEmpty() && p.apply().isEmpty() && p.documents().isEmpty() && p.appeal().isEmpty()) {
      return;
    }
    out.append("  ").append(m.colon("label.next_steps")).append("\n");
    labelled(out, "label.grants", p.grants());
    labelled(out, "label.apply", p.apply());
    List<Text> docs = p.documents();
    if (!docs.isEmpty()) {
      out.append("    ").append(m.colon("label.documents")).append("\n");
      for (Text d : docs) {
        Wrap.append(out, "      - ", "        ", m.text(d));
      }
    }
    labelled(out, "label.appeal", p.appeal());
  }

  private void labelled(StringBuilder out, String key, Text text) {
    if (!text.isEmpty()) {
      Wrap.append(out, "    " + m.colon(key) + " ", "      ", m.text(text));
    }
  }

  /**
   * The outcome's symbol and, but for a criterion not in force (whose words follow it), its word: the
   * symbol and its colour alone say nothing to a screen reader ("ballot x", and "?" is usually silent).
   */
  private String symbol(CriterionResult c) {
    switch (c.outcome()) {
      case MET:
        return style("✓", "32") + " " + m.colon("label.outcome.met");
      case NOT_MET:
        return style("✗", c.decidesNotAlone() || c.maybeDecidesNotAlone() ? "33" : "31") + " "
            + m.colon("label.outcome.not_met");
      case UNKNOWN:
        return style("?", "36") + " " + m.colon("label.outcome.unknown");
      default:
        return style("–", "2");
    }
  }

  private static String color(Verdict v) {
    switch (v) {
      case ELIGIBLE:
        return "1;32";
      case DISCRETIONARY:
        return "1;33";
      case UNDETERMINED:
        return "1;36";
      case NOT_ELIGIBLE:
        return "1;31";
      default:
        return "1;2";
    }
  }

  private String style(String s, String code) {
    return options.color() ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
