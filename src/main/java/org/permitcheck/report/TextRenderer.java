package org.permitcheck.report;

import java.util.List;
import java.util.Map;
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
 * The report for a terminal: per permit the verdict first, then the reasons in plain words (met ✓,
 * not met ✗, unknown ?), the facts still to ask, and what to do next. {@code explain} adds the whole
 * criteria tree with the conditions and the facts they read. Fits 80 columns.
 */
public final class TextRenderer {
  private final Ruleset rules;
  private final OutputOptions options;
  private final Messages m;

  public TextRenderer(Ruleset rules, OutputOptions options) {
    this.rules = rules;
    this.options = options;
    this.m = new Messages(options.language());
  }

  public String render(Evaluation e) {
    StringBuilder out = new StringBuilder();
    String head = m.get("header.case", e.subject().id(), e.asOf().toString());
    if (!e.applicationDate().equals(e.asOf())) {
      head += " · " + m.get("header.application", e.applicationDate().toString());
    }
    out.append(style(head, "1")).append('\n');
    out.append(m.get("header.ruleset", rules.name(), rules.version(), rules.reviewed().toString())).append('\n');
    if (e.results().isEmpty()) {
      out.append('\n').append(m.get("no_permits")).append('\n');
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
    Wrap.append(out, "", "", m.get("notice", rules.name() + " " + rules.version(), rules.reviewed().toString()));
    return out.toString();
  }

  private void permit(StringBuilder out, PermitResult r, Evaluation e) {
    Permit p = r.permit();
    String title = p.title().get(options.language());
    Wrap.append(out, style(p.id(), "1") + " · ", "  ", title + " (" + p.legalBasis() + ")");
    String verdict = style(m.get("verdict." + r.verdict().key()), color(r.verdict()));
    Wrap.append(out, "  " + verdict + ": ", "    ", verdictReason(r, e));
    e.movedFrom(r).ifPresent(b -> Wrap.append(out, "  ", "    ", m.get("what_if.moved",
        m.get("verdict." + b.verdict().key()))));
    r.eligibleFrom().ifPresent(d -> Wrap.append(out, "  ", "    ", m.get(
        r.verdict() == Verdict.DISCRETIONARY ? "timeline.eligible_from.eligible" : "timeline.eligible_from",
        d.toString())));
    r.applyBefore().ifPresent(d -> Wrap.append(out, "  ", "    ", m.get("timeline.apply_before", d.toString())));
    if (options.explain()) {
      tree(out, r.tree(), 1, true);
    } else {
      for (CriterionResult c : r.topLevel()) {
        reason(out, c);
      }
    }
    if (!r.missing().isEmpty()) {
      out.append("  ").append(m.get("label.missing")).append(":\n");
      for (String fact : r.missing()) {
        Fact f = rules.facts().get(fact);
        Wrap.append(out, "    - " + fact + ": ", "      ", f.question().get(options.language()));
      }
    }
    nextSteps(out, r);
  }

  private String verdictReason(PermitResult r, Evaluation e) {
    Permit p = r.permit();
    switch (r.verdict()) {
      case ELIGIBLE:
        return m.get("explain.eligible");
      case DISCRETIONARY:
        if (r.tree().outcome() == Outcome.MET) {
          return m.get("explain.eligible.discretionary");
        }
        return m.get("explain.discretionary", waivedTexts(r));
      case UNDETERMINED:
        return m.get("explain.undetermined", m.count(r.missing().size(), "one_fact", "n_facts"));
      case NOT_ELIGIBLE:
        if (r.nearMiss()) {
          long failing = r.topLevel().stream().filter(c -> c.lenient() == Outcome.NOT_MET).count();
          return m.get("explain.near_miss", m.count((int) failing, "one_criterion", "n_criteria"));
        }
        return m.get("explain.not_eligible");
      default:
        if (!p.inForce().contains(e.asOf())) {
          return m.get("explain.not_in_force.range", p.inForce().describe(), e.asOf().toString());
        }
        return m.get("explain.window", p.window().describe(), e.applicationDate().toString());
    }
  }

  private String waivedTexts(PermitResult r) {
    StringBuilder s = new StringBuilder();
    collectWaived(r.tree(), s);
    return s.length() == 0 ? m.get("explain.discretionary.whole") : s.toString();
  }

  private void collectWaived(CriterionResult c, StringBuilder s) {
    if (c.waivable() && c.lenient() == Outcome.MET) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(c.criterion().discretionary().text().get(options.language()));
      return;
    }
    c.children().forEach(child -> collectWaived(child, s));
  }

  private void reason(StringBuilder out, CriterionResult c) {
    String text = c.criterion().text().get(options.language());
    if (text.isEmpty()) {
      text = describe(c.criterion());
    }
    String suffix = "";
    if (c.waivable()) {
      suffix = " (" + m.get("label.waivable") + ")";
    } else if (c.outcome() == Outcome.NOT_IN_FORCE) {
      suffix = " (" + m.get("label.not_in_force_criterion") + ")";
    }
    Wrap.append(out, "  " + symbol(c) + " ", "    ", text + suffix);
  }

  private void tree(StringBuilder out, CriterionResult c, int depth, boolean root) {
    String indent = "  ".repeat(depth);
    Criterion crit = c.criterion();
    String text = crit.text().get(options.language());
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
      body += " (" + m.get("label.waivable") + ": " + crit.discretionary().text().get(options.language()) + ")";
    } else if (c.outcome() == Outcome.NOT_IN_FORCE) {
      body += " (" + m.get("label.not_in_force_criterion") + ", " + crit.inForce().describe() + ")";
    }
    if (!(root && crit instanceof Criterion.Group && text.isEmpty() && crit.id().isEmpty())) {
      Wrap.append(out, indent + symbol(c) + " ", indent + "    ", label + body);
      if (!crit.note().isEmpty()) {
        Wrap.append(out, indent + "    " + m.get("label.note") + ": ", indent + "      ", crit.note().get(options.language()));
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
      s.append(f.getKey()).append(" = ").append(Values.format(f.getValue(), m, options.redact()));
    }
    return s.toString();
  }

  private static String describe(Criterion c) {
    if (c instanceof Criterion.Leaf) {
      return ((Criterion.Leaf) c).when().source().strip();
    }
    switch (((Criterion.Group) c).op()) {
      case ALL:
        return "all of:";
      case ANY:
        return "any of:";
      default:
        return "not:";
    }
  }

  private void nextSteps(StringBuilder out, PermitResult r) {
    if (r.verdict() != Verdict.ELIGIBLE && r.verdict() != Verdict.DISCRETIONARY) {
      return;
    }
    Permit p = r.permit();
    labelled(out, "label.grants", p.grants());
    labelled(out, "label.apply", p.apply());
    List<Text> docs = p.documents();
    if (!docs.isEmpty()) {
      out.append("  ").append(m.get("label.documents")).append(":\n");
      for (Text d : docs) {
        Wrap.append(out, "    - ", "      ", d.get(options.language()));
      }
    }
    labelled(out, "label.appeal", p.appeal());
  }

  private void labelled(StringBuilder out, String key, Text text) {
    if (!text.isEmpty()) {
      Wrap.append(out, "  " + m.get(key) + ": ", "    ", text.get(options.language()));
    }
  }

  private String symbol(CriterionResult c) {
    switch (c.outcome()) {
      case MET:
        return style("✓", "32");
      case NOT_MET:
        return style("✗", c.waivable() ? "33" : "31");
      case UNKNOWN:
        return style("?", "36");
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
