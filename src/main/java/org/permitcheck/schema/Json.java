package org.permitcheck.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** Small builders for JSON Schema nodes. */
final class Json {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private Json() {}

  static ObjectNode object() {
    return F.objectNode();
  }

  static ObjectNode type(String type) {
    return object().put("type", type);
  }

  static ObjectNode nullable(String type) {
    ObjectNode n = object();
    n.putArray("type").add(type).add("null");
    return n;
  }

  static ObjectNode date() {
    return type("string").put("format", "date").put("pattern", DATE_PATTERN);
  }

  static ObjectNode nullableDate() {
    return nullable("string").put("format", "date").put("pattern", DATE_PATTERN);
  }

  static ObjectNode enumOf(Collection<String> values) {
    ObjectNode n = object();
    ArrayNode a = n.putArray("enum");
    values.forEach(a::add);
    return n;
  }

  static ObjectNode ref(String def) {
    return object().put("$ref", "#/$defs/" + def);
  }

  static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode n = type("array");
    n.set("items", items);
    return n;
  }

  /** An object with exactly these properties (no others), of which {@code required} must be there. */
  static ObjectNode closed(ObjectNode properties, Collection<String> required) {
    ObjectNode n = type("object");
    n.set("properties", properties);
    if (!required.isEmpty()) {
      ArrayNode r = n.putArray("required");
      required.forEach(r::add);
    }
    n.put("additionalProperties", false);
    return n;
  }

  static ObjectNode anyOf(ObjectNode... options) {
    ObjectNode n = object();
    ArrayNode a = n.putArray("anyOf");
    for (ObjectNode o : options) {
      a.add(o);
    }
    return n;
  }
}
