package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.bench.Generate;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/**
 * The NDJSON fast path's tokenizer takes strict JSON only, and where it takes a text it sees the very
 * tokens Jackson sees: checked against Jackson's parser on texts written to be wrong and on thousands
 * of byte-level mutations of generated cases.
 */
class JsonScannerTest {
  private static final JsonFactory JACKSON = new JsonFactory();
  private static final Names NONE = new Names(List.of());

  /** The tokens of {@code json} as the scanner reads them; throws {@link JsonScanner#FAIL} when it does not. */
  static List<String> scanned(byte[] json) {
    JsonScanner s = new JsonScanner(json, 0, json.length, 1000, 40);
    List<String> out = new ArrayList<>();
    for (int t = s.next(); t != JsonScanner.END; t = s.next()) {
      switch (t) {
        case JsonScanner.FIELD_NAME:
          s.nameIn(NONE, -1);
          out.add("name " + s.fieldName());
          break;
        case JsonScanner.STRING:
        case JsonScanner.INT:
        case JsonScanner.FLOAT:
          out.add(t + " " + s.text());
          break;
        default:
          out.add(String.valueOf(t));
      }
    }
    return out;
  }

  /** The tokens of {@code json} as Jackson reads them, in the scanner's terms; null when Jackson fails. */
  static List<String> jackson(byte[] json) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JACKSON.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int code = switch (t) {
          case START_OBJECT -> JsonScanner.START_OBJECT;
          case END_OBJECT -> JsonScanner.END_OBJECT;
          case START_ARRAY -> JsonScanner.START_ARRAY;
          case END_ARRAY -> JsonScanner.END_ARRAY;
          case VALUE_STRING -> JsonScanner.STRING;
          case VALUE_NUMBER_INT -> JsonScanner.INT;
          case VALUE_NUMBER_FLOAT -> JsonScanner.FLOAT;
          case VALUE_TRUE -> JsonScanner.TRUE;
          case VALUE_FALSE -> JsonScanner.FALSE;
          case VALUE_NULL -> JsonScanner.NULL;
          case FIELD_NAME -> JsonScanner.FIELD_NAME;
          default -> throw new AssertionError(t);
        };
        out.add(code == JsonScanner.FIELD_NAME ? "name " + p.currentName()
            : t.isScalarValue() && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL
                ? code + " " + p.getText() : String.valueOf(code));
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }

  /** The scanner failed, or saw exactly what Jackson saw; returns whether it read the text. */
  static boolean agrees(byte[] json) {
    List<String> mine;
    try {
      mine = scanned(json);
    } catch (RuntimeException e) {
      assertThat(e).isSameAs(JsonScanner.FAIL);
      return false;
    }
    assertThat(mine).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(jackson(json));
    return true;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "0", "-0", "\"\"", "true", "false", "null", " \t\r\n{ } ",
      "{\"a\":1,\"b\":[1,2.5,-3e2,4E+1,5e-1],\"c\":{\"d\":null,\"e\":true,\"f\":false}}",
      "{\"a\\\"b\":\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\"}",
      "{\"\u00e9\u20ac\":\"\u00e9\u20ac\uD83D\uDE00\"}",
      "[[[[[[[[[[1]]]]]]]]]]",
  })
  void readsStrictJsonAsJacksonDoes(String json) {
    assertThat(agrees(utf8(json))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "[", "{\"a\":1,}", "[1,]", "[,1]", "{,\"a\":1}", "{\"a\" 1}", "{\"a\"::1}",
      "{\"a\":1 \"b\":2}",
      "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":NaN}",
      "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":falsy}", "{\"a\":\"x\\q\"}", "{\"a\":\"\\u12\"}",
      "{\"a\":\"\\u12g4\"}", "{\"a\":\"tab\there\"}", "{'a':1}", "{a:1}", "{\"a\":1}x", "{\"a\":1}{}", "{} []", "1 2",
      "{\"a\":1 /* c */}", "{\"a\":\"unterminated}", "{\"a\":\"\\", "[1,2", "{\"a\":[}", "{\"a\":]}",
      // a surrogate escape is left to the full reader, paired or not
      "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\ud83d\"}",
      // deeper than a case ever nests
      "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]",
  })
  void failsAtWhatIsNotStrictJson(String json) {
    assertThatThrownBy(() -> scanned(utf8(json))).isSameAs(JsonScanner.FAIL);
  }

  /** Ill-formed UTF-8 in a string: a lone continuation, an overlong form, a surrogate, beyond U+10FFFF, cut short. */
  @ParameterizedTest
  @ValueSource(strings = {"80", "c0af", "c1bf", "e08080", "eda080", "f4908080", "f5808080", "ff", "e282", "c3"})
  void failsAtIllFormedUtf8(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    byte[] json = new byte[bytes.length + 8];
    System.arraycopy(utf8("{\"a\":\""), 0, json, 0, 6);
    System.arraycopy(bytes, 0, json, 6, bytes.length);
    System.arraycopy(utf8("\"}"), 0, json, 6 + bytes.length, 2);

    assertThatThrownBy(() -> scanned(json)).isSameAs(JsonScanner.FAIL);
  }

  @Test
  void skipsAByteOrderMarkAsJacksonDoes() {
    byte[] json = HexFormat.of().parseHex("efbbbf7b7d"); // BOM, then {}

    assertThat(agrees(json)).isTrue();
  }

  @Test
  void findsKnownNamesWhateverTheOrderTheyComeIn() {
    List<String> known = List.of("id", "country", "facts", "fr_polygamy", "a\"b");
    Names names = new Names(known);
    for (String json : List.of("{\"id\":1,\"country\":2,\"facts\":3}", "{\"facts\":3,\"id\":1,\"country\":2}",
        "{\"id\":1,\"country\":2,\"facts\":3}", "{\"country\":1,\"fr_polygamy\":2,\"idx\":3,\"a\\\"b\":4,\"\":5}")) {
      byte[] b = utf8(json);
      JsonScanner s = new JsonScanner(b, 0, b.length, 1000, 40);
      assertThat(s.next()).isEqualTo(JsonScanner.START_OBJECT);
      int previous = -1;
      while (s.next() == JsonScanner.FIELD_NAME) {
        int id = s.nameIn(names, previous);
        assertThat(id).as(json).isEqualTo(known.indexOf(s.fieldName()));
        previous = id;
        s.next();
      }
    }
  }

  @Test
  void neverDiffersFromJacksonOnMutatedCases() throws IOException {
    String text = Files.readString(Path.of("rules.yaml"));
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", text)).value().get();
    Random r = new Random(4);
    byte[][] noise = {utf8("\""), utf8("\\"), utf8(","), utf8(":"), utf8("{"), utf8("}"), utf8("["), utf8("]"),
        utf8("0"), utf8("-"), utf8("."), utf8("e"), utf8("+"), utf8("t"), utf8(" "), utf8("\t"), utf8("\\u00e9"),
        utf8("\\ud800"), utf8("\\n"), utf8("\u00e9"), utf8("\u20ac"), {(byte) 0x80}, {(byte) 0xc3}, {(byte) 0xed},
        {0}, {0x1f}, utf8("true"), utf8("null"), utf8("1e5"), utf8("01")};
    int read = 0;
    int failed = 0;
    for (int i = 0; i < 6000; i++) {
      byte[] line = utf8(Generate.json(rules, r, i));
      int cuts = 1 + r.nextInt(3);
      for (int k = 0; k < cuts; k++) {
        int at = r.nextInt(line.length);
        byte[] n = noise[r.nextInt(noise.length)];
        int drop = r.nextInt(3) == 0 ? Math.min(line.length - at, 1 + r.nextInt(3)) : 0;
        byte[] next = new byte[line.length - drop + n.length];
        System.arraycopy(line, 0, next, 0, at);
        System.arraycopy(n, 0, next, at, n.length);
        System.arraycopy(line, at + drop, next, at + n.length, line.length - at - drop);
        line = next;
      }
      if (agrees(line)) {
        read++;
      } else {
        failed++;
      }
    }
    // both outcomes are exercised
    assertThat(read).isGreaterThan(300);
    assertThat(failed).isGreaterThan(300);
  }
}
