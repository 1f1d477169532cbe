package org.permitcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.expr.Periods;

/** The writer writes what Jackson's generator writes: the same escapes, numbers and layout. */
class JsonWriterTest {
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static String jackson(boolean pretty, Body body) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      if (pretty) {
        g.setPrettyPrinter(JsonRenderer.prettyPrinter());
      }
      body.write(g);
    }
    return out.toString();
  }

  @Test
  void escapesEveryCharacterAsJacksonDoes() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      all.append(c);
    }
    all.append(Character.MAX_VALUE).append("\ud83d\ude00 a lone \udc00 and \ud800");
    String s = all.toString();

    assertThat(JsonWriter.quoted(s)).isEqualTo(jackson(false, g -> g.writeString(s)));
  }

  @Test
  void escapesControlCharactersLikeJackson() {
    assertThat(JsonWriter.quoted("\"\\\b\t\n\f\r\u0000\u001b\u001f\u007f/é"))
        .isEqualTo("\"\\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u001B\\u001F\u007f/é\"");
  }

  @Test
  void writesDatesAsLocalDateDoes() {
    for (LocalDate d : List.of(LocalDate.of(2026, 1, 9), LocalDate.of(1999, 12, 31), LocalDate.of(1000, 1, 1),
        LocalDate.of(999, 5, 6), LocalDate.of(0, 1, 1), LocalDate.of(-44, 3, 15), LocalDate.of(9999, 12, 31),
        LocalDate.of(10_000, 1, 1), LocalDate.MIN, LocalDate.MAX)) {
      StringBuilder out = new StringBuilder();
      JsonWriter.appendDate(out, d);
      assertThat(out).hasToString("\"" + d + "\"");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void writesFactValuesAsJacksonDoes(boolean pretty) throws IOException {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("description", "a \"quoted\"\tline\nand \\ more \u0001 ü 😀");
    item.put("ke\"y\n", null);
    item.put("empty_list", List.of());
    item.put("empty_map", Map.of());
    item.put("amount", new BigDecimal("1E+3"));
    item.put("small", new BigDecimal("0.0000001"));
    item.put("plain", new BigDecimal("1234.50"));
    item.put("count", Long.MIN_VALUE);
    item.put("yes", true);
    item.put("since", LocalDate.of(2012, 3, 4));
    item.put("period", new Periods.Period("duldung", LocalDate.of(2012, 3, 4), LocalDate.of(2013, 1, 1)));
    List<Object> nested = new ArrayList<>();
    nested.add(item);
    nested.add(null);
    nested.add(List.of(List.of(), List.of(Map.of("x", 1L))));
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("items", nested);
    value.put("none", Map.of());

    StringBuilder out = new StringBuilder();
    new JsonWriter(out, pretty).value(value);

    assertThat(out.toString()).isEqualTo(jackson(pretty, g -> ReferenceJsonRenderer.value(g, value)));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void laysOutEmptyAndNestedContainersAsJacksonDoes(boolean pretty) throws IOException {
    StringBuilder out = new StringBuilder();
    JsonWriter w = new JsonWriter(out, pretty);
    w.beginArray().beginObject().endObject().beginArray().endArray();
    w.beginObject().name("a").beginArray().beginArray().beginObject().name("b").nullValue().endObject().endArray()
        .endArray().name("c").number(-1).endObject();
    for (int depth = 0; depth < 20; depth++) {
      w.beginArray();
    }
    w.string("deep");
    for (int depth = 0; depth < 20; depth++) {
      w.endArray();
    }
    w.endArray();

    assertThat(out.toString()).isEqualTo(jackson(pretty, g -> {
      g.writeStartArray();
      g.writeStartObject();
      g.writeEndObject();
      g.writeStartArray();
      g.writeEndArray();
      g.writeStartObject();
      g.writeArrayFieldStart("a");
      g.writeStartArray();
      g.writeStartObject();
      g.writeNullField("b");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndArray();
      g.writeNumberField("c", -1);
      g.writeEndObject();
      for (int depth = 0; depth < 20; depth++) {
        g.writeStartArray();
      }
      g.writeString("deep");
      for (int depth = 0; depth < 20; depth++) {
        g.writeEndArray();
      }
      g.writeEndArray();
    }));
  }
}
