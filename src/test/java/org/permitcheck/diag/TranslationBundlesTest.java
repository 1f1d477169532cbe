package org.permitcheck.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.BundleChecks;

/** The four bundles of diagnostics say the same things: same keys, same placeholders, valid patterns. */
class TranslationBundlesTest extends BundleChecks {
  static final String BASE = "/org/permitcheck/diag/diagnostics";
  static final Pattern QUOTED = Pattern.compile("''\\{(\\d+)}''");

  @Override
  protected String base() {
    return BASE;
  }

  /**
   * A long value is cut where it is quoted ({@link Diagnostic#shorten} pairs the quotes): so every
   * language quotes the same values as English, and its quotes come in pairs (French elisions take
   * the apostrophe ’, not the quote).
   */
  @ParameterizedTest
  @ValueSource(strings = {"_fr", "_de", "_nl"})
  void everyLanguageQuotesWhatEnglishQuotes(String suffix) throws IOException {
    Properties en = BundleChecks.load(BASE, "");
    Properties other = BundleChecks.load(BASE, suffix);
    for (String key : en.stringPropertyNames()) {
      String text = other.getProperty(key);
      assertThat(BundleChecks.matches(QUOTED, text)).as("quoted values of %s in %s", key, suffix)
          .isEqualTo(BundleChecks.matches(QUOTED, en.getProperty(key)));
      assertThat(text.split("''", -1).length % 2).as("quotes of %s in %s come in pairs", key, suffix).isOne();
    }
  }

  /** As the program's other French messages: a space before ':', '?' and '!' (outside quoted values). */
  @Test
  void frenchPutsASpaceBeforeColonsAndQuestionMarks() throws IOException {
    Properties fr = BundleChecks.load(BASE, "_fr");
    for (String key : fr.stringPropertyNames()) {
      String text = fr.getProperty(key).replaceAll("''[^']*''", "''").replaceFirst("^\\{0}: ", "");
      assertThat(text).as("%s in diagnostics_fr", key).doesNotContainPattern("\\S[:?!](\\s|$)");
    }
  }
}
