package org.permitcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.permitcheck.diag.Diagnostic;

/**
 * The {@code errors} of a record, as {@link JsonRenderer} writes them, for JSON written with Jackson
 * (the records of {@code diff}).
 */
public final class ErrorsJson {
  private ErrorsJson() {}

  /**
   * Writes the field {@code errors}: one object per diagnostic, with its position, message and hints;
   * with {@code redact}, the messages without the values they quote.
   */
  public static void write(JsonGenerator g, List<Diagnostic> diagnostics, boolean redact) throws IOException {
    g.writeArrayFieldStart("errors");
    for (Diagnostic d : diagnostics) {
      g.writeStartObject();
      g.writeStringField("severity", d.severity().label());
      g.writeStringField("code", d.code());
      g.writeStringField("file", d.file());
      g.writeNumberField("line", d.line());
      g.writeNumberField("column", d.column());
      g.writeStringField("message", redact ? d.withoutValues() : d.message());
      g.writeArrayFieldStart("hints");
      for (String h : redact ? d.hintsWithoutValues() : d.hints()) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
