package org.permitcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.BundleChecks;
import org.permitcheck.rules.Text;

/** The four message bundles say the same things: same keys, same placeholders, valid patterns. */
class MessagesTest extends BundleChecks {
  static final String BASE = "/org/permitcheck/report/messages";

  static Properties load(String suffix) throws IOException {
    return BundleChecks.load(BASE, suffix);
  }

  @Override
  protected String base() {
    return BASE;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "nl | 1201.19    | € 1.201,19", "nl | 830        | € 830", "nl | 1234567.5 | € 1.234.567,5",
    "fr | 1201.19    | 1 201,19 €", "fr | 830        | 830 €", "fr | -4357.80  | -4 357,80 €",
    "en | 1201.19    | €1,201.19", "de | 1201.19    | 1.201,19 €",
    "de | 830        | 830 €"})
  void writesAmountsOfEurosAsTheLanguageDoes(String lang, String amount, String expected) {
    assertThat(new Messages(lang).money(new java.math.BigDecimal(amount), "EUR")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "de | 2026-11-22 | 22.11.2026", "de | 2024-03-01 | 01.03.2024", "en | 2026-11-22 | 2026-11-22",
    "fr | 2024-03-01 | 01/03/2024", "nl | 2024-03-01 | 01-03-2024", "de | +10000-01-01 | +10000-01-01"})
  void writesDatesInASentenceAsTheLanguageDoes(String lang, String date, String expected) {
    assertThat(new Messages(lang).date(java.time.LocalDate.parse(date))).isEqualTo(expected);
  }

  @Test
  void writesOtherCurrenciesByTheirCode() {
    assertThat(new Messages("nl").money(new java.math.BigDecimal("1250.5"), "CHF")).isEqualTo("1.250,5 CHF");
  }

  @Test
  void aRulesTextWithoutTranslationFallsBackToEnglishWithAMarker() {
    Text t = new Text(Map.of("en", "Passport", "fr", "Passeport"));
    assertThat(new Messages("fr").text(t)).isEqualTo("Passeport");
    assertThat(new Messages("nl").text(t)).isEqualTo("[en] Passport");
    assertThat(new Messages("en").text(t)).isEqualTo("Passport");
    assertThat(new Messages("de").text(Text.EMPTY)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "fr | 0 | 0 réponse", "fr | 1 | 1 réponse", "fr | 2 | 2 réponses",
    "en | 0 | 0 answers", "en | 1 | 1 answer", "en | 2 | 2 answers",
    "de | 0 | 0 Antworten", "de | 1 | 1 Antwort", "de | 2 | 2 Antworten",
    "nl | 0 | 0 antwoorden", "nl | 1 | 1 antwoord", "nl | 2 | 2 antwoorden"})
  void frenchCountsZeroInTheSingularAndTheOtherLanguagesInThePlural(String lang, int n, String expected) {
    assertThat(new Messages(lang).count(n, "interview.answers.one", "interview.answers.n")).isEqualTo(expected);
  }

  @Test
  void frenchBatchAndTestSummariesAgreeWithTheirCounts() {
    Messages fr = new Messages("fr");
    assertThat(fr.count(0, "count.case_with_errors.one", "count.case_with_errors.many")).isEqualTo("0 dossier en erreur");
    assertThat(fr.count(1, "count.read.one", "count.read.many")).isEqualTo("1 dossier lu");
    assertThat(fr.count(0, "count.evaluated.one", "count.evaluated.many")).isEqualTo("0 évalué");
    assertThat(fr.count(0, "count.passed.one", "count.passed.many")).isEqualTo("0 réussie");
    assertThat(new Messages("en").count(0, "count.read.one", "count.read.many")).isEqualTo("0 cases read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_de", "_nl"})
  void everySingularCountTakesTheNumberBecauseFrenchUsesItForZero(String suffix) throws IOException {
    Properties p = load(suffix);
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("count.") && key.endsWith(".one") || key.equals("one_fact")
          || key.equals("interview.answers.one") || key.equals("diff.unreadable.one")) {
        assertThat(p.getProperty(key)).as("%s in messages%s", key, suffix).startsWith("{0} ");
      }
    }
  }

  @Test
  void frenchPutsASpaceBeforeTheColon() {
    assertThat(new Messages("fr").colon("label.apply")).isEqualTo("Demande :");
    assertThat(new Messages("en").colon("label.apply")).isEqualTo("Apply:");
  }
}
