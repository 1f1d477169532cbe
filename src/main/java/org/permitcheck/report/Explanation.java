package org.permitcheck.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Permit;

/** The words shared by the text and Markdown reports: why a verdict, and which criteria decided it. */
final class Explanation {
  private final Messages m;

  Explanation(Messages m) {
    this.m = m;
  }

  /** One sentence that says why the verdict is what it is. */
  String why(PermitResult r, Evaluation e) {
    Permit p = r.permit();
    switch (r.verdict()) {
      case ELIGIBLE:
        return m.get("explain.eligible");
      case DISCRETIONARY:
        if (r.tree().outcome() == Outcome.MET) {
          return m.get("explain.eligible.discretionary");
        }
        return m.get("explain.discretionary", waived(r));
      case UNDETERMINED:
        return m.get(m.singular(r.missing().size()) ? "explain.undetermined.one" : "explain.undetermined",
            m.count(r.missing().size(), "one_fact", "n_facts"));
      case NOT_ELIGIBLE:
        if (r.nearMiss()) {
          long failing = r.topLevel().stream().filter(c -> c.lenient() == Outcome.NOT_MET).count();
          // an option is a situation, not something applied for: no "there may be a way" into it
          String key = p.isOption() ? "explain.near_miss.option" : "explain.near_miss";
          return failing == 1 ? m.get(key + ".one") : m.get(key, failing);
        }
        return m.get("explain.not_eligible");
      default:
        if (!p.inForce().contains(e.asOf())) {
          return m.get("explain.not_in_force.range", m.range(p.inForce()), m.date(e.asOf()));
        }
        boolean early = p.window().from().filter(e.applicationDate()::isBefore).isPresent();
        String applied = e.subject().applicationDate().isPresent() ? ".applied" : "";
        return m.get((early ? "explain.window.not_yet" : "explain.window.closed") + applied, m.range(p.window()),
            m.date(e.applicationDate()));
    }
  }

  /**
   * The timeline in sentences: when the permit would open (fully, or at the authority's discretion),
   * and until when it stays open: "apply by that day" for what is applied for, "holds until" for an
   * option, which nobody applies for (reception of a family, staying without papers). An application
   * already made (its date is not the evaluation's) is not asked for again: the permit stays available.
   */
  List<String> timeline(PermitResult r, Evaluation e) {
    List<String> out = new ArrayList<>();
    if (r.eligibleFrom().isPresent()) {
      String key = r.verdict() == Verdict.DISCRETIONARY ? "timeline.eligible_from.eligible"
          : r.fromDiscretionary() ? "timeline.eligible_from.discretionary" : "timeline.eligible_from";
      // an open verdict opens on that day with its questions still unanswered: whatever their answers,
      // and maybe sooner (the Markdown and text reports list the questions above the timeline)
      if (r.verdict() == Verdict.UNDETERMINED && !r.missing().isEmpty()) {
        key += ".open";
      }
      out.add(m.get(key, m.date(r.eligibleFrom().get())));
    }
    boolean applied = e.subject().applicationDate().isPresent();
    boolean option = r.permit().isOption();
    r.eligibleFromIfRequested().ifPresent(d -> {
      LocalDate first = r.requestFrom().orElse(e.asOf());
      String key = (first.equals(e.asOf()) ? "timeline.if_requested_now" : "timeline.if_requested")
          + (r.ifRequestedDiscretionary() ? ".discretionary" : "");
      out.add(m.get(key, m.date(d), m.date(r.requestBy().orElse(d)), m.date(first)));
    });
    // until eligibleUntil every criterion is met (an eligible permit), or no criterion met today is
    // left to the authority (a permit already at its discretion)
    // available now: its verdict; opening later: the verdict it opens with
    boolean discretionary = r.verdict().available() ? r.verdict() == Verdict.DISCRETIONARY : r.fromDiscretionary();
    String until = discretionary ? "timeline.eligible_until.more" : "timeline.eligible_until";
    if (r.applyBefore().isEmpty()) {
      if (r.eligibleUntil().isPresent() && !option) {
        out.add(m.get(until + (applied ? ".open.applied" : ".open"), m.date(r.eligibleUntil().get())));
      }
      return out;
    }
    String last = m.date(r.applyBefore().get());
    // after the last day, facts the case does not give may decide: said in the same sentence
    boolean thenUnknown = r.afterApplyBefore().orElse(null) == Verdict.UNDETERMINED;
    String then = thenUnknown ? ".then_unknown" : "";
    // the last day of the decision, not of the request (a child who must still be a minor then)
    String judged = judgedAt(r, e);
    boolean decision = "decision".equals(judged);
    if (option) {
      out.add(m.get("timeline.holds_until" + then, last));
    } else if (r.eligibleUntil().isPresent()) {
      out.add(m.get(applied ? until + ".applied" : until, m.date(r.eligibleUntil().get()), last));
      if (decision) {
        out.add(m.get("timeline.decision_by", last));
      }
      if (thenUnknown) {
        out.add(m.get("timeline.after_undetermined", last));
      }
    } else if (decision) {
      out.add(m.get("timeline.decide_before" + then, last));
    } else {
      out.add(m.get((applied ? "timeline.available_until" : "timeline.apply_before") + then, last));
    }
    if ("application_then_discretionary".equals(judged)) {
      out.add(m.get("timeline.decided_after_discretionary", last));
    }
    // "apply by" the day a provision ends must not read as the end of what it grants, nor as a
    // promise that a request filed that day is still decided under it
    if (!option && r.afterApplyBefore().orElse(null) == Verdict.NOT_IN_FORCE) {
      out.add(m.get(applied ? "timeline.after_not_in_force.applied" : "timeline.after_not_in_force", last));
    }
    return out;
  }

