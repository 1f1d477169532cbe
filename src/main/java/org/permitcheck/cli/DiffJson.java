package org.permitcheck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.engine.Change;
import org.permitcheck.engine.Outcome;
import org.permitcheck.engine.PermitResult;
import org.permitcheck.report.ErrorsJson;
import org.permitcheck.rules.Ruleset;

/**
 * The JSON of {@code diff}: one record per changed result ({@code --format ndjson}: one a line), one
 * per case that the rules of only one side refuse (which side, and its errors), one record per case
 * that could not be read (its {@code errors}, as {@code eval} gives them), and the
 * single document of {@code --format json} that holds them all with the counts.
 */
final class DiffJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private DiffJson() {}

  /** A record of {@code changes}: a result that changed, or a case that only one side's rules refuse. */
  sealed interface Difference permits Entry, Rejected {
    String caseId();

    /** The key in {@code transitions}: "undetermined → eligible", "(accepted) → (rejected)". */
    String transition();
  }

  /**
   * A change of one case, with where the case came from and the dates each side evaluated it at (the
   * {@code --as-of} and {@code --to} dates, or the case's own {@code as_of}, or today).
   */
  record Entry(String caseId, String source, LocalDate asOfBefore, LocalDate asOfAfter, Change change)
      implements Difference {
    @Override
    public String transition() {
      return change.transition();
    }
  }

  /**
   * A case that the rules of one side ({@code side}: old or new) refuse while the other side's read
   * it, with the errors that side gives.
   */
  record Rejected(String caseId, String source, String side, List<Diagnostic> errors) implements Difference {
    public Rejected {
      errors = List.copyOf(errors);
    }

    @Override
    public String transition() {
      return side.equals("new") ? "(accepted) → (rejected)" : "(rejected) → (accepted)";
    }
  }

  /** A case that could not be read: its default id, where it came from and its errors. */
  record Failure(String caseId, String source, List<Diagnostic> errors) {}

  /**
   * What the whole document says: the two rulesets with the dates given for each side (null: each
   * case's own {@code as_of}, else today), the counts and every record.
   */
  record Document(Ruleset before, LocalDate asOfBefore, Ruleset after, LocalDate asOfAfter, long cases,
      long unreadable, long changed,
      Map<String, Long> transitions, List<Difference> changes, List<Failure> failures) {}

  /** One line of NDJSON for a change, without its line break. */
  static String record(Difference d, boolean redact) {
    return write(g -> difference(g, d, redact), false);
  }

  /** One line of NDJSON for a case that could not be read, without its line break. */
  static String record(Failure f, boolean redact) {
    return write(g -> failure(g, f, redact), false);
  }

  /** The document of --format json, pretty-printed, without a final line break. */
  static String document(Document d, boolean redact) {
    return write(g -> {
      g.writeStartObject();
      g.writeNumberField("schema_version", 1);
      ruleset(g, "old", d.before(), d.asOfBefore());
      ruleset(g, "new", d.after(), d.asOfAfter());
      g.writeNumberField("cases", d.cases());
      g.writeNumberField("unreadable", d.unreadable());
      g.writeNumberField("changed", d.changed());
      g.writeObjectFieldStart("transitions");
      for (Map.Entry<String, Long> t : d.transitions().entrySet()) {
        g.writeNumberField(t.getKey(), t.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("changes");
      for (Difference c : d.changes()) {
        difference(g, c, redact);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("errors");
      for (Failure f : d.failures()) {
        failure(g, f, redact);
      }
      g.writeEndArray();
      g.writeEndObject();
    }, true);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.setPrettyPrinter(org.permitcheck.report.JsonRenderer.prettyPrinter());
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void difference(JsonGenerator g, Difference d, boolean redact) throws IOException {
    if (d instanceof Rejected) {
      rejected(g, (Rejected) d, redact);
    } else {
      change(g, (Entry) d);
    }
  }

  /** A case that one side's rules refuse: which side, and its errors as {@code eval}'s records have them. */
  private static void rejected(JsonGenerator g, Rejected r, boolean redact) throws IOException {
    g.writeStartObject();
    g.writeStringField("case", r.caseId());
    g.writeStringField("source", r.source());
    g.writeStringField("rejected_by", r.side());
    ErrorsJson.write(g, r.errors(), redact);
    g.writeEndObject();
  }

  private static void change(JsonGenerator g, Entry e) throws IOException {
    Change c = e.change();
    g.writeStartObject();
    g.writeStringField("case", e.caseId());
    g.writeStringField("source", e.source());
    g.writeStringField("permit", c.permit());
    g.writeObjectFieldStart("as_of");
    g.writeStringField("before", e.asOfBefore().toString());
    g.writeStringField("after", e.asOfAfter().toString());
    g.writeEndObject();
    side(g, "before", c.before());
    side(g, "after", c.after());
    g.writeArrayFieldStart("criteria");
    for (Change.CriterionChange cc : c.criteria()) {
      g.writeStartObject();
      g.writeStringField("id", cc.id());
      g.writeStringField("before", key(cc.before()));
      g.writeStringField("after", key(cc.after()));
      g.writeStringField("before_with_discretion", key(cc.beforeWithDiscretion()));
      g.writeStringField("after_with_discretion", key(cc.afterWithDiscretion()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("permit_changes");
    for (String what : c.permitChanges()) {
      g.writeString(what);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A case that could not be read, with its errors as {@code eval}'s records have them. */
  private static void failure(JsonGenerator g, Failure f, boolean redact) throws IOException {
    g.writeStartObject();
    g.writeStringField("case", f.caseId());
    g.writeStringField("source", f.source());
    ErrorsJson.write(g, f.errors(), redact);
    g.writeEndObject();
  }

  private static String key(Outcome o) {
    return o == null ? null : o.key();
  }

  private static void side(JsonGenerator g, String name, PermitResult r) throws IOException {
    if (r == null) {
      g.writeNullField(name);
      return;
    }
    g.writeObjectFieldStart(name);
    g.writeStringField("verdict", r.verdict().key());
    g.writeBooleanField("near_miss", r.nearMiss());
    g.writeStringField("eligible_from", r.eligibleFrom().map(LocalDate::toString).orElse(null));
    g.writeStringField("apply_before", r.applyBefore().map(LocalDate::toString).orElse(null));
    g.writeEndObject();
  }

  private static void ruleset(JsonGenerator g, String name, Ruleset r, LocalDate asOf) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("name", r.name());
    g.writeStringField("version", r.version());
    g.writeStringField("reviewed", r.reviewed().toString());
    g.writeStringField("sha256", r.sha256());
    g.writeStringField("as_of", asOf == null ? null : asOf.toString());
    g.writeEndObject();
  }
}
