package org.permitcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.rules.Text;

/** The four message bundles say the same things: same keys, same placeholders, valid patterns. */
class MessagesTest {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/org/permitcheck/report/messages" + suffix
        + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"_fr", "_de", "_nl"})
  void everyLanguageHasEveryKeyWithTheSamePlaceholders(String suffix) throws IOException {
    Properties en = load("");
    Properties other = load(suffix);
    assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    for (String key : en.stringPropertyNames()) {
      assertThat(placeholders(other.getProperty(key))).as("placeholders of %s in %s", key, suffix)
          .isEqualTo(placeholders(en.getProperty(key)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_de", "_nl"})
  void singleQuotesAreAlwaysDoubled(String suffix) throws IOException {
    Properties p = load(suffix);
    for (String key : p.stringPropertyNames()) {
      assertThat(p.getProperty(key).replace("''", "")).as("%s in messages%s", key, suffix).doesNotContain("'");
    }
  }

  @Test
  void aRulesTextWithoutTranslationFallsBackToEnglishWithAMarker() {
    Text t = new Text(Map.of("en", "Passport", "fr", "Passeport"));
    assertThat(new Messages("fr").text(t)).isEqualTo("Passeport");
    assertThat(new Messages("nl").text(t)).isEqualTo("[en] Passport");
    assertThat(new Messages("en").text(t)).isEqualTo("Passport");
    assertThat(new Messages("de").text(Text.EMPTY)).isEmpty();
  }

  @Test
  void frenchPutsASpaceBeforeTheColon() {
    assertThat(new Messages("fr").colon("label.apply")).isEqualTo("Demande :");
    assertThat(new Messages("en").colon("label.apply")).isEqualTo("Apply:");
  }

  private static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
