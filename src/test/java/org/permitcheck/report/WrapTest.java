package org.permitcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wrapping breaks at spaces, tabs and line ends, keeps "§ 25b" together, and ignores colour codes. */
class WrapTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "\u001b[1mbold\u001b[0m", "\u001b[1;31mred\u001b[m x", "\u001b[1x", "\u001b",
      "a\u001b[", "§ 25b é 😀", "\u001b[12;3"})
  void visibleLengthCountsCodePointsWithoutColourCodes(String s) {
    String plain = s.replaceAll("\u001b\\[[0-9;]*m", "");
    assertThat(Wrap.visibleLength(s)).isEqualTo(plain.codePointCount(0, plain.length()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|'  - '",
      "'  '|'  - '",
      "' leading and trailing '|'  - leading and trailing'",
      "'tabs\tand\nnew\r\nlines'|'  - tabs and new lines'"})
  void breaksWordsAtSpacesTabsAndLineEnds(String text, String expected) {
    StringBuilder out = new StringBuilder();
    Wrap.append(out, "  - ", "    ", text);
    assertThat(out.toString()).isEqualTo(expected + "\n");
  }

  @Test
  void wrapsAtEightyColumnsWithAHangingIndentAndKeepsParagraphSignsWithTheirNumber() {
    StringBuilder out = new StringBuilder();
    String words = "Residence permit under a paragraph with words long enough to need more than";
    Wrap.append(out, "  - ", "    ", words + " eighty § 25b columns");
    assertThat(out.toString()).isEqualTo("  - " + words + "\n    eighty § 25b columns\n");
  }

  @Test
  void fitsANarrowerTerminalAndNeverWrapsBelowTwentyOrAboveEightyColumns() {
    String words = "one two three four five six seven eight nine ten eleven twelve";
    try {
      Wrap.fitTo(30);
      StringBuilder narrow = new StringBuilder();
      Wrap.append(narrow, "", "  ", words);
      assertThat(narrow.toString()).isEqualTo("one two three four five six\n  seven eight nine ten eleven\n  twelve\n");
      Wrap.fitTo(5);
      StringBuilder tiny = new StringBuilder();
      Wrap.append(tiny, "", "", words);
      assertThat(tiny.toString().lines()).allMatch(l -> l.length() <= 20).first().isEqualTo("one two three four");
      Wrap.fitTo(200);
      StringBuilder wide = new StringBuilder();
      Wrap.append(wide, "", "", words + " " + words);
      assertThat(wide.toString().lines()).allMatch(l -> l.length() <= 80).hasSize(2);
    } finally {
      Wrap.fitTo(0);
    }
    StringBuilder again = new StringBuilder();
    Wrap.append(again, "", "", words);
    assertThat(again.toString()).isEqualTo(words + "\n");
  }

  @Test
  void breaksColouredTextWhereItBreaksPlainText() {
    String words = "Residence permit for sustainable integration (§ 25b AufenthG)";
    StringBuilder plain = new StringBuilder();
    Wrap.append(plain, "ELIGIBLE · ", "  ", "DE-25b " + words);
    StringBuilder coloured = new StringBuilder();
    Wrap.append(coloured, "\u001b[1;32mELIGIBLE\u001b[0m · ", "  ", "\u001b[1mDE-25b\u001b[0m " + words);
    assertThat(plain.toString()).isEqualTo("ELIGIBLE · DE-25b " + words + "\n");
    assertThat(coloured.toString().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "au moins 1 201,20 € par mois|1 201,20 €",
      "jusqu'à € 4 357,80 (bedrag van 2006)|€ 4 357,80",
      "une carte « salarié » ou pas|« salarié »",
      "pour y introduire la demande ?|demande ?",
      "from 2017 2018 to 2019|2017",
      "ein anderes Hindernis (z. B. Schutz der Familie)|(z. B.",
      "nach § 25b Abs. 1 S. 3 unschädlich|Abs. 1",
      "nach § 25b Abs. 1 S. 3 unschädlich|S. 3",
      "nach Nr. 2, d. h. nicht|Nr. 2",
      "nach Nr. 2, d. h. nicht|d. h."})
  void neverBreaksInsideANumberOrAnAbbreviationOrBeforeACurrencySignOrFrenchPunctuation(String phrase, String whole) {
    for (int pad = 0; pad < 80; pad++) { // the phrase at every place of a line
      StringBuilder out = new StringBuilder();
      Wrap.append(out, "", "", "x".repeat(pad) + " " + phrase);
      assertThat(out.toString()).as("after %d characters", pad).contains(whole);
    }
  }
}
