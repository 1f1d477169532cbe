package org.permitcheck.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.engine.Verdict;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.DateRange;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/**
 * The JSON result of one case (schema_version 1): keys in a fixed order, texts in the chosen language,
 * dates as ISO strings, unknown values as null. {@code pretty} for {@code --format json}; compact, one
 * object per line, for NDJSON. Written directly as text ({@link JsonWriter}), the compact results of
 * batches from parts written once ({@link CompactResultWriter}). Safe to share between threads.
 */
public final class JsonRenderer {
  public static final int SCHEMA_VERSION = 1;
  /** The keys of one case's record, in order; the JSON Schema ({@code schema result}) uses these lists. */
  public static final List<String> RECORD_KEYS = List.of("schema_version", "case", "source", "as_of",
      "application_date", "language", "ruleset", "results", "errors", "notice");
  public static final List<String> RULESET_KEYS = List.of("name", "version", "reviewed", "sha256");
  public static final List<String> ERROR_KEYS = List.of("severity", "code", "file", "line", "column", "message", "hints");
  /** The keys of a permit's result; the compact form (NDJSON without --explain) has only some. */
  public static final List<String> RESULT_KEYS = List.of("permit", "country", "kind", "title", "legal_basis",
      "source", "in_force", "window", "verdict", "near_miss", "discretionary_decision", "criteria", "missing",
      "eligible_from", "apply_before", "eligible_from_verdict", "eligible_until", "verdict_after_apply_before",
      "missing_after_apply_before", "apply_before_judged_at", "eligible_from_if_requested", "eligible_from_if_requested_verdict", "request_from", "request_by",
      "what_if",
      "next_steps");
  public static final List<String> COMPACT_RESULT_KEYS = List.of("permit", "country", "verdict", "near_miss",
      "discretionary_decision", "criteria", "missing", "eligible_from", "apply_before");
  public static final List<String> CRITERION_KEYS = List.of("id", "outcome", "waivable", "text", "when", "combine",
      "facts", "children");
  public static final List<String> COMPACT_CRITERION_KEYS = List.of("id", "outcome", "waivable");
  public static final List<String> SOURCE_KEYS = List.of("seed", "url");
  public static final List<String> RANGE_KEYS = List.of("from", "until");
  public static final List<String> WHAT_IF_KEYS = List.of("moved", "before");
  public static final List<String> BEFORE_KEYS = List.of("verdict", "near_miss", "eligible_from", "apply_before");
  public static final List<String> NEXT_STEPS_KEYS = List.of("decision", "grants", "apply", "documents", "appeal",
      "advice");
  /** A thread's buffer that grew beyond this many characters is not kept for the next record. */
  private static final int MAX_KEPT_BUFFER = 1 << 20;
  /** The size of a buffer {@link #renderLine} renders records into: a few dozen records. */
  private static final int SHARED_BUFFER = 1 << 18;

  private final Ruleset rules;
  private final OutputOptions options;
  private final boolean pretty;
  private final boolean full;
  private final Messages m;
  /** The notice, already a JSON string: the same in every record. */
  private final String notice;
  /** The ruleset as a compact JSON object, for compact records. */
  private final String rulesetJson;
  private final CompactResultWriter compact;
  /** See {@link #constantFrame()}; made on first use (benign race: every thread makes the same). */
  private volatile byte[][] constantFrame;
  /** By thread, the builder of the last record: it keeps its capacity (a compact record is about 5 KB). */
  private final ThreadLocal<StringBuilder> buffer = ThreadLocal.withInitial(() -> new StringBuilder(16_384));
  /** By thread, the buffer {@link #renderLine} renders compact records into, one after another. */
  private final ThreadLocal<Bytes> sharedBuffer = ThreadLocal.withInitial(() -> new Bytes(SHARED_BUFFER));

  /**
   * @param pretty indented over several lines ({@code --format json}) or one line (NDJSON)
   * @param full every detail of each permit (titles, texts, facts read, the criteria tree, next
   *     steps); otherwise the compact form for batches: verdicts, top-level criteria ids and
   *     outcomes, missing facts and dates
   */
  public JsonRenderer(Ruleset rules, OutputOptions options, boolean pretty, boolean full) {
    this.rules = rules;
    this.options = options;
    this.pretty = pretty;
    this.full = full;
    this.m = new Messages(options.language());
    this.notice = JsonWriter.quoted(m.get("notice", rules.name() + " " + rules.version(),
        rules.reviewed().toString()));
    StringBuilder ruleset = new StringBuilder();
    writeRuleset(new JsonWriter(ruleset, false));
    this.rulesetJson = ruleset.toString();
    this.compact = new CompactResultWriter();
  }

