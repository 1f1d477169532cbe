package org.permitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks every set of message bundles passes (messages*.properties, diagnostics*.properties): each
 * language has every key of English with the same placeholders, no key twice, single quotes doubled.
 * A test of a set of bundles extends it and names their base.
 */
public abstract class BundleChecks {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  /** The bundles' resource without language and extension, e.g. {@code /org/permitcheck/report/messages}. */
  protected abstract String base();

  @ParameterizedTest
  @ValueSource(strings = {"_fr", "_de", "_nl"})
  public void everyLanguageHasEveryKeyWithTheSamePlaceholders(String suffix) throws IOException {
    sameKeysAndPlaceholders(base(), suffix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_de", "_nl"})
  public void noKeyIsDefinedTwice(String suffix) throws IOException {
    noKeyTwice(base(), suffix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_de", "_nl"})
  public void singleQuotesAreAlwaysDoubled(String suffix) throws IOException {
    quotesDoubled(base(), suffix);
  }

  /** The text of a bundle, e.g. {@code /org/permitcheck/report/messages} with suffix {@code _fr}. */
  public static String raw(String base, String suffix) throws IOException {
    try (InputStream in = BundleChecks.class.getResourceAsStream(base + suffix + ".properties")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static Properties load(String base, String suffix) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(raw(base, suffix)));
    return p;
  }

  static void sameKeysAndPlaceholders(String base, String suffix) throws IOException {
    Properties en = load(base, "");
    Properties other = load(base, suffix);
    assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    for (String key : en.stringPropertyNames()) {
      assertThat(placeholders(other.getProperty(key))).as("placeholders of %s in %s", key, suffix)
          .isEqualTo(placeholders(en.getProperty(key)));
    }
  }

  /** Properties keeps the last of two definitions silently: a message meant for one use loses the other. */
  static void noKeyTwice(String base, String suffix) throws IOException {
    Set<String> seen = new TreeSet<>();
    Set<String> twice = new TreeSet<>();
    for (String line : raw(base, suffix).split("\n")) {
      int eq = line.indexOf('=');
      if (!line.isBlank() && !line.startsWith("#") && eq > 0 && !seen.add(line.substring(0, eq).strip())) {
        twice.add(line.substring(0, eq).strip());
      }
    }
    assertThat(twice).as("keys defined twice in %s%s", base, suffix).isEmpty();
  }

  static void quotesDoubled(String base, String suffix) throws IOException {
    Properties p = load(base, suffix);
    for (String key : p.stringPropertyNames()) {
      assertThat(p.getProperty(key).replace("''", "")).as("%s in %s%s", key, base, suffix).doesNotContain("'");
    }
  }

  /** The numbers of the placeholders of a pattern, each once. */
  public static Set<String> placeholders(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  public static List<String> matches(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    out.sort(null);
    return out;
  }
}
