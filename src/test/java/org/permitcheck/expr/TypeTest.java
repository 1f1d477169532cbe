package org.permitcheck.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypeTest {
  private static final Type STATUS = Type.enumOf("de_status", List.of("duldung", "chancen_104c", "gestattung"));

  /** The reader's form (a slice of the parser's buffer) answers exactly as the String form does. */
  @ParameterizedTest
  @ValueSource(strings = {"duldung", "chancen_104c", "gestattung", "Duldung", "duldun", "duldungg", "", "chancen_104d",
      "gestattung ", " duldung"})
  void canonicalOfABufferSliceMatchesCanonicalOfItsText(String text) {
    char[] buffer = ("xx" + text + "yy").toCharArray();

    String fromSlice = STATUS.canonical(buffer, 2, text.length());

    assertThat(fromSlice).isEqualTo(STATUS.canonical(text));
    if (fromSlice != null) {
      assertThat(fromSlice).isSameAs(STATUS.canonical(text)); // the interned value, not a copy
    }
  }
}