  /**
   * Whether a request made by apply_before is enough ("application"), or the decision must be taken by
   * then ("decision"); null without apply_before, once the case gives its application date, and when
   * the provision itself ends (whether a request made in time is still decided under it is not known),
   * and for what nobody requests from an authority that decides later (an option, an appeal).
   */
  static String judgedAt(PermitResult r, Evaluation e) {
    if (r.applyBefore().isEmpty() || e.subject().applicationDate().isPresent()
        || r.afterApplyBefore().orElse(null) == Verdict.NOT_IN_FORCE
        || !r.permit().grantedOnRequest()) {
      return null;
    }
    return r.applyBeforeJudgedAt().isEmpty() ? null : r.applyBeforeJudgedAt();
  }

  /**
   * Why a case has no result: no permit in scope, and when the case names its country, that a permit
   * named with --permit of another country is evaluated only with --country.
   */
  String noPermits(Evaluation e) {
    return e.subject().country().isPresent() ? m.get("no_permits.country", e.subject().country().get())
        : m.get("no_permits");
  }

  /**
   * The facts to ask about a permit: those that decide it now, or, when none does but facts the case
   * does not give decide it after apply_before, those ({@link #asksAfter}).
   */
  static List<String> asked(PermitResult r) {
    return asksAfter(r) ? r.missingAfterApplyBefore() : r.missing();
  }

  /** Whether {@link #asked} are the questions that decide after apply_before. */
  static boolean asksAfter(PermitResult r) {
    return r.missing().isEmpty() && !r.missingAfterApplyBefore().isEmpty();
  }

  /** The verdict's name, with "(near miss)" when it is one. */
  String verdict(PermitResult r) {
    String v = m.verdict(r.verdict().key());
    return r.nearMiss() ? v + " (" + m.get("label.near_miss") + ")" : v;
  }

  /** Whether a report dwells on this permit: it applies, or nearly does. */
  static boolean appliesOrNearly(PermitResult r) {
    return r.verdict().available() || r.verdict() == Verdict.UNDETERMINED || r.nearMiss();
  }

  /** The texts of the top-level criteria that are not met (for a short "why not"). */
  List<String> failing(PermitResult r) {
    List<String> out = new ArrayList<>();
    for (CriterionResult c : r.topLevel()) {
      if (c.outcome() == Outcome.NOT_MET && !c.decidesNotAlone()) {
        out.add(criterionText(c.criterion()));
      }
    }
    return out;
  }

  /** A criterion's text, or its condition when it has none. */
  String criterionText(Criterion c) {
    String text = m.text(c.text());
    if (!text.isEmpty()) {
      return text;
    }
    if (c instanceof Criterion.Leaf) {
      return ((Criterion.Leaf) c).when().source().strip();
    }
    return m.get("combine." + ((Criterion.Group) c).op().name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * What a criterion that does not decide alone leaves open, in the rules' own words: they say whether
   * the authority may waive it or the rules are uncertain, so the report claims neither by itself.
   */
  String discretion(CriterionResult c) {
    if (c.waivable()) {
      return sentence(m.text(c.criterion().discretionary().text()));
    }
    StringBuilder s = new StringBuilder();
    c.children().forEach(child -> collectWaived(child, s));
    return s.toString();
  }

  /**
   * What a reason line adds to a criterion that does not decide alone: the rules' text, or a pointer
   * to the verdict's sentence when that quotes it already.
   */
  String waivable(PermitResult r, CriterionResult c) {
    return quotedInWhy(r, c) ? m.get("label.waivable.above") : m.colon("label.waivable") + " " + discretion(c);
  }

  /**
   * Whether {@link #why} already quotes the rules' text for this criterion, so that its reason line
   * need not repeat it.
   */
  private static boolean quotedInWhy(PermitResult r, CriterionResult c) {
    return r.verdict() == Verdict.DISCRETIONARY && r.tree().outcome() != Outcome.MET && !r.tree().waivable()
        && c.decidesNotAlone() && c.lenient() == Outcome.MET;
  }

  private String waived(PermitResult r) {
    StringBuilder s = new StringBuilder();
    collectWaived(r.tree(), s);
    return s.length() == 0 ? m.get("explain.discretionary.whole") : s.toString();
  }

  private void collectWaived(CriterionResult c, StringBuilder s) {
    if (c.waivable() && c.lenient() == Outcome.MET) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(discretion(c));
      return;
    }
    c.children().forEach(child -> collectWaived(child, s));
  }

  /** The text ended by a full stop unless it already ends a sentence. */
  private static String sentence(String text) {
    return text.isEmpty() || ".!?".indexOf(text.charAt(text.length() - 1)) >= 0 ? text : text + ".";
  }
}
