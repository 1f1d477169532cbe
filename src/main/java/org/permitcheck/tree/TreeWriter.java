package org.permitcheck.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a {@link Node} tree as JSON, keeping each scalar's kind: texts as strings, numbers and
 * booleans as such. Used at build time to bundle the rules in a form that loads without a YAML parser.
 */
public final class TreeWriter {
  private TreeWriter() {}

  /**
   * The tree as one line of ASCII JSON: other characters are written as {@code \\u} escapes, so that a
   * cold JVM decodes the bundled rules with its ASCII fast path instead of a UTF-8 decoder running
   * in the interpreter (which cost the start-up of a single eval about a tenth of its samples).
   */
  public static String json(Node root) {
    StringWriter out = new StringWriter();
    JsonFactory ascii = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    try (JsonGenerator g = ascii.createGenerator(out)) {
      write(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Node n) throws IOException {
    if (n instanceof MapNode) {
      g.writeStartObject();
      for (MapNode.Entry e : ((MapNode) n).entries()) {
        g.writeFieldName(e.key());
        write(g, e.value());
      }
      g.writeEndObject();
    } else if (n instanceof ListNode) {
      g.writeStartArray();
      for (Node item : ((ListNode) n).items()) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      ScalarNode s = (ScalarNode) n;
      switch (s.type()) {
        case INTEGER:
        case DECIMAL:
          g.writeNumber(s.text());
          break;
        case BOOLEAN:
          String t = s.text().toLowerCase(java.util.Locale.ROOT);
          g.writeBoolean(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
          break;
        case NULL:
          g.writeNull();
          break;
        default:
          g.writeString(s.text());
      }
    }
  }
}
