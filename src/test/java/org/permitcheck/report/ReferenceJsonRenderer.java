package org.permitcheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.CriterionResult;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.DateRange;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.Text;

/**
 * The JSON renderer as it was before {@link JsonRenderer} wrote its text itself: Jackson's generator,
 * kept unchanged as the oracle that the new renderer must match byte for byte.
 */
final class ReferenceJsonRenderer {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Ruleset rules;
  private final OutputOptions options;
  private final boolean pretty;
  private final boolean full;
  private final Messages m;
  private final String notice;
  private final String rulesetJson;

  /**
   * @param pretty indented over several lines ({@code --format json}) or one line (NDJSON)
   * @param full every detail of each permit (titles, texts, facts read, the criteria tree, next
   *     steps); otherwise the compact form for batches: verdicts, top-level criteria ids and
   *     outcomes, missing facts and dates
   */
  ReferenceJsonRenderer(Ruleset rules, OutputOptions options, boolean pretty, boolean full) {
    this.rules = rules;
    this.options = options;
    this.pretty = pretty;
    this.full = full;
    this.m = new Messages(options.language());
    this.notice = m.get("notice", rules.name() + " " + rules.version(), rules.reviewed().toString());
    this.rulesetJson = pretty ? "" : compactRuleset();
  }

  /** The ruleset object, the same in every record: rendered once for compact output. */
  private String compactRuleset() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writeRuleset(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  String render(Evaluation e, List<Diagnostic> notes) {
    return write(g -> {
      g.writeStartObject();
      head(g, e.subject().id(), e.subject().source());
      g.writeStringField("as_of", e.asOf().toString());
      g.writeStringField("application_date", e.applicationDate().toString());
      g.writeStringField("language", m.language());
      ruleset(g);
      g.writeArrayFieldStart("results");
      for (PermitResult r : e.results()) {
        result(g, r, e);
      }
      g.writeEndArray();
      errors(g, notes);
      g.writeStringField("notice", notice());
      g.writeEndObject();
    });
  }

  /** The record for a case that could not be read: no results, its errors. */
  String renderFailure(String caseId, String source, List<Diagnostic> errors) {
    return write(g -> {
      g.writeStartObject();
      head(g, caseId, source);
      g.writeNullField("as_of");
      g.writeNullField("application_date");
      g.writeStringField("language", m.language());
      ruleset(g);
      g.writeArrayFieldStart("results");
      g.writeEndArray();
      errors(g, errors);
      g.writeStringField("notice", notice());
      g.writeEndObject();
    });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.setPrettyPrinter(JsonRenderer.prettyPrinter());
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void head(JsonGenerator g, String caseId, String source) throws IOException {
    g.writeNumberField("schema_version", JsonRenderer.SCHEMA_VERSION);
    g.writeStringField("case", caseId);
    g.writeStringField("source", source);
  }

  private void ruleset(JsonGenerator g) throws IOException {
    g.writeFieldName("ruleset");
    if (pretty) {
      writeRuleset(g);
    } else {
      g.writeRawValue(rulesetJson);
    }
  }

  private void writeRuleset(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", rules.name());
    g.writeStringField("version", rules.version());
    g.writeStringField("reviewed", rules.reviewed().toString());
    g.writeStringField("sha256", rules.sha256());
    g.writeEndObject();
  }

  private String notice() {
    return notice;
  }

  private void errors(JsonGenerator g, List<Diagnostic> diagnostics) throws IOException {
    ErrorsJson.write(g, diagnostics, false);
  }

  private void result(JsonGenerator g, PermitResult r, Evaluation e) throws IOException {
    Permit p = r.permit();
    g.writeStartObject();
    g.writeStringField("permit", p.id());
    g.writeStringField("country", p.country());
    if (full) {
      g.writeStringField("kind", p.kind());
      g.writeStringField("title", m.text(p.title()));
      g.writeStringField("legal_basis", m.citation(p.legalBasis()));
      g.writeObjectFieldStart("source");
      g.writeStringField("seed", p.source().seed());
      g.writeStringField("url", p.source().url());
      g.writeEndObject();
      range(g, "in_force", p.inForce());
      range(g, "window", p.window());
    }
    g.writeStringField("verdict", r.verdict().key());
    g.writeBooleanField("near_miss", r.nearMiss());
    g.writeBooleanField("discretionary_decision", !p.discretionary().isEmpty());
    g.writeArrayFieldStart("criteria");
    for (CriterionResult c : r.topLevel()) {
      if (full) {
        criterion(g, c);
      } else if (c.outcome() == Outcome.NOT_MET || c.outcome() == Outcome.UNKNOWN) {
        // compact records name only what stands in the way: the criteria not met or unknown
        g.writeStartObject();
        g.writeStringField("id", c.criterion().id());
        g.writeStringField("outcome", c.outcome().key());
        g.writeBooleanField("waivable", c.decidesNotAlone());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("missing");
    for (String f : r.missing()) {
      g.writeString(f);
    }
    g.writeEndArray();
    date(g, "eligible_from", r.eligibleFrom());
    date(g, "apply_before", r.applyBefore());
    if (full) {
      g.writeStringField("eligible_from_verdict", r.eligibleFrom().isEmpty() ? null
          : r.fromDiscretionary() ? "discretionary" : "eligible");
      date(g, "eligible_until", r.eligibleUntil());
      g.writeStringField("verdict_after_apply_before", r.afterApplyBefore().map(v -> v.key()).orElse(null));
      g.writeArrayFieldStart("missing_after_apply_before");
      for (String f : r.missingAfterApplyBefore()) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeStringField("apply_before_judged_at", r.applyBefore().isEmpty() || e.subject().applicationDate().isPresent()
          || r.afterApplyBefore().orElse(null) == org.permitcheck.engine.Verdict.NOT_IN_FORCE
          || !p.grantedOnRequest() || r.applyBeforeJudgedAt().isEmpty() ? null
          : r.applyBeforeJudgedAt());
      date(g, "eligible_from_if_requested", r.eligibleFromIfRequested());
      g.writeStringField("eligible_from_if_requested_verdict", r.eligibleFromIfRequested().isEmpty() ? null
          : r.ifRequestedDiscretionary() ? "discretionary" : "eligible");
      date(g, "request_from", r.requestFrom());
      date(g, "request_by", r.requestBy());
    }
    if (e.isWhatIf()) {
      PermitResult b = e.before().get(p.id());
      g.writeObjectFieldStart("what_if");
      g.writeBooleanField("moved", e.movedFrom(r).isPresent());
      g.writeObjectFieldStart("before");
      g.writeStringField("verdict", b == null ? null : b.verdict().key());
      g.writeBooleanField("near_miss", b != null && b.nearMiss());
      date(g, "eligible_from", b == null ? Optional.empty() : b.eligibleFrom());
      date(g, "apply_before", b == null ? Optional.empty() : b.applyBefore());
      g.writeEndObject();
      g.writeEndObject();
    }
    if (full) {
      g.writeObjectFieldStart("next_steps");
      text(g, "decision", p.discretionary());
      text(g, "grants", p.grants());
      text(g, "apply", p.apply());
      g.writeArrayFieldStart("documents");
      for (Text d : p.documents()) {
        g.writeString(m.text(d));
      }
      g.writeEndArray();
      text(g, "appeal", p.appeal());
      g.writeArrayFieldStart("advice");
      for (Text a : rules.country(p.country()).map(c -> c.advice()).orElse(List.of())) {
        g.writeString(m.text(a));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void criterion(JsonGenerator g, CriterionResult c) throws IOException {
    Criterion crit = c.criterion();
    g.writeStartObject();
    g.writeStringField("id", crit.id());
    g.writeStringField("outcome", c.outcome().key());
    g.writeBooleanField("waivable", c.decidesNotAlone());
    g.writeStringField("text", m.text(crit.text()));
    if (crit instanceof Criterion.Leaf) {
      g.writeStringField("when", ((Criterion.Leaf) crit).when().source().strip());
    } else {
      g.writeStringField("combine", ((Criterion.Group) crit).op().name().toLowerCase(java.util.Locale.ROOT));
    }
    g.writeObjectFieldStart("facts");
    for (Map.Entry<String, Object> f : c.facts().entrySet()) {
      g.writeFieldName(f.getKey());
      if (options.redact() && f.getValue() != null) {
        g.writeString(m.get("value.redacted"));
      } else {
        value(g, f.getValue());
      }
    }
    g.writeEndObject();
    g.writeArrayFieldStart("children");
    for (CriterionResult child : c.children()) {
      criterion(g, child);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof Long) {
      g.writeNumber((Long) v);
    } else if (v instanceof BigDecimal) {
      g.writeNumber((BigDecimal) v);
    } else if (v instanceof List) {
      g.writeStartArray();
      for (Object item : (List<?>) v) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(e.getKey().toString());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }

  private static void range(JsonGenerator g, String name, DateRange r) throws IOException {
    g.writeObjectFieldStart(name);
    date(g, "from", r.from());
    date(g, "until", r.until());
    g.writeEndObject();
  }

  private static void date(JsonGenerator g, String name, Optional<LocalDate> d) throws IOException {
    if (d.isPresent()) {
      g.writeStringField(name, d.get().toString());
    } else {
      g.writeNullField(name);
    }
  }

  private void text(JsonGenerator g, String name, Text t) throws IOException {
    if (t.isEmpty()) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, m.text(t));
    }
  }
}
