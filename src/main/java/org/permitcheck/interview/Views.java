package org.permitcheck.interview;

import java.util.ArrayList;
import java.util.List;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.Question;
import org.permitcheck.engine.Standing;
import org.permitcheck.engine.Verdict;
import org.permitcheck.expr.Type;
import org.permitcheck.report.Messages;
import org.permitcheck.report.Values;
import org.permitcheck.report.Wrap;
import org.permitcheck.rules.Fact;

/** The interview's texts: questions with their choices, prompts, help, progress and standings. */
final class Views {
  private final Messages m;

  Views(Messages m) {
    this.m = m;
  }

  Messages messages() {
    return m;
  }

  /** "(3) Which residence document…?" with numbered choices for enums and levels. */
  String question(int number, Fact fact) {
    StringBuilder out = new StringBuilder("\n");
    String head = m.get("interview.question", String.valueOf(number), "");
    Wrap.append(out, head, " ".repeat(head.length()), m.text(fact.question()));
    choices(out, fact);
    return out.toString();
  }

  /** A question inside a list's dialogue, e.g. "[1/2] Child's date of birth?". */
  String item(int index, int count, Fact field) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, "  ", "    ", m.get("interview.list.item", String.valueOf(index), String.valueOf(count),
        m.text(field.question())));
    choices(out, field);
    return out.toString();
  }

  /** A paragraph indented by two spaces. */
  String line(String text) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, "  ", "  ", text);
    return out.toString();
  }

  /** An item of a list, indented by {@code indent} spaces, its continuation lines by two more. */
  String line(String text, int indent) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, " ".repeat(indent), " ".repeat(indent + 2), text);
    return out.toString();
  }

  private void choices(StringBuilder out, Fact fact) {
    if (!fact.type().isChoice()) {
      return;
    }
    List<String> values = fact.type().values();
    int width = String.valueOf(values.size()).length();
    for (int i = 0; i < values.size(); i++) {
      String n = String.format("%" + width + "d", i + 1);
      String v = values.get(i);
      String label = m.label(fact, v);
      String text = label.equals(v) ? v : m.get("interview.choice", v, label);
      Wrap.append(out, "    " + n + " ", "    " + " ".repeat(width + 1), text);
    }
  }

  String prompt(Fact fact) {
    return m.get("interview.prompt", hint(fact)) + " ";
  }

  private String hint(Fact fact) {
    Type t = fact.type();
    switch (t.kind()) {
      case BOOLEAN:
        return m.get("interview.hint.boolean");
      case DATE:
        return m.get("interview.hint.date");
      case INTEGER:
      case DECIMAL:
        return fact.unit().isEmpty() ? m.get("interview.hint.number") : m.unit(fact.unit());
      case MONEY:
        return t.currency();
      case ENUM:
      case LEVEL:
        return m.get("interview.hint.choice", String.valueOf(t.values().size()));
      case LIST:
      case PERIODS:
        return m.get("interview.hint.count");
      default:
        return m.get("interview.hint.text");
    }
  }

  /**
   * The fact's help from the rules, the form of answer expected, and the keywords: those of a question
   * asked again to change its answer if {@code change}.
   */
  String help(Fact fact, boolean change) {
    StringBuilder out = new StringBuilder();
    String help = m.text(fact.help());
    if (!help.isEmpty()) {
      Wrap.append(out, "  ", "  ", help);
    }
    Wrap.append(out, "  ", "  ", m.get("interview.help.form", form(fact)));
    Wrap.append(out, "  ", "  ", m.get(change ? "interview.help.keys.change" : "interview.help.keys"));
    return out.toString();
  }

  /** Under a question asked again to change its answer: that answer, and that Enter keeps it. */
  String current(Fact fact, Object value) {
    return line(m.get("interview.current", answer(fact, value)));
  }

  /** An answer as the adviser gave it: a choice by its label, yes/no, a date, "2 items". */
  String answer(Fact f, Object v) {
    if (v == null) {
      return m.get("interview.unknown");
    }
    if (v instanceof String && f.type().isChoice()) {
      return Diagnostic.printable(m.label(f, (String) v));
    }
    return Values.format(f, v, m, false);
  }

  private String form(Fact fact) {
    switch (fact.type().kind()) {
      case BOOLEAN:
        return m.get("interview.form.boolean");
      case DATE:
        return m.get(fact.past() ? "interview.form.past_date" : "interview.form.date");
      case INTEGER:
        return m.get("interview.form.integer", range(fact));
      case DECIMAL:
      case MONEY:
        return m.get("interview.form.number", range(fact));
      case ENUM:
      case LEVEL:
        return m.get("interview.form.choice");
      case LIST:
      case PERIODS:
        return m.get("interview.form.count");
      default:
        return m.get("interview.form.text");
    }
  }

  private String range(Fact fact) {
    String unit = fact.unit().isEmpty() ? fact.type().currency() : m.unit(fact.unit());
    String suffix = unit.isEmpty() ? "" : " " + unit;
    String min = fact.min().map(v -> v.toPlainString() + suffix).orElse("");
    String max = fact.max().map(v -> v.toPlainString() + suffix).orElse("");
    if (!min.isEmpty() && !max.isEmpty()) {
      return m.get("interview.range.between", min, max);
    }
    if (!min.isEmpty()) {
      return m.get("interview.range.min", min);
    }
    return max.isEmpty() ? (suffix.isEmpty() ? "" : " (" + unit + ")") : m.get("interview.range.max", max);
  }

  /** "3 decided, 5 open". */
  String progress(List<Standing> standings) {
    long open = standings.stream().filter(Standing::open).count();
    return "  " + m.get("interview.progress",
        m.count(standings.size() - open, "count.decided.one", "count.decided.many"), String.valueOf(open)) + "\n";
  }

  /** Where every permit in scope stands, and what the current question can still decide. */
  String why(List<Standing> standings, Question q) {
    StringBuilder out = new StringBuilder(standings(standings));
    if (q.isCountry()) {
      Wrap.append(out, "  ", "    ", m.get("interview.why.country"));
    } else {
      Wrap.append(out, "  ", "    ", m.get("interview.why.question", String.join(", ", q.permits())));
    }
    return out.toString();
  }

  String standings(List<Standing> standings) {
    StringBuilder out = new StringBuilder();
    out.append("  ").append(m.get("interview.why.title")).append('\n');
    for (Standing s : standings) {
      String verdict = m.get("verdict." + s.result().verdict().key());
      String line = s.open() && !s.deciding().isEmpty()
          ? m.get("interview.why.open", s.permit(), verdict, m.count(s.deciding().size(), "one_fact", "n_facts"))
          : m.get("interview.why.decided", s.permit(), verdict);
      Wrap.append(out, "    ", "      ", line);
    }
    return out.toString();
  }

  /**
   * Shown on quit or when the input ends: how far the interview got, with each permit counted once
   * under the verdict the list below shows ("DISCRETIONARY 3, UNDETERMINED 4"), so that a
   * discretionary permit that could still become eligible is not counted as open.
   */
  String summary(int answers, List<Standing> standings) {
    StringBuilder out = new StringBuilder("\n");
    Wrap.append(out, "", "  ", m.get("interview.summary", m.count(answers, "interview.answers.one",
        "interview.answers.n"), byVerdict(standings)));
    out.append(standings(standings));
    return out.toString();
  }

  /** "ELIGIBLE 1, NOT ELIGIBLE 3": how many permits have each verdict, in the verdicts' order. */
  private String byVerdict(List<Standing> standings) {
    List<String> parts = new ArrayList<>();
    for (Verdict v : Verdict.values()) {
      long n = standings.stream().filter(s -> s.result().verdict() == v).count();
      if (n > 0) {
        parts.add(m.verdict(v.key()) + " " + n);
      }
    }
    return String.join(", ", parts);
  }
}
