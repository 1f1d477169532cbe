package org.permitcheck.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.permitcheck.report.JsonRenderer;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;

/**
 * The JSON Schemas (draft 2020-12) of what permitcheck reads and writes: case files (from the
 * ruleset's fact declarations), rules files (from the loader's key lists) and the JSON output (from
 * the renderer's key lists). Editors use them through the YAML language server; tests validate every
 * example, the bundled rules and real output against them.
 */
public final class Schemas {
  public static final List<String> KINDS = List.of("case", "rules", "result");

  private Schemas() {}

  /** The schema of {@code kind} (case, rules or result) as indented JSON, with a final newline. */
  public static String render(String kind, Ruleset rules, Messages m) {
    ObjectNode schema;
    switch (kind) {
      case "case":
        schema = new CaseSchema(rules, m).build();
        break;
      case "rules":
        schema = RulesSchema.build();
        break;
      case "result":
        schema = ResultSchema.build();
        break;
      default:
        throw new IllegalArgumentException("no schema '" + kind + "'");
    }
    try {
      return new ObjectMapper().writer(JsonRenderer.prettyPrinter()).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema is always writable", e);
    }
  }

  /** The file name under which a schema is kept: {@code case.schema.json}. */
  public static String fileName(String kind) {
    return kind + ".schema.json";
  }
}
