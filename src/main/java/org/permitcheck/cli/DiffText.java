package org.permitcheck.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.Change;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;

/**
 * The text of {@code diff}: one line per changed result or per case that one side's rules refuse,
 * and the summary with the counts, both rulesets and the table of transitions.
 */
final class DiffText {
  private DiffText() {}

  /**
   * The line of one change; {@code redact}: the messages of a refusal without the values they quote;
   * {@code translated}: verdicts and outcomes as the reports in {@code m}'s language name them
   * ("ERFÜLLT", "Nicht erfüllt"), else as the JSON does ("eligible", "not_met"), which is what scripts
   * look for.
   */
  static String line(DiffJson.Difference d, Messages m, boolean redact, boolean translated) {
    if (d instanceof DiffJson.Rejected) {
      return refusal((DiffJson.Rejected) d, m, redact, translated);
    }
    return change(d.caseId(), ((DiffJson.Entry) d).change(), m, translated);
  }

  /** A transition key ("undetermined → eligible", "(accepted) → (rejected)") as the line shows it. */
  static String transition(String key, Messages m, boolean translated) {
    if (!translated) {
      return key;
    }
    int arrow = key.indexOf(" → ");
    return side(key.substring(0, arrow), m) + " → " + side(key.substring(arrow + 3), m);
  }

  private static String side(String key, Messages m) {
    return key.startsWith("(") ? "(" + m.get("diff.side." + key.substring(1, key.length() - 1)) + ")"
        : m.verdict(key);
  }

  /** "ahmad  (accepted) → (rejected)  rejected by the new rules: FILE:LINE:COL: MESSAGE; …" */
  private static String refusal(DiffJson.Rejected r, Messages m, boolean redact, boolean translated) {
    StringBuilder s = new StringBuilder(Diagnostic.printable(r.caseId())).append("  ")
        .append(transition(r.transition(), m, translated)).append("  ")
        .append(m.get("diff.rejected_by." + r.side()));
    String sep = " ";
    for (Diagnostic d : r.errors()) {
      s.append(sep).append(d.location()).append(": ").append(redact ? d.withoutValues() : d.message());
      sep = "; ";
    }
    return s.toString();
  }

  private static String change(String caseId, Change c, Messages m, boolean translated) {
    StringBuilder s = new StringBuilder(Diagnostic.printable(caseId)).append("  ").append(c.permit()).append("  ")
        .append(transition(c.transition(), m, translated));
    if (c.before() != null && c.after() != null) {
      if (c.before().nearMiss() != c.after().nearMiss()) {
        s.append("  ").append(m.get("diff.near_miss")).append(' ')
            .append(m.get(c.before().nearMiss() ? "value.yes" : "value.no")).append(" → ")
            .append(m.get(c.after().nearMiss() ? "value.yes" : "value.no"));
      }
      dates(s, m.get("diff.eligible_from"), c.before(), c.after(), true, m);
      dates(s, m.get("diff.apply_before"), c.before(), c.after(), false, m);
    }
    if (!c.criteria().isEmpty() || !c.permitChanges().isEmpty()) {
      s.append("  ").append(m.get("diff.because"));
      String sep = " ";
      for (Change.CriterionChange cc : c.criteria()) {
        s.append(sep).append(cc.id()).append(" (").append(side(cc.before(), cc.beforeWithDiscretion(), m, translated))
            .append(" → ").append(side(cc.after(), cc.afterWithDiscretion(), m, translated)).append(')');
        sep = ", ";
      }
      for (String what : c.permitChanges()) {
        s.append(sep).append(permitChange(what, c.before().permit(), c.after().permit(), m));
        sep = ", ";
      }
    }
    return s.toString();
  }