  public String render(Evaluation e, List<Diagnostic> notes) {
    if (isCompact(e)) {
      Utf8Slice line = renderLine(e, notes);
      return new String(line.bytes(), line.offset(), line.length() - 1, StandardCharsets.UTF_8);
    }
    return fullText(e, notes, "");
  }

  /**
   * The record that {@link #render} returns, with a line break, as UTF-8: a line of NDJSON. A compact
   * record is put together as bytes: its frame (case, dates, ruleset, errors, notice) is written as
   * text and encoded, its results are copied from parts encoded once ({@link CompactResultWriter}).
   * It is left where it was rendered, in a buffer this thread renders its next records after without
   * ever writing its bytes again: a batch's worker renders records so, and the thread that writes them
   * out writes them from there, without copying them first.
   */
  public Utf8Slice renderLine(Evaluation e, List<Diagnostic> notes) {
    if (!isCompact(e)) {
      return Utf8Slice.of(fullText(e, notes, "\n").getBytes(StandardCharsets.UTF_8));
    }
    Bytes bytes = sharedBuffer.get();
    bytes.startRecord();
    writeCompact(e, notes, bytes);
    Utf8Slice line = bytes.record();
    if (bytes.capacity() > MAX_KEPT_BUFFER) {
      sharedBuffer.remove();
    }
    return line;
  }

  /** Appends a compact record to {@code bytes}. */
  private void writeCompact(Evaluation e, List<Diagnostic> notes, Bytes bytes) {
    StringBuilder out = buffer.get();
    out.setLength(0);
    JsonWriter w = new JsonWriter(out, false);
    byte[] end;
    if (notes.isEmpty()) {
      // the frame after the case's own part is the same in every record without notes
      byte[][] constant = constantFrame();
      openCase(w, e);
      bytes.appendText(out).append(constant[0]);
      end = constant[1];
    } else {
      int results = frame(w, e, notes);
      bytes.appendText(out.substring(0, results));
      end = (out.substring(results) + "\n").getBytes(StandardCharsets.UTF_8);
    }
    boolean first = true;
    for (PermitResult r : e.results()) {
      if (!first) {
        bytes.append(',');
      }
      compact.write(bytes, r);
      first = false;
    }
    bytes.append(end);
    keepOrDrop(out);
  }

  /**
   * The parts of a compact record without notes that are the same in every record, as UTF-8: from
   * its language to the start of its results, and from the end of its results to the line break.
   */
  private byte[][] constantFrame() {
    byte[][] parts = constantFrame;
    if (parts == null) {
      StringBuilder out = new StringBuilder();
      JsonWriter w = new JsonWriter(out, false);
      openCase(w, "", "", LocalDate.EPOCH, LocalDate.EPOCH);
      int middle = out.length();
      openRest(w);
      int results = out.length();
      close(w, List.of());
      parts = new byte[][] {out.substring(middle, results).getBytes(StandardCharsets.UTF_8),
          (out.substring(results) + "\n").getBytes(StandardCharsets.UTF_8)};
      constantFrame = parts;
    }
    return parts;
  }

  /** The record in its full form followed by {@code end}, written in this thread's buffer. */
  private String fullText(Evaluation e, List<Diagnostic> notes, String end) {
    StringBuilder out = buffer.get();
    out.setLength(0);
    append(out, e, notes);
    String record = out.append(end).toString();
    keepOrDrop(out);
    return record;
  }

  /** Drops this thread's text buffer if a record made it grow beyond what is worth keeping. */
  private void keepOrDrop(StringBuilder out) {
    if (out.capacity() > MAX_KEPT_BUFFER) {
      buffer.remove();
    }
  }

  /** Whether a record's results take the compact form: NDJSON without --explain, not a what-if. */
  private boolean isCompact(Evaluation e) {
    return !pretty && !full && !e.isWhatIf();
  }

  /**
   * Writes a compact record without its results and returns where in the text they go (just inside
   * the results array).
   */
  private int frame(JsonWriter w, Evaluation e, List<Diagnostic> notes) {
    open(w, e);
    int results = w.rawValue().length();
    close(w, notes);
    return results;
  }

  /** A record up to its results: {@code {"schema_version":1,...,"results":[}. */
  private void open(JsonWriter w, Evaluation e) {
    openCase(w, e);
    openRest(w);
  }

  /** The start of a record up to what is the same in every record: its case and dates. */
  private void openCase(JsonWriter w, Evaluation e) {
    openCase(w, e.subject().id(), e.subject().source(), e.asOf(), e.applicationDate());
  }

