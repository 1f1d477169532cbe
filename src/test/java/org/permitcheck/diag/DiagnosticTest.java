package org.permitcheck.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void shortensLongQuotedValuesOnceAndKeepsShortOnes() {
    String message = "fact 'a' has no value '" + "x".repeat(200) + "'";
    Diagnostic d = Diagnostic.error("c.yaml", 2, 3, message).withHint("did you mean 'b'?").withExcerpt("line");
    assertThat(d.message()).isEqualTo("fact 'a' has no value '" + "x".repeat(59) + "…' (200 characters)");
    assertThat(d.hints()).containsExactly("did you mean 'b'?");
  }

  @Test
  void escapesControlCharactersAndDirectionOverridesInMessages() {
    Diagnostic d = Diagnostic.error("c.yaml", 1, 1, "found '\u001b[2J\u202e\n'");
    assertThat(d.message()).isEqualTo("found '\\u001B[2J\\u202E\\u000A'");
  }

  @Test
  void escapesControlCharactersInTheFileNameOfTheLocationButKeepsTheName() {
    Diagnostic d = Diagnostic.error("odd/e\u001b[31mx.yaml", 2, 3, "unknown fact 'bogus'");
    assertThat(d.render()).isEqualTo("odd/e\\u001B[31mx.yaml:2:3: error: unknown fact 'bogus'");
    assertThat(d.file()).isEqualTo("odd/e\u001b[31mx.yaml");
  }

  @Test
  void escapesInvisibleCharactersInMessages() {
    Diagnostic d = Diagnostic.error("c.yaml", 1, 1, "found '\u200b \u00a0\ufeff\u3000\u2028' and 'caf\u00e9 \ud83d\ude00'");
    assertThat(d.message()).isEqualTo("found '\\u200B \\u00A0\\uFEFF\\u3000\\u2028' and 'caf\u00e9 \ud83d\ude00'");
    Diagnostic tag = Diagnostic.error("c.yaml", 1, 1, "found '" + new String(Character.toChars(0xE0041)) + "'");
    assertThat(tag.message()).isEqualTo("found '\\U000E0041'");
  }

  @Test
  void escapesInvisibleCharactersAndOtherSpacesInExcerptsWithTheCaretUnderItsColumn() {
    Diagnostic d = new Diagnostic(Severity.ERROR, "r.yaml", 1, 5, "here", "a\u200bb\u00a0X\tY", List.of());
    String[] rendered = d.render().split("\n");
    assertThat(rendered[1]).isEqualTo("    a\\u200Bb\\u00A0X\tY");
    assertThat(rendered[2]).isEqualTo("    " + " ".repeat("a\\u200Bb\\u00A0".length()) + "^");
  }

  @Test
  void showsAWindowOfALongLineWithTheCaretUnderTheColumn() {
    String line = "a".repeat(500) + "X" + "b".repeat(500);
    Diagnostic d = new Diagnostic(Severity.ERROR, "r.yaml", 1, 501, "here", line, List.of());
    String[] rendered = d.render().split("\n");
    assertThat(rendered[1].length()).isLessThan(120);
    int caret = rendered[2].indexOf('^');
    assertThat(rendered[1].charAt(caret)).isEqualTo('X');
  }
}
