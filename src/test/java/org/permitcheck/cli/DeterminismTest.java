package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Same rules, case and as_of give byte-identical output, whatever the JVM's default time zone and
 * locale and the LANG of the environment (which only chooses the language when --lang is absent).
 * The locales are chosen to break what depends on them: other digits, calendars, and the Turkish
 * dotless i; the time zones lie on either side of the date line.
 */
class DeterminismTest {
  static final List<String> CASES = List.of("cases/de-eligible.yaml", "cases/de-near-miss.yaml",
      "cases/de-undetermined.yaml", "cases/be-pending.yaml", "cases/de-young.yaml", "cases/bad-values.yaml");

  private TimeZone zone;
  private Locale locale;

  @BeforeEach
  void remember() {
    zone = TimeZone.getDefault();
    locale = Locale.getDefault();
  }

  @AfterEach
  void restore() {
    TimeZone.setDefault(zone);
    Locale.setDefault(locale);
  }

  @ParameterizedTest(name = "{0} --lang {1} under {2} / {3}")
  @CsvSource({
    "text, en, Pacific/Kiritimati, ar-EG, tr_TR.UTF-8",
    "json, en, Pacific/Kiritimati, ar-EG, tr_TR.UTF-8",
    "text, de, Pacific/Pago_Pago, th-TH-u-nu-thai-ca-buddhist, C",
    "json, fr, Pacific/Pago_Pago, th-TH-u-nu-thai-ca-buddhist, C",
    "text, nl, Asia/Kathmandu, ja-JP-u-ca-japanese, hi_IN.UTF-8",
    "text, fr, America/St_Johns, tr-TR, fa_IR.UTF-8",
    "json, de, America/St_Johns, tr-TR, fa_IR.UTF-8",
  })
  void givesTheSameBytesInAnyTimeZoneAndLocale(String format, String lang, String tz, String tag, String env) {
    Run.Result reference = eval(format, lang, Map.of());

    TimeZone.setDefault(TimeZone.getTimeZone(tz));
    Locale.setDefault(Locale.forLanguageTag(tag));
    Run.Result elsewhere = eval(format, lang, Map.of("LANG", env, "TZ", tz, "LC_ALL", env));

    assertThat(reference.out()).isNotEmpty();
    assertThat(elsewhere.out()).isEqualTo(reference.out());
    assertThat(untimed(elsewhere.err())).isEqualTo(untimed(reference.err()));
    assertThat(elsewhere.exit()).isEqualTo(reference.exit());
  }

  @ParameterizedTest(name = "LANG={0}")
  @CsvSource({"tr_TR.UTF-8", "C", "ar_EG.UTF-8"})
  void aLanguageWeDoNotHaveFallsBackToEnglishWhateverTheLocale(String env) {
    Run.Result reference = eval("text", "en", Map.of());
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    List<String> args = new java.util.ArrayList<>(List.of("eval", "--as-of", "2026-11-22", "--explain"));
    args.addAll(CASES);
    Run.Result r = Run.run("", Map.of("LANG", env), GoldenTest.FIXTURES, args.toArray(new String[0]));
    assertThat(r.out()).isEqualTo(reference.out());
  }

  /** The batch summary says how long the run took: the only part that may differ. */
  private static String untimed(String err) {
    return err.replaceAll("[0-9.,]+ s \\([0-9]+ [^)]*/s\\)", "<time>");
  }

  private static Run.Result eval(String format, String lang, Map<String, String> env) {
    List<String> args = new java.util.ArrayList<>(
        List.of("eval", "--as-of", "2026-11-22", "--explain", "--format", format, "--lang", lang));
    args.addAll(CASES);
    return Run.run("", env, GoldenTest.FIXTURES, args.toArray(new String[0]));
  }
}
