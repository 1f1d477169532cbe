package org.permitcheck.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.permitcheck.expr.Type;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Text;

/** Typed answers become the values a case file would hold, or a problem to explain. */
class AnswerParserTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final AnswerParser PARSER = new AnswerParser(new Messages("en"), TODAY);

  static Fact fact(Type type, boolean past, String min, String max, String unit) {
    return new Fact("f", type, List.of(), Text.of("Q?"), Text.EMPTY,
        Map.of("duldung", Text.of("Toleration")), Map.of(),
        min.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(min)),
        max.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(max)), unit, past, List.of());
  }

  static String parse(Fact f, String text) {
    Parsed p = PARSER.parse(f, text);
    return p.ok() ? p.value().get().getClass().getSimpleName() + ":" + p.value().get() : "invalid: " + p.problem();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1999-05-14 | LocalDate:1999-05-14",
      "14.05.1999 | LocalDate:1999-05-14",
      "14/05/1999 | LocalDate:1999-05-14",
      "14-05-1999 | LocalDate:1999-05-14",
      "1-3-2017   | LocalDate:2017-03-01",
      "14-05-99   | invalid: '14-05-99': write the year with 4 digits.",
      "14.05-1999 | invalid: '14.05-1999' is not a date: write it like 14.05.1999, 14/05/1999 or 1999-05-14.",
      "1.3.2017   | LocalDate:2017-03-01",
      "2026-11-22 | LocalDate:2026-11-22",
      "29.02.2024 | LocalDate:2024-02-29",
      "29.02.2023 | invalid: '29.02.2023' does not exist in the calendar.",
      "32.01.2017 | invalid: '32.01.2017' does not exist in the calendar.",
      "05/14/1999 | invalid: '05/14/1999' does not exist in the calendar: the day comes first. Did you mean 14/05/1999?",
      "1-13-2019  | invalid: '1-13-2019' does not exist in the calendar: the day comes first. Did you mean 13-1-2019?",
      "02/30/2019 | invalid: '02/30/2019' does not exist in the calendar.",
      "13/13/2019 | invalid: '13/13/2019' does not exist in the calendar.",
      "14.05.99   | invalid: '14.05.99': write the year with 4 digits.",
      "1999/05/14 | invalid: '1999/05/14' is not a date: write it like 14.05.1999, 14/05/1999 or 1999-05-14.",
      "yesterday  | invalid: 'yesterday' is not a date: write it like 14.05.1999, 14/05/1999 or 1999-05-14.",
      "23.11.2026 | invalid: 2026-11-23 is later than the case's date (2026-11-22): check the year.",
  })
  void readsDatesInFourFormsAndRefusesFutureBirthDates(String text, String expected) {
    assertThat(parse(fact(Type.DATE, true, "", "", ""), text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0         | Long:0",
      "12        | Long:12",
      "12 months | Long:12",
      "-1        | invalid: The answer must be at least 0 months.",
      "25        | invalid: The answer must be at most 24 months.",
      "1.5       | invalid: '1.5' is not a whole number: give a whole number, not one rounded to meet a condition; if a part could decide, ask an advice service how it counts.",
      "12,5      | invalid: '12,5' is not a whole number: give a whole number, not one rounded to meet a condition; if a part could decide, ask an advice service how it counts.",
      "20.7      | invalid: '20.7' is not a whole number: give a whole number, not one rounded to meet a condition; if a part could decide, ask an advice service how it counts.",
      "20.0000000 | Long:20",
      "1.000.000 | invalid: The answer must be at most 24 months.",
      "20.0      | Long:20",
      "20,00 months | Long:20",
      "0.0       | Long:0",
      "-0,0      | Long:0",
      "20.05     | invalid: '20.05' is not a whole number: give a whole number, not one rounded to meet a condition; if a part could decide, ask an advice service how it counts.",
      "1.000     | invalid: '1.000' could be 1000 or 1: type it without a thousands separator, e.g. 1000.",
      "12,000    | invalid: '12,000' could be 12000 or 12: type it without a thousands separator, e.g. 12000.",
      "many      | invalid: 'many' is not a whole number.",
      "99999999999999999999 | invalid: '99999999999999999999' is too large for this question: check the number.",
  })
  void readsWholeNumbersWithinTheirRange(String text, String expected) {
    assertThat(parse(fact(Type.INTEGER, false, "0", "24", "months"), text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1201.20     | BigDecimal:1201.20",
      "1201,20     | BigDecimal:1201.20",
      "1.201,20    | BigDecimal:1201.20",
      "1,201.20    | BigDecimal:1201.20",
      "1201.20 EUR | BigDecimal:1201.20",
      "€ 615       | BigDecimal:615",
      "615 euros   | BigDecimal:615",
      "1 euro      | BigDecimal:1",
      "-5          | invalid: The answer must be at least 0 EUR.",
      "lots        | invalid: 'lots' is not a number: write it like 1250.50.",
      // 1,200 is 1200 in English but 1.2 in French, 1.200 the other way round: never guessed
      "'1,200'     | invalid: '1,200' could be 1200 or 1.2: type it without a thousands separator, e.g. 1200.",
      "'1.200 €'   | invalid: '1.200 €' could be 1200 or 1.2: type it without a thousands separator, e.g. 1200.",
      "'1.200.000' | BigDecimal:1200000",
      "'1,200,000' | BigDecimal:1200000",
      "'0,750'     | BigDecimal:0.750",
      "'1 200'     | BigDecimal:1200",
  })
  void readsAmountsWithCommaOrPointAndRefusesAmbiguousThousands(String text, String expected) {
    assertThat(parse(fact(Type.money("EUR"), false, "0", "", ""), text)).isEqualTo(expected);
  }


  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "yes | Boolean:true", "Y | Boolean:true", "true | Boolean:true",
      "no | Boolean:false", "N | Boolean:false", "false | Boolean:false",
      "maybe | invalid: 'maybe' is not yes or no.",
      "oui | Boolean:true", "Non | Boolean:false", "ja | Boolean:true", "nee | Boolean:false", "nein | Boolean:false",
  })
  void readsYesAndNoInEveryLanguageOfTheInterview(String text, String expected) {
    assertThat(parse(fact(Type.BOOLEAN, false, "", "", ""), text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 | String:duldung", "2 | String:gestattung", "GESTATTUNG | String:gestattung",
      "toleration | String:duldung",
      "3 | invalid: '3' is not one of the choices: type a number from 1 to 2, or a name (Tab completes).",
      "dul | invalid: 'dul' is not one of the choices: type a number from 1 to 2, or a name (Tab completes).",
  })
  void readsChoicesByNumberNameOrLabel(String text, String expected) {
    assertThat(parse(fact(Type.enumOf("s", List.of("duldung", "gestattung")), false, "", "", ""), text))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "de | 14 Monate | Long:14 | Monate >",
      "de | 14 months | Long:14 | Monate >",
      "fr | 14 mois   | Long:14 | mois >",
      "nl | 14 maanden | Long:14 | maanden >",
  })
  void takesAndShowsTheUnitInTheLanguageOfTheInterview(String lang, String text, String expected, String prompt) {
    Fact months = fact(Type.INTEGER, false, "0", "", "months");
    Parsed p = new AnswerParser(new Messages(lang), TODAY).parse(months, text);
    assertThat(p.ok() ? p.value().get().getClass().getSimpleName() + ":" + p.value().get() : p.problem())
        .isEqualTo(expected);
    assertThat(new Views(new Messages(lang)).prompt(months)).isEqualTo(prompt + " ");
  }

  @Test
  void showsADutchAdviserTheDateAsTheNetherlandsWriteIt() {
    Parsed p = new AnswerParser(new Messages("nl"), TODAY).parse(fact(Type.DATE, true, "", "", ""), "gisteren");
    assertThat(p.problem()).isEqualTo("'gisteren' is geen datum: schrijf die als 14-05-1999, 14/05/1999 of 1999-05-14.");
  }

  @Test
  void writesTheDecimalReadingOfAnAmbiguousNumberAsTheLanguageDoes() {
    Parsed p = new AnswerParser(new Messages("fr"), TODAY).parse(fact(Type.INTEGER, false, "0", "24", "months"), "1,200");
    assertThat(p.problem()).contains("1200 ou 1,2");
  }
}
