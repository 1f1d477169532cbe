package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.bench.Generate;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.TreeReader;

/**
 * The NDJSON fast path must never differ from the full reader: it yields the very same case, or
 * nothing (and the full reader then explains). Checked on generated cases of the real rules and on
 * thousands of mutations of them.
 */
class JsonCaseReaderTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static Ruleset rules;
  static JsonCaseReader fast;
  static CaseReader full;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value().get();
    fast = new JsonCaseReader(rules, TODAY, null);
    full = new CaseReader(rules, TODAY);
  }

  static Checked<Case> slow(String line) {
    SourceText source = new SourceText("in.ndjson", line, 7);
    TreeReader.Result parsed = TreeReader.forName("x.json", Limits.CASE).read(source);
    if (!parsed.ok()) {
      return Checked.failed(parsed.diagnostics());
    }
    return full.read(source, parsed.root().get(), "in.ndjson:7");
  }

  static Case quick(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return fast.read(b, 0, b.length, "in.ndjson", "in.ndjson:7");
  }

  /** The fast path gave nothing, or exactly what the full reader gives without a word. */
  static boolean agrees(String line) {
    Case c = quick(line);
    if (c == null) {
      return false;
    }
    Checked<Case> s = slow(line);
    assertThat(s.diagnostics()).as(line).isEmpty();
    assertThat(c).as(line).isEqualTo(s.value().get());
    assertThat(bySlot(c)).as(line).isEqualTo(bySlot(s.value().get()));
    assertThat(c.facts().keySet()).as(line).containsExactlyElementsOf(s.value().get().facts().keySet());
    return true;
  }

  /** The facts by slot as an evaluation gets them: from the reader's array if it made one. */
  static List<Object> bySlot(Case c) {
    return bySlot(c, rules);
  }

  /** As above, for the symbols of the given rules. */
  static List<Object> bySlot(Case c, Ruleset rules) {
    Object[] placed = c.factsBySlot(rules.symbols());
    List<Object> out = new ArrayList<>();
    for (int slot = 0; slot < rules.symbols().factCount(); slot++) {
      out.add(placed != null ? placed[slot] : c.facts().get(rules.symbols().all().get(slot).name()));
    }
    return out;
  }

  @Test
  void placesTheFactsOfACaseByTheSlotsOfTheRulesSymbols() {
    Case c = quick(Generate.json(rules, new Random(5), 0));
    assertThat(c.factsBySlot(rules.symbols())).hasSize(rules.symbols().factCount());
    assertThat(c.factsBySlot(new org.permitcheck.expr.Symbols.Builder().build())).isNull();
    assertThat(slow(Generate.json(rules, new Random(5), 0)).value().get().factsBySlot(rules.symbols())).isNull();
  }

  @Test
  void readsEveryGeneratedCaseOnTheFastPathExactlyAsTheFullReaderDoes() {
    Random r = new Random(1);
    for (int i = 0; i < 2000; i++) {
      String line = Generate.json(rules, r, i);
      assertThat(agrees(line)).as(line).isTrue();
    }
  }

  @Test
  void readLineGivesTheSameResultWithEitherPath() {
    String line = Generate.json(rules, new Random(3), 0);
    Checked<Case> c = full.readLine(line.getBytes(StandardCharsets.UTF_8), "in.ndjson", 7);
    assertThat(c.diagnostics()).isEmpty();
    assertThat(c.value()).isEqualTo(slow(line).value());

    Checked<Case> bad = full.readLine("{\"facts\": {\"convicted\": \"maybe\"}}".getBytes(StandardCharsets.UTF_8),
        "in.ndjson", 7);
    assertThat(bad.hasErrors()).isTrue();
    assertThat(bad.errors().get(0).line()).isEqualTo(7);
    assertThat(bad.errors().get(0).message()).contains("convicted");
  }

  @Test
  void readsAWholeJsonFileExactlyAsTheFullReaderDoes() throws IOException {
    Random r = new Random(9);
    for (int i = 0; i < 300; i++) {
      String line = Generate.json(rules, r, i);
      // pretty-printed over many lines, compact, and with an error (an unknown fact, a wrong value)
      String text = switch (i % 3) {
        case 0 -> MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(line)) + "\n";
        case 1 -> line;
        default -> line.replaceFirst("\"facts\":\\{", "\"facts\":{\"no_such_fact\":1,")
            .replace("true", "\"maybe\"");
      };
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      SourceText source = SourceText.ofUtf8("dir/case-" + i + ".json", bytes);
      Checked<Case> viaBytes = full.read(source, bytes);
      Checked<Case> viaText = full.read(source);
      assertThat(viaBytes.value()).as(text).isEqualTo(viaText.value());
      assertThat(viaBytes.diagnostics()).as(text).isEqualTo(viaText.diagnostics());
      assertThat(viaBytes.hasErrors()).isEqualTo(i % 3 == 2);
      if (i % 3 != 2) {
        // the fast path took it: the id is the file's name, as the full reader gives it
        assertThat(fast.read(bytes, 0, bytes.length, source.name(), "case-" + i)).isNotNull();
      }
    }
  }

  @Test
  void readsALineWithAByteOrderMarkAsOneWithout() {
    String line = Generate.json(rules, new Random(3), 0);
    byte[] bom = ("\ufeff" + line).getBytes(StandardCharsets.UTF_8);

    assertThat(fast.read(bom, 0, bom.length, "in.ndjson", "in.ndjson:7")).isEqualTo(quick(line));
    Checked<Case> bad = full.readLine("\ufeff{\"facts\": {\"convicted\": \"maybe\"}}".getBytes(StandardCharsets.UTF_8),
        "in.ndjson", 7);
    assertThat(bad.errors()).hasSize(1);
    assertThat(bad.errors().get(0).message()).contains("convicted");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"facts\": {\"convicted\": \"perhaps\"}}",
      "{\"facts\": {\"convicted\": 1}}",
      "{\"facts\": {\"convicted\": false, \"convicted\": true}}",
      "{\"facts\": {\"convicted\": null, \"convicted\": true}}",
      "{\"facts\": {\"convicted\": false, \"convicted\": null}}",
      "{\"facts\": {\"convicted\": null, \"convicted\": null}}",
      "{\"facts\": {\"convicted\": false}, \"facts\": {}}",
      "{\"facts\": {\"convictd\": false}}",
      "{\"facts\": {\"date_of_birth\": \"2030-01-01\"}}",
      "{\"facts\": {\"date_of_birth\": \"2001-02-29\"}}",
      "{\"facts\": {\"date_of_birth\": \"1.1.2001\"}}",
      "{\"facts\": {\"date_of_birth\": 20010101}}",
      "{\"facts\": {\"date_of_birth\": \"1900-02-29\"}}",
      "{\"facts\": {\"date_of_birth\": \"2001-04-31\"}}",
      "{\"facts\": {\"date_of_birth\": \"2001-04-00\"}}",
      "{\"facts\": {\"de_weekly_hours\": 169}}",
      "{\"facts\": {\"de_weekly_hours\": -1}}",
      "{\"facts\": {\"de_weekly_hours\": 1.5}}",
      "{\"facts\": {\"de_60b_months\": 1234567890123456}}",
      "{\"facts\": {\"de_60b_months\": -1234567890123456}}",
      "{\"facts\": []}",
      "{\"facts\": null}",
      "{\"facts\": {}, \"note\": {\"a\": 1, \"a\": 2}}",
      "{\"facts\": {}, \"colour\": \"red\"}",
      "{\"facts\": {}} {}",
      "{\"facts\": {}",
      "{\"id\": [12], \"facts\": {}}",
      "{\"id\": null, \"facts\": {}}",
      "{\"country\": \"XX\", \"facts\": {}}",
      "{\"as_of\": \"2026-13-01\", \"facts\": {}}",
      "{\"facts\": {\"de_60b_months\": 20.5}}",
      "{\"facts\": {\"de_weekly_hours\": 1.69e2}}",
      "{\"as_of\": \"+10000-01-01\", \"facts\": {}}",
      "{\"as_of\": \"-0001-01-01\", \"facts\": {}}",
      "{\"application_date\": \"+2026-11-22\", \"facts\": {}}",
      "{\"expect\": {\"DE-25x\": \"eligible\"}}",
      "{\"expect\": {\"DE-25b\": \"maybe\"}}",
      "[]",
      "\"text\"",
  })
  void leavesEveryCaseTheFullReaderWouldRemarkOnToIt(String line) {
    assertThat(quick(line)).isNull();
    assertThat(slow(line).diagnostics()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"facts\": {}}",
      "{\"facts\": {\"convicted\": null}}",
      "{\"facts\": {\"convicted\": \"Yes\", \"has_passport\": \"off\"}}",
      "{\"facts\": {\"date_of_birth\": \"2000-02-29\", \"asylum_application_date\": \"2024-12-31\"}}",
      "{\"facts\": {\"de_weekly_hours\": 0, \"de_60b_months\": 123456789012345}}",
      "{\"facts\": {\"de_weekly_hours\": 168, \"de_successful_school_years\": -0}}",
      "{\"facts\": {\"de_weekly_hours\": 20.0, \"de_60b_months\": 1e1, \"de_successful_school_years\": 2.0E1}}",
      "{\"id\": 12, \"facts\": {}}",
      "{\"id\": 1.50, \"facts\": {}}",
      "{\"id\": \"a\\\"b\\n\\u00e9\", \"country\": \"DE\", \"as_of\": \"2026-01-31\", \"facts\": {\"convicted\": true}}",
      "{\"facts\": {}, \"note\": \"seen on 3 May\", \"$schema\": \"x\", \"expect\": {\"DE-25b\": \"eligible\"}}",
  })
  void readsPlainValidCasesOnTheFastPath(String line) {
    assertThat(agrees(line)).isTrue();
  }

  @Test
  void neverDiffersFromTheFullReaderOnMutatedCases() throws IOException {
    Random r = new Random(2);
    List<JsonNode> pool = List.of(MAPPER.readTree("true"), MAPPER.readTree("false"), MAPPER.readTree("\"yes\""),
        MAPPER.readTree("1"), MAPPER.readTree("-5"), MAPPER.readTree("1.50"), MAPPER.readTree("1e3"),
        MAPPER.readTree("1234567890123456789"), MAPPER.readTree("0.00000000001"), MAPPER.readTree("\"1\""),
        MAPPER.readTree("null"), MAPPER.readTree("\"2020-02-30\""), MAPPER.readTree("\"2099-01-01\""),
        MAPPER.readTree("\"2020-01-01\""), MAPPER.readTree("\"x\""), MAPPER.readTree("[]"), MAPPER.readTree("{}"),
        MAPPER.readTree("[{}]"), MAPPER.readTree("[{\"from\": \"2020-01-01\"}]"), MAPPER.readTree("\"duldung\""),
        MAPPER.readTree("[{\"status\": \"duldung\", \"from\": \"2020-01-01\", \"to\": \"2019-01-01\"}]"),
        MAPPER.readTree("[{\"status\": \"duldung\", \"from\": \"2020-01-01\", \"to\": null}]"),
        MAPPER.readTree("\"B1\""), MAPPER.readTree("\"tab\\there\""));
    int fastCount = 0;
    int slowCount = 0;
    for (int i = 0; i < 4000; i++) {
      ObjectNode c = (ObjectNode) MAPPER.readTree(Generate.json(rules, r, i));
      ObjectNode facts = (ObjectNode) c.get("facts");
      List<String> names = new ArrayList<>();
      facts.fieldNames().forEachRemaining(names::add);
      String line;
      switch (r.nextInt(6)) {
        case 0: {
          facts.set(names.get(r.nextInt(names.size())), pool.get(r.nextInt(pool.size())));
          line = c.toString();
          break;
        }
        case 1: {
          // a field inside a list's item, if there is one
          String name = names.get(r.nextInt(names.size()));
          JsonNode v = facts.get(name);
          if (v instanceof ArrayNode && v.size() > 0 && v.get(0) instanceof ObjectNode) {
            ObjectNode item = (ObjectNode) v.get(0);
            List<String> fields = new ArrayList<>();
            item.fieldNames().forEachRemaining(fields::add);
            if (!fields.isEmpty()) {
              item.set(fields.get(r.nextInt(fields.size())), pool.get(r.nextInt(pool.size())));
            }
          }
          line = c.toString();
          break;
        }
        case 2: {
          String name = names.get(r.nextInt(names.size()));
          line = c.toString().replaceFirst("\"facts\":\\{", "\"facts\":{\"" + name + "\":"
              + pool.get(r.nextInt(pool.size())) + ",");
          break;
        }
        case 3: {
          String[] keys = {"id", "country", "as_of", "application_date", "note", "$schema", "expect", "colour"};
          c.set(keys[r.nextInt(keys.length)], pool.get(r.nextInt(pool.size())));
          line = c.toString();
          break;
        }
        case 4: {
          String s = c.toString();
          line = s.substring(0, r.nextInt(s.length()));
          break;
        }
        default: {
          String s = c.toString();
          int at = r.nextInt(s.length());
          String noise = "\"\\,:{}[]0e-.t ";
          line = s.substring(0, at) + noise.charAt(r.nextInt(noise.length())) + s.substring(at);
        }
      }
      if (agrees(line)) {
        fastCount++;
      } else {
        slowCount++;
      }
    }
    // both paths are exercised: the mutations hit valid and invalid cases alike
    assertThat(fastCount).isGreaterThan(200);
    assertThat(slowCount).isGreaterThan(200);
  }
}
