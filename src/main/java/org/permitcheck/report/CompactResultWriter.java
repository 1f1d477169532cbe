package org.permitcheck.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Permit;

/**
 * Writes a permit result in the compact form of batches (NDJSON without {@code --explain}) as UTF-8,
 * from parts encoded once per permit and per top-level criterion: ids, countries and keys never
 * change, so a result costs a few copies. The text is the one {@link JsonRenderer} writes key by key for
 * the same result in its other forms (a what-if adds keys: those results take that way).
 */
final class CompactResultWriter {
  /** The end of most results: nothing missing, no dates. */
  private static final byte[] PLAIN_END = utf8("],\"missing\":[],\"eligible_from\":null,\"apply_before\":null}");
  private static final byte[] MISSING = utf8("],\"missing\":[");
  private static final byte[] ELIGIBLE_FROM = utf8("],\"eligible_from\":");
  private static final byte[] APPLY_BEFORE = utf8(",\"apply_before\":");
  private static final byte[] NULL = utf8("null");

  /**
   * By permit id, made when a permit's first result is written: a batch of one country's cases never
   * reads the other countries' permits, and --format json never needs them.
   */
  private final Map<String, Parts> byPermit = new ConcurrentHashMap<>();

  /** Appends the result as one compact JSON object. */
  void write(Bytes out, PermitResult r) {
    Parts parts = byPermit.get(r.permit().id());
    if (parts == null) {
      parts = byPermit.computeIfAbsent(r.permit().id(), id -> new Parts(r.permit()));
    }
    if (parts.permit != r.permit()) {
      parts = new Parts(r.permit()); // a permit of another ruleset: write its parts now
    }
    out.append(parts.head(r.verdict(), r.nearMiss()));
    List<CriterionResult> top = r.topLevel();
    boolean first = true;
    for (int i = 0; i < top.size(); i++) {
      CriterionResult c = top.get(i);
      // compact records name only what stands in the way: the criteria not met or unknown
      if (c.outcome() == Outcome.NOT_MET || c.outcome() == Outcome.UNKNOWN) {
        if (!first) {
          out.append(',');
        }
        out.append(parts.criterion(i, c));
        first = false;
      }
    }
    if (r.missing().isEmpty() && r.eligibleFrom().isEmpty() && r.applyBefore().isEmpty()) {
      out.append(PLAIN_END);
      return;
    }
    out.append(MISSING);
    for (int i = 0; i < r.missing().size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.appendText(JsonWriter.quoted(r.missing().get(i)));
    }
    out.append(ELIGIBLE_FROM);
    date(out, r.eligibleFrom());
    out.append(APPLY_BEFORE);
    date(out, r.applyBefore());
    out.append('}');
  }

  private static void date(Bytes out, Optional<LocalDate> d) {
    if (d.isPresent()) {
      StringBuilder text = new StringBuilder(12);
      JsonWriter.appendDate(text, d.get());
      out.appendText(text.toString());
    } else {
      out.append(NULL);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The constant parts of one permit's results. */
  private static final class Parts {
    final Permit permit;
    /**
     * By verdict and near miss (see {@link #head}): the object up to its first criterion, {@code
     * {"permit":"DE-25b","country":"DE","verdict":"eligible","near_miss":false,...,"criteria":[}.
     */
    final byte[][] heads;
    final List<Criterion> topLevel;
    /** By top-level criterion: its object for each outcome and waivable, see {@link #index}. */
    final byte[][][] criterionJson;

    Parts(Permit p) {
      permit = p;
      String permitAndCountry = "{\"permit\":" + JsonWriter.quoted(p.id()) + ",\"country\":"
          + JsonWriter.quoted(p.country());
      String discretionary = ",\"discretionary_decision\":" + !p.discretionary().isEmpty() + ",\"criteria\":[";
      heads = new byte[Verdict.values().length * 2][];
      for (Verdict v : Verdict.values()) {
        for (boolean nearMiss : new boolean[] {false, true}) {
          heads[v.ordinal() * 2 + (nearMiss ? 1 : 0)] = utf8(permitAndCountry + ",\"verdict\":\"" + v.key()
              + "\",\"near_miss\":" + nearMiss + discretionary);
        }
      }
      topLevel = p.topLevel();
      criterionJson = new byte[topLevel.size()][][];
      for (int i = 0; i < topLevel.size(); i++) {
        String id = JsonWriter.quoted(topLevel.get(i).id());
        criterionJson[i] = new byte[][] {json(id, Outcome.NOT_MET, false), json(id, Outcome.NOT_MET, true),
            json(id, Outcome.UNKNOWN, false), json(id, Outcome.UNKNOWN, true)};
      }
    }

    byte[] head(Verdict v, boolean nearMiss) {
      return heads[v.ordinal() * 2 + (nearMiss ? 1 : 0)];
    }

    /** The criterion's object: written once unless the result does not mirror the permit's criteria. */
    byte[] criterion(int i, CriterionResult c) {
      if (i < topLevel.size() && topLevel.get(i) == c.criterion()) {
        return criterionJson[i][index(c.outcome(), c.decidesNotAlone())];
      }
      return json(JsonWriter.quoted(c.criterion().id()), c.outcome(), c.decidesNotAlone());
    }

    private static int index(Outcome outcome, boolean waivable) {
      return (outcome == Outcome.UNKNOWN ? 2 : 0) + (waivable ? 1 : 0);
    }

    private static byte[] json(String quotedId, Outcome outcome, boolean waivable) {
      return utf8("{\"id\":" + quotedId + ",\"outcome\":\"" + outcome.key() + "\",\"waivable\":" + waivable + "}");
    }
  }
}
