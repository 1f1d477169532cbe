package org.permitcheck.rules;

import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.ScalarNode;

/**
 * Maps a character offset inside an expression to a line and column in the rules file, whatever the
 * scalar's style: each character of the parsed value is traced back to where it was written (see
 * {@link ScalarMap}). When the text cannot be traced, the position of the scalar itself is given.
 */
final class ExprLocator {
  private ExprLocator() {}

  static Pos locate(SourceText source, ScalarNode scalar, int offset) {
    String text = source.text();
    int start = indexOf(text, scalar.pos().line() - source.firstLine(), scalar.pos().column());
    int[] at = ScalarMap.of(text, start, scalar.text());
    if (at == null) {
      return scalar.pos();
    }
    int index = at[Math.max(0, Math.min(offset, at.length - 1))];
    int lineStart = text.lastIndexOf('\n', index - 1) + 1;
    int line = scalar.pos().line();
    for (int k = text.indexOf('\n', start); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) {
      line++;
    }
    return new Pos(line, index - lineStart + 1);
  }

  /** The index in {@code text} of a 0-based line and 1-based column, or -1. */
  private static int indexOf(String text, int line, int column) {
    int lineStart = 0;
    for (int n = 0; n < line && lineStart >= 0; n++) {
      int nl = text.indexOf('\n', lineStart);
      lineStart = nl < 0 ? -1 : nl + 1;
    }
    return lineStart < 0 || column < 1 ? -1 : lineStart + column - 1;
  }
}
