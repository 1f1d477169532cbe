package org.permitcheck.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.report.Messages;

/** Counts of a batch run: cases read, cases that failed, and the verdicts per permit. */
public final class Summary {
  private static final Verdict[] VERDICTS = Verdict.values();

  private long cases;
  private long failed;
  /** By permit id, in the order first seen: the count of each verdict, by ordinal. */
  private final Map<String, long[]> verdicts = new LinkedHashMap<>();

  public void add(Job.Result r) {
    if (r.evaluation() == null) {
      if (!r.note()) { // a remark about an input is no case
        cases++;
        failed++;
      }
      return;
    }
    cases++;
    for (PermitResult p : r.evaluation().results()) {
      long[] counts = verdicts.get(p.permit().id());
      if (counts == null) {
        counts = new long[VERDICTS.length];
        verdicts.put(p.permit().id(), counts);
      }
      counts[p.verdict().ordinal()]++;
    }
  }

  public long cases() {
    return cases;
  }

  public long failed() {
    return failed;
  }

  /**
   * The progress line of a running batch, e.g. {@code [#########-----------]  45% · 12000 cases ·
   * 3 cases with errors · 20512/s}; without the bar and the percentage when the size of the input is
   * not known ({@code total} -1, stdin). Cases with errors, not errors: a case may have several.
   *
   * @param consumed how many bytes of the input have been read
   */
  public String progress(double seconds, long consumed, long total, Messages m) {
    StringBuilder out = new StringBuilder();
    if (total > 0) {
      int percent = (int) Math.min(100, consumed * 100 / total);
      int filled = percent / 5;
      out.append('[').append("#".repeat(filled)).append("-".repeat(20 - filled)).append("] ");
      out.append(percent < 10 ? "  " : percent < 100 ? " " : "").append(percent).append("% · ");
    }
    out.append(m.count(cases, "count.case.one", "count.case.many")).append(" · ")
        .append(m.count(failed, "count.case_with_errors.one", "count.case_with_errors.many"));
    if (seconds > 0) {
      out.append(" · ").append(Math.round(cases / seconds)).append("/s");
    }
    return out.toString();
  }

  /**
   * The lines of the summary: "2 cases read, 1 evaluated, 1 case with errors, in 0.1 s (20 cases/s)"
   * (cases, not errors, which the closing line counts: "3 errors in 1 file"), then the verdicts per
   * permit, e.g. "DE-25b: eligible 120, undetermined 30": the verdicts as the JSON names them, which is
   * what data people grep for, or, with {@code translated}, as the reports in {@code m}'s language name
   * them ("DE-25b: ÉLIGIBLE 120, INDÉTERMINÉ 30").
   */
  public String render(double seconds, Messages m, boolean translated) {
    StringBuilder out = new StringBuilder();
    out.append(m.get("summary.batch", m.count(cases, "count.read.one", "count.read.many"),
        m.count(cases - failed, "count.evaluated.one", "count.evaluated.many"),
        m.count(failed, "count.case_with_errors.one", "count.case_with_errors.many"),
        m.number(java.math.BigDecimal.valueOf(seconds).setScale(3, java.math.RoundingMode.HALF_UP)), // 0,021 in French
        String.format(java.util.Locale.ROOT, "%.0f", seconds > 0 ? cases / seconds : 0.0)))
        .append(System.lineSeparator());
    for (Map.Entry<String, long[]> e : verdicts.entrySet()) {
      out.append("  ").append(e.getKey()).append(':');
      String sep = " ";
      for (Verdict v : VERDICTS) {
        long n = e.getValue()[v.ordinal()];
        if (n > 0) {
          out.append(sep).append(translated ? m.verdict(v.key()) : v.key()).append(' ').append(n);
          sep = ", ";
        }
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