  private void openCase(JsonWriter w, String caseId, String source, LocalDate asOf, LocalDate applicationDate) {
    w.beginObject();
    head(w, caseId, source);
    w.name("as_of").date(asOf);
    w.name("application_date").date(applicationDate);
  }

  /** The rest of a record's start, after {@link #openCase}: language, ruleset, the results' start. */
  private void openRest(JsonWriter w) {
    w.name("language").string(m.language());
    ruleset(w);
    w.name("results").beginArray();
  }

  /** A record after its results: {@code ],"errors":[...],"notice":"..."}}. */
  private void close(JsonWriter w, List<Diagnostic> notes) {
    w.endArray();
    errors(w, notes);
    w.name("notice").rawValue().append(notice);
    w.endObject();
  }

  /**
   * Appends the record that {@link #render} returns to {@code out}, without a line break: a batch can
   * collect many records in one builder.
   */
  public void append(StringBuilder out, Evaluation e, List<Diagnostic> notes) {
    if (isCompact(e)) {
      out.append(render(e, notes));
      return;
    }
    JsonWriter w = new JsonWriter(out, pretty);
    open(w, e);
    for (PermitResult r : e.results()) {
      result(w, r, e);
    }
    close(w, notes);
  }

  /** The record for a case that could not be read: no results, its errors. */
  public String renderFailure(String caseId, String source, List<Diagnostic> errors) {
    StringBuilder out = new StringBuilder(4_096);
    JsonWriter w = new JsonWriter(out, pretty);
    w.beginObject();
    head(w, caseId, source);
    w.name("as_of").nullValue();
    w.name("application_date").nullValue();
    w.name("language").string(m.language());
    ruleset(w);
    w.name("results").beginArray().endArray();
    errors(w, errors);
    w.name("notice").rawValue().append(notice);
    w.endObject();
    return out.toString();
  }

  /**
   * Jackson's pretty printer with the layout of pretty records ({@link JsonWriter} writes the same), for
   * the other JSON the program prints with Jackson (schemas, diff).
   */
  public static DefaultPrettyPrinter prettyPrinter() {
    Separators s = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter p = new DefaultPrettyPrinter(s);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    p.indentObjectsWith(indenter);
    p.indentArraysWith(indenter);
    return p;
  }

  private void head(JsonWriter w, String caseId, String source) {
    w.name("schema_version").number(SCHEMA_VERSION);
    w.name("case").string(caseId);
    w.name("source").string(source);
  }

  private void ruleset(JsonWriter w) {
    w.name("ruleset");
    if (pretty) {
      writeRuleset(w);
    } else {
      w.rawValue().append(rulesetJson);
    }
  }

  private void writeRuleset(JsonWriter w) {
    w.beginObject();
    w.name("name").string(rules.name());
    w.name("version").string(rules.version());
    w.name("reviewed").string(rules.reviewed().toString());
    w.name("sha256").string(rules.sha256());
    w.endObject();
  }

  /** The errors of a case; with --redact, their messages without the values they quote. */
  private void errors(JsonWriter w, List<Diagnostic> diagnostics) {
    w.name("errors").beginArray();
    for (Diagnostic said : diagnostics) {
      Diagnostic d = org.permitcheck.diag.Translation.of(m.language()).translate(said);
      w.beginObject();
      w.name("severity").string(d.severity().label());
      w.name("code").string(d.code());
      w.name("file").string(d.file());
      w.name("line").number(d.line());
      w.name("column").number(d.column());
      w.name("message").string(options.redact() ? d.withoutValues() : d.message());
      w.name("hints").beginArray();
      (options.redact() ? d.hintsWithoutValues() : d.hints()).forEach(w::string);
      w.endArray().endObject();
    }
    w.endArray();
  }