  /** "the permit's own discretion (no → yes)", "in force (from 2022-12-31 → 2022-12-31 to 2025-12-31)". */
  private static String permitChange(String what, Permit before, Permit after, Messages m) {
    switch (what) {
      case "discretionary":
        return m.get("diff.permit.discretionary", m.get(before.discretionary().isEmpty() ? "value.no" : "value.yes"),
            m.get(after.discretionary().isEmpty() ? "value.no" : "value.yes"));
      case "in_force":
        return m.get("diff.permit.in_force", m.range(before.inForce()), m.range(after.inForce()));
      default:
        return m.get("diff.permit.window", m.range(before.window()), m.range(after.window()));
    }
  }

  /** A change of eligible_from ({@code from}) or apply_before, said on both sides. */
  private static void dates(StringBuilder s, String label, PermitResult before, PermitResult after, boolean from,
      Messages m) {
    Optional<LocalDate> a = from ? before.eligibleFrom() : before.applyBefore();
    Optional<LocalDate> b = from ? after.eligibleFrom() : after.applyBefore();
    if (!a.equals(b)) {
      s.append("  ").append(label).append(' ').append(date(a, before, from, m)).append(" → ")
          .append(date(b, after, from, m));
    }
  }

  /**
   * A side's date, or what its absence means: available now ("now", or at the authority's discretion),
   * no date within the timeline's horizon, or, for apply_before of a permit not available, nothing to
   * say ("–").
   */
  private static String date(Optional<LocalDate> d, PermitResult r, boolean from, Messages m) {
    if (d.isPresent()) {
      return m.date(d.get());
    }
    if (from && r.verdict().available()) {
      return m.get(r.verdict() == Verdict.ELIGIBLE ? "diff.now" : "diff.now_discretionary");
    }
    return from || r.verdict().available() ? m.get("diff.no_date", Evaluator.DEFAULT_HORIZON.getYears()) : "–";
  }

  /**
   * A criterion's outcome on one side, and whether discretion may make up for it: "not_met but
   * waivable" (met with discretion), "not_met but maybe waivable" (unknown with discretion).
   */
  private static String side(Outcome strict, Outcome withDiscretion, Messages m, boolean translated) {
    if (strict == null) {
      return translated ? "(" + m.get("diff.side.none") + ")" : "(none)";
    }
    String outcome = translated ? m.get("label.outcome." + strict.key()) : strict.key();
    if (withDiscretion == strict) {
      return outcome;
    }
    return m.get(withDiscretion == Outcome.MET ? "diff.waivable" : "diff.maybe_waivable", outcome);
  }

  /**
   * "4 cases compared, 1 result changed" (and ", 2 cases unreadable" when some could be read by
   * neither side), both rulesets (a line each, with the date given for it), and each transition with its count.
   */
  static void summary(PrintWriter w, DiffJson.Document d, Messages m, boolean translated) {
    String cases = m.count(d.cases(), "count.compared.one", "count.compared.many");
    String changed = m.count(d.changed(), "count.changed.one", "count.changed.many");
    w.println(d.unreadable() == 0 ? m.get("diff.summary", cases, changed) : m.get("diff.summary.unreadable", cases,
        changed, m.count((int) d.unreadable(), "diff.unreadable.one", "diff.unreadable.many")));
    w.println("  " + m.get("diff.old", describe(d.before(), d.asOfBefore(), m)));
    w.println("  " + m.get("diff.new", describe(d.after(), d.asOfAfter(), m)));
    for (Map.Entry<String, Long> t : d.transitions().entrySet()) {
      w.println("  " + transition(t.getKey(), m, translated) + (translated ? m.get("punct.colon") : ":") + " "
          + t.getValue());
    }
  }

  /** "permitcheck-eu 2026.11.1, sha256 0c884d828f5a", and ", as of 2025-06-01" for a date given. */
  private static String describe(Ruleset r, LocalDate asOf, Messages m) {
    String s = r.name() + " " + r.version() + ", sha256 " + r.sha256().substring(0, 12);
    return asOf == null ? s : s + ", " + m.get("diff.as_of", m.date(asOf));
  }
}
