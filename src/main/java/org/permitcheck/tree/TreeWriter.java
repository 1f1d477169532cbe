package org.permitcheck.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a {@link Node} tree as JSON, keeping each scalar's kind: texts as strings, numbers and
 * booleans as such. Used at build time to bundle the rules in a form that loads without a YAML parser.
 */
public final class TreeWriter {
  private TreeWriter() {}

  public static String json(Node root) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
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