  private void result(JsonWriter w, PermitResult r, Evaluation e) {
    Permit p = r.permit();
    w.beginObject();
    w.name("permit").string(p.id());
    w.name("country").string(p.country());
    if (full) {
      w.name("kind").string(p.kind());
      w.name("title").string(m.text(p.title()));
      w.name("legal_basis").string(m.citation(p.legalBasis()));
      w.name("source").beginObject();
      w.name("seed").string(p.source().seed());
      w.name("url").string(p.source().url());
      w.endObject();
      range(w, "in_force", p.inForce());
      range(w, "window", p.window());
    }
    w.name("verdict").string(r.verdict().key());
    w.name("near_miss").bool(r.nearMiss());
    w.name("discretionary_decision").bool(!p.discretionary().isEmpty());
    w.name("criteria").beginArray();
    for (CriterionResult c : r.topLevel()) {
      if (full) {
        criterion(w, c);
      } else if (c.outcome() == Outcome.NOT_MET || c.outcome() == Outcome.UNKNOWN) {
        // compact records name only what stands in the way: the criteria not met or unknown
        w.beginObject();
        w.name("id").string(c.criterion().id());
        w.name("outcome").string(c.outcome().key());
        w.name("waivable").bool(c.decidesNotAlone());
        w.endObject();
      }
    }
    w.endArray();
    w.name("missing").beginArray();
    r.missing().forEach(w::string);
    w.endArray();
    w.name("eligible_from").date(r.eligibleFrom());
    w.name("apply_before").date(r.applyBefore());
    if (full) {
      // what the timeline sentences say beside the two dates: whether the permit opens only at the
      // authority's discretion, and the last day it stays fully eligible before that
      w.name("eligible_from_verdict").string(r.eligibleFrom().isEmpty() ? null
          : (r.fromDiscretionary() ? Verdict.DISCRETIONARY : Verdict.ELIGIBLE).key());
      w.name("eligible_until").date(r.eligibleUntil());
      w.name("verdict_after_apply_before").string(r.afterApplyBefore().map(Verdict::key).orElse(null));
      w.name("missing_after_apply_before").beginArray();
      r.missingAfterApplyBefore().forEach(w::string);
      w.endArray();
      w.name("apply_before_judged_at").string(Explanation.judgedAt(r, e));
      w.name("eligible_from_if_requested").date(r.eligibleFromIfRequested());
      w.name("eligible_from_if_requested_verdict").string(r.eligibleFromIfRequested().isEmpty() ? null
          : (r.ifRequestedDiscretionary() ? Verdict.DISCRETIONARY : Verdict.ELIGIBLE).key());
      w.name("request_from").date(r.requestFrom());
      w.name("request_by").date(r.requestBy());
    }
    if (e.isWhatIf()) {
      whatIf(w, r, e);
    }
    if (full) {
      nextSteps(w, p);
    }
    w.endObject();
  }

  private static void whatIf(JsonWriter w, PermitResult r, Evaluation e) {
    PermitResult b = e.before().get(r.permit().id());
    w.name("what_if").beginObject();
    w.name("moved").bool(e.movedFrom(r).isPresent());
    w.name("before").beginObject();
    w.name("verdict").string(b == null ? null : b.verdict().key());
    w.name("near_miss").bool(b != null && b.nearMiss());
    w.name("eligible_from").date(b == null ? Optional.empty() : b.eligibleFrom());
    w.name("apply_before").date(b == null ? Optional.empty() : b.applyBefore());
    w.endObject().endObject();
  }

  private void nextSteps(JsonWriter w, Permit p) {
    w.name("next_steps").beginObject();
    text(w, "decision", p.discretionary());
    text(w, "grants", p.grants());
    text(w, "apply", p.apply());
    w.name("documents").beginArray();
    for (Text d : p.documents()) {
      w.string(m.text(d));
    }
    w.endArray();
    text(w, "appeal", p.appeal());
    w.name("advice").beginArray();
    for (Text a : rules.country(p.country()).map(c -> c.advice()).orElse(List.of())) {
      w.string(m.text(a));
    }
    w.endArray().endObject();
  }

  private void criterion(JsonWriter w, CriterionResult c) {
    Criterion crit = c.criterion();
    w.beginObject();
    w.name("id").string(crit.id());
    w.name("outcome").string(c.outcome().key());
    w.name("waivable").bool(c.decidesNotAlone());
    w.name("text").string(m.text(crit.text()));
    if (crit instanceof Criterion.Leaf) {
      w.name("when").string(((Criterion.Leaf) crit).when().source().strip());
    } else {
      w.name("combine").string(((Criterion.Group) crit).op().name().toLowerCase(Locale.ROOT));
    }
    w.name("facts").beginObject();
    for (Map.Entry<String, Object> f : c.facts().entrySet()) {
      w.name(f.getKey());
      if (options.redact() && f.getValue() != null) {
        w.string(m.get("value.redacted"));
      } else {
        w.value(f.getValue());
      }
    }
    w.endObject();
    w.name("children").beginArray();
    for (CriterionResult child : c.children()) {
      criterion(w, child);
    }
    w.endArray().endObject();
  }

  private static void range(JsonWriter w, String name, DateRange r) {
    w.name(name).beginObject();
    w.name("from").date(r.from());
    w.name("until").date(r.until());
    w.endObject();
  }

  private void text(JsonWriter w, String name, Text t) {
    w.name(name).string(t.isEmpty() ? null : m.text(t));
  }
}
