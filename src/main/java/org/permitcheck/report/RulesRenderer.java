package org.permitcheck.report;

import java.util.List;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.DateRange;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/** Renders the rules themselves for people: the list of permits, one permit's criteria, the facts. */
public final class RulesRenderer {
  private final Ruleset rules;
  private final String lang;

  public RulesRenderer(Ruleset rules, String language) {
    this.rules = rules;
    this.lang = language;
  }

  /** One line per permit: id, in-force dates, title. */
  public String permits(List<String> countries) {
    StringBuilder out = new StringBuilder();
    for (Country c : rules.countries()) {
      if (!countries.isEmpty() && !countries.contains(c.code())) {
        continue;
      }
      out.append(c.code()).append(" · ").append(c.name().get(lang)).append('\n');
      int width = c.permits().stream().mapToInt(p -> p.id().length()).max().orElse(0);
      for (Permit p : c.permits()) {
        String id = String.format("%-" + width + "s", p.id());
        String dates = p.inForce().isAlways() ? "" : " [" + p.inForce().describe() + "]";
        Wrap.append(out, "  " + id + "  ", " ".repeat(width + 4),
            p.title().get(lang) + " (" + p.legalBasis() + ")" + dates);
      }
    }
    return out.toString();
  }

  /** A permit's criteria as readable text, for advisers and legal officers. */
  public String permit(Permit p) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, p.id() + " · ", "  ", p.title().get(lang));
    line(out, "Legal basis", p.legalBasis());
    line(out, "Source", "seed " + p.source().seed() + (p.source().url().isEmpty() ? "" : ", " + p.source().url()));
    line(out, "Kind", p.kind());
    if (!p.inForce().isAlways()) {
      line(out, "In force", p.inForce().describe());
    }
    if (!p.window().isAlways()) {
      line(out, "Application window", p.window().describe());
    }
    text(out, "Decision", p.discretionary());
    text(out, "Grants", p.grants());
    out.append("Criteria:\n");
    List<Criterion> top = p.topLevel();
    for (int i = 0; i < top.size(); i++) {
      criterion(out, top.get(i), "  " + (i + 1) + ". ", "     ");
    }
    text(out, "Apply", p.apply());
    if (!p.documents().isEmpty()) {
      out.append("Documents:\n");
      p.documents().forEach(d -> Wrap.append(out, "  - ", "    ", d.get(lang)));
    }
    text(out, "If refused", p.appeal());
    text(out, "Notes", p.notes());
    return out.toString();
  }

  private void criterion(StringBuilder out, Criterion c, String first, String rest) {
    String text = c.text().get(lang);
    String head = (c.id().isEmpty() ? "" : c.id() + ": ") + text;
    String body;
    if (c instanceof Criterion.Leaf) {
      String cond = ((Criterion.Leaf) c).when().source().strip();
      body = text.isEmpty() ? cond : head + " — " + cond;
    } else {
      Criterion.Group g = (Criterion.Group) c;
      String op = g.op() == Criterion.Op.ALL ? "all of:" : g.op() == Criterion.Op.ANY ? "any of:" : "not:";
      body = text.isEmpty() ? op : head + " — " + op;
    }
    if (!c.inForce().isAlways()) {
      body += " [in force " + c.inForce().describe() + "]";
    }
    Wrap.append(out, first, rest, body);
    if (!c.note().isEmpty()) {
      Wrap.append(out, rest + "note: ", rest + "  ", c.note().get(lang));
    }
    if (c.discretionary().isPresent()) {
      String when = c.discretionary().when().map(w -> " (when " + w.source().strip() + ")").orElse("");
      Wrap.append(out, rest + "may be waived" + when + ": ", rest + "  ", c.discretionary().text().get(lang));
    }
    if (c instanceof Criterion.Group) {
      for (Criterion child : ((Criterion.Group) c).children()) {
        criterion(out, child, rest + "- ", rest + "  ");
      }
    }
  }

  /** Every fact with its type, the countries it is asked for, its question and help. */
  public String facts(List<String> countries) {
    StringBuilder out = new StringBuilder();
    for (Fact f : rules.facts().values()) {
      if (!countries.isEmpty() && !f.countries().isEmpty() && f.countries().stream().noneMatch(countries::contains)) {
        continue;
      }
      String where = f.countries().isEmpty() ? "" : " [" + String.join(", ", f.countries()) + "]";
      out.append(f.name()).append(" (").append(typeName(f)).append(')').append(where).append('\n');
      Wrap.append(out, "  ", "  ", f.question().get(lang));
      if (!f.help().isEmpty()) {
        Wrap.append(out, "  help: ", "    ", f.help().get(lang));
      }
      if (f.type().isChoice() || f.type().kind() == Type.Kind.PERIODS) {
        for (String v : f.type().values()) {
          String label = f.label(v, lang);
          Wrap.append(out, "  - " + v + (label.equals(v) ? "" : ": "), "      ", label.equals(v) ? "" : label);
        }
      }
      for (Fact field : f.fields().values()) {
        Wrap.append(out, "  ." + field.name() + " (" + typeName(field) + "): ", "      ", field.question().get(lang));
      }
    }
    return out.toString();
  }

  private static String typeName(Fact f) {
    Type t = f.type();
    String unit = f.unit().isEmpty() ? "" : ", " + f.unit();
    switch (t.kind()) {
      case ENUM:
        return "enum";
      case LEVEL:
        return "level " + String.join(" < ", t.values());
      case MONEY:
        return "money, " + t.currency();
      case LIST:
        return "list";
      case PERIODS:
        return "periods";
      default:
        return t.kind().name().toLowerCase(java.util.Locale.ROOT) + unit;
    }
  }

  private void line(StringBuilder out, String label, String value) {
    Wrap.append(out, label + ": ", "  ", value);
  }

  private void text(StringBuilder out, String label, Text t) {
    if (!t.isEmpty()) {
      Wrap.append(out, label + ": ", "  ", t.get(lang));
    }
  }

  static String range(DateRange r) {
    return r.describe();
  }
}
