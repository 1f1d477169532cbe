package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.diag.Translation;

/** The diagnostics about a case file, said in French, German and Dutch (--lang). */
class CaseDiagnosticsInLanguagesTest {
  static final String CASE = """
      id: bad
      country: DE
      colour: blue
      facts:
        date_of_birth: 1999-14-05
        german_levl: B1
        de_status: dudlung
        de_60b_months: -2
        convicted: maybe
        children:
          - {date_of_birth: 2030-01-01, in_scool: true}
        de_status_periods:
          - {status: duldung, from: 2020-01-01, to: 2019-01-01}
      expect:
        DE-25b: elligible
      """;
  static List<Diagnostic> diagnostics;

  @BeforeAll
  static void read() throws java.io.IOException {
    CaseReaderTest.load();
    diagnostics = CaseReaderTest.read("c.yaml", CASE).diagnostics();
  }

  static String rendered(String lang) {
    Translation t = Translation.of(lang);
    return String.join("\n", diagnostics.stream().map(d -> t.render(d.withExcerpt(""))).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "fr | c.yaml:3:1: erreur : clé inconnue 'colour' dans un dossier",
    "fr | c.yaml:5:18: erreur : le fait 'date_of_birth' attend une date comme 1999-05-14, trouvé '1999-14-05'\\n"
        + "  conseil : ce jour n’existe pas dans le calendrier",
    "fr | c.yaml:6:3: erreur : fait inconnu 'german_levl'\\n  conseil : vouliez-vous dire 'german_level' ?",
    "fr | c.yaml:7:14: erreur : le fait 'de_status' n’a pas de valeur 'dudlung'",
    "fr | c.yaml:8:18: erreur : le fait 'de_60b_months' doit être d’au moins 0 mois, trouvé -2",
    "fr | c.yaml:9:14: erreur : le fait 'convicted' attend oui ou non (true/false), trouvé 'maybe'",
    "fr | c.yaml:11:23: erreur : le fait 'children[1].date_of_birth' est le 2030-01-01, après la date du dossier (2026-11-22)",
    "fr | c.yaml:11:35: erreur : champ inconnu 'in_scool' dans l’élément 1 du fait 'children'",
    "fr | c.yaml:15:11: erreur : résultat inconnu 'elligible' pour 'DE-25b'",
    "de | c.yaml:5:18: Fehler: Angabe 'date_of_birth' erwartet ein Datum wie 1999-05-14, gefunden '1999-14-05'\\n"
        + "  Tipp: diesen Tag gibt es im Kalender nicht",
    "de | c.yaml:6:3: Fehler: unbekannte Angabe 'german_levl'\\n  Tipp: meinten Sie 'german_level'?",
    "de | c.yaml:8:18: Fehler: Angabe 'de_60b_months' muss mindestens 0 Monate sein, gefunden -2",
    "de | c.yaml:9:14: Fehler: Angabe 'convicted' erwartet ja oder nein (true/false), gefunden 'maybe'",
    "nl | c.yaml:5:18: fout: gegeven 'date_of_birth' verwacht een datum zoals 1999-05-14, gevonden '1999-14-05'\\n"
        + "  tip: deze dag bestaat niet in de kalender",
    "nl | c.yaml:7:14: fout: gegeven 'de_status' heeft geen waarde 'dudlung'\\n  tip: bedoelt u 'duldung'?",
    "nl | c.yaml:8:18: fout: gegeven 'de_60b_months' moet minstens 0 maanden zijn, gevonden -2",
  })
  void saysEachDiagnosticInTheChosenLanguage(String lang, String expected) {
    assertThat(rendered(lang)).contains(expected.replace("\\n", "\n"));
  }

  @Test
  void englishIsTheTextTheReaderMade() {
    assertThat(rendered("en")).isEqualTo(String.join("\n", diagnostics.stream().map(d -> d.withExcerpt("").render()).toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "de", "nl"})
  void theMessageWithoutValuesQuotesNoValueInAnyLanguage(String lang) {
    Translation t = Translation.of(lang);
    for (Diagnostic d : diagnostics) {
      String without = t.translate(d).withoutValues();
      for (String value : List.of("1999-14-05", "dudlung", "2030-01-01", " -2", "maybe", "2019-01-01")) {
        assertThat(without).as("%s in %s", d.message(), lang).doesNotContain(value);
      }
    }
  }

  @Test
  void aLongValueIsCutAndItsLengthSaidInTheLanguage() {
    String value = "x".repeat(80);
    Diagnostic d = CaseReaderTest.read("c.yaml", "facts:\n  de_status: " + value + "\n").diagnostics().get(0);
    assertThat(Translation.of("de").translate(d).message())
        .isEqualTo("Angabe 'de_status' hat keinen Wert '" + "x".repeat(59) + "…' (80 Zeichen)");
    assertThat(d.message()).isEqualTo("fact 'de_status' has no value '" + "x".repeat(59) + "…' (80 characters)");
  }
}
