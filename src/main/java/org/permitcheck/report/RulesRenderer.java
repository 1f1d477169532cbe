package org.permitcheck.report;

import java.util.List;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/** Renders the rules themselves for people: the list of permits, one permit's criteria, the facts. */
public final class RulesRenderer {
  private final Ruleset rules;
  private final Messages m;

  public RulesRenderer(Ruleset rules, String language) {
    this.rules = rules;
    this.m = new Messages(language);
  }

  /** One line per permit: id, in-force dates, title. */
  public String permits(List<String> countries) {
    StringBuilder out = new StringBuilder();
    for (Country c : rules.countries()) {
      if (!countries.isEmpty() && !countries.contains(c.code())) {
        continue;
      }
      out.append(c.code()).append(" · ").append(m.text(c.name())).append('\n');
      int width = c.permits().stream().mapToInt(p -> p.id().length()).max().orElse(0);
      for (Permit p : c.permits()) {
        String id = String.format("%-" + width + "s", p.id());
        String dates = p.inForce().isAlways() ? "" : " [" + m.range(p.inForce()) + "]";
        Wrap.append(out, "  " + id + "  ", " ".repeat(width + 4),
            m.text(p.title()) + " (" + m.citation(p.legalBasis()) + ")" + dates);
      }
    }
    return out.toString();
  }

  /** A permit's criteria as readable text, for advisers and legal officers. */
  public String permit(Permit p) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, p.id() + " · ", "  ", m.text(p.title()));
    line(out, "rules.legal_basis", m.citation(p.legalBasis()));
    line(out, "rules.source", m.get("rules.seed", p.source().seed())
        + (p.source().url().isEmpty() ? "" : ", " + p.source().url()));
    line(out, "rules.kind", m.get("rules.kind." + p.kind()));
    if (!p.inForce().isAlways()) {
      line(out, "rules.in_force", m.range(p.inForce()));
    }
    if (!p.window().isAlways()) {
      line(out, "rules.window", m.range(p.window()));
    }
    text(out, "rules.decision", p.discretionary());
    text(out, "rules.grants", p.grants());
    out.append(m.colon("rules.criteria")).append("\n");
    List<Criterion> top = p.topLevel();
    for (int i = 0; i < top.size(); i++) {
      criterion(out, top.get(i), "  " + (i + 1) + ". ", "     ");
    }
    text(out, "rules.apply", p.apply());
    if (!p.documents().isEmpty()) {
      out.append(m.colon("rules.documents")).append("\n");
      p.documents().forEach(d -> Wrap.append(out, "  - ", "    ", m.text(d)));
    }
    text(out, "rules.appeal", p.appeal());
    text(out, "rules.notes", p.notes());
    return out.toString();
  }

  private void criterion(StringBuilder out, Criterion c, String first, String rest) {
    String text = m.text(c.text());
    String head = (c.id().isEmpty() ? "" : c.id() + ": ") + text;
    String body;
    if (c instanceof Criterion.Leaf) {
      String cond = ((Criterion.Leaf) c).when().source().strip();
      body = text.isEmpty() ? cond : head + " — " + cond;
    } else {
      Criterion.Group g = (Criterion.Group) c;
      String op = m.get("combine." + g.op().name().toLowerCase(java.util.Locale.ROOT));
      body = text.isEmpty() ? op : head + " — " + op;
    }
    if (!c.inForce().isAlways()) {
      body += " [" + m.get("rules.in_force.criterion", m.range(c.inForce())) + "]";
    }
    Wrap.append(out, first, rest, body);
    if (!c.note().isEmpty()) {
      Wrap.append(out, rest + m.colon("rules.note") + " ", rest + "  ", m.text(c.note()));
    }
    if (c.discretionary().isPresent()) {
      String label = c.discretionary().when().map(w -> m.get("rules.waivable.when", w.source().strip()))
          .orElse(m.get("rules.waivable"));
      Wrap.append(out, rest, rest + "  ", label + m.get("punct.colon") + " " + m.text(c.discretionary().text()));
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
      Wrap.append(out, "  ", "  ", m.text(f.question()));
      if (!f.help().isEmpty()) {
        Wrap.append(out, "  " + m.colon("rules.help") + " ", "    ", m.text(f.help()));
      }
      if (f.type().isChoice() || f.type().kind() == Type.Kind.PERIODS) {
        for (String v : f.type().values()) {
          String label = m.label(f, v);
          Wrap.append(out, "  - " + v + (label.equals(v) ? "" : ": "), "      ", label.equals(v) ? "" : label);
        }
      }
      for (Fact field : f.fields().values()) {
        Wrap.append(out, "  ." + field.name() + " (" + typeName(field) + "): ", "      ", m.text(field.question()));
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

  private void line(StringBuilder out, String key, String value) {
    Wrap.append(out, m.colon(key) + " ", "  ", value);
  }

  private void text(StringBuilder out, String key, Text t) {
    if (!t.isEmpty()) {
      Wrap.append(out, m.colon(key) + " ", "  ", m.text(t));
    }
  }
}
