package org.permitcheck.batch;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.report.Messages;

/** Counts of a batch run: cases read, cases that failed, and the verdicts per permit. */
public final class Summary {
  private long cases;
  private long failed;
  private final Map<String, EnumMap<Verdict, Long>> verdicts = new LinkedHashMap<>();

  public void add(Job.Result r) {
    cases++;
    if (r.failed()) {
      failed++;
      return;
    }
    for (PermitResult p : r.evaluation().results()) {
      verdicts.computeIfAbsent(p.permit().id(), k -> new EnumMap<>(Verdict.class)).merge(p.verdict(), 1L, Long::sum);
    }
  }

  public long cases() {
    return cases;
  }

  public long failed() {
    return failed;
  }

  /** The lines of the summary, e.g. "DE-25b: eligible 120, undetermined 30". */
  public String render(double seconds, Messages m) {
    StringBuilder out = new StringBuilder();
    out.append(m.get("summary.batch", m.count((int) cases, "count.case.one", "count.case.many"),
        String.valueOf(cases - failed), m.count((int) failed, "count.error.one", "count.error.many"),
        String.format(java.util.Locale.ROOT, "%.3f", seconds),
        String.format(java.util.Locale.ROOT, "%.0f", seconds > 0 ? cases / seconds : 0.0)))
        .append(System.lineSeparator());
    for (Map.Entry<String, EnumMap<Verdict, Long>> e : verdicts.entrySet()) {
      out.append("  ").append(e.getKey()).append(':');
      String sep = " ";
      for (Map.Entry<Verdict, Long> v : e.getValue().entrySet()) {
        out.append(sep).append(v.getKey().key()).append(' ').append(v.getValue());
        sep = ", ";
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
