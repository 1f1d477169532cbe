package org.permitcheck.rules;

import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.ScalarNode;

/**
 * Maps a character offset inside an expression to a line and column in the rules file: the position
 * of the YAML scalar, plus one for an opening quote, plus the offset; for block scalars ({@code |} or
 * {@code >}) the line of the offset below the indicator.
 */
final class ExprLocator {
  private ExprLocator() {}

  static Pos locate(SourceText source, ScalarNode scalar, int offset) {
    Pos start = scalar.pos();
    String line = source.line(start.line());
    int col = start.column() - 1;
    char first = col >= 0 && col < line.length() ? line.charAt(col) : ' ';
    String value = scalar.text();
    if (first == '|' || first == '>') {
      int lineIndex = 0;
      int lineStart = 0;
      for (int i = 0; i < offset && i < value.length(); i++) {
        if (value.charAt(i) == '\n') {
          lineIndex++;
          lineStart = i + 1;
        }
      }
      if (first == '>') {
        lineIndex = 0;
        lineStart = 0;
      }
      int fileLine = start.line() + 1 + lineIndex;
      String text = source.line(fileLine);
      int indent = 0;
      while (indent < text.length() && text.charAt(indent) == ' ') {
        indent++;
      }
      return new Pos(fileLine, indent + (offset - lineStart) + 1);
    }
    if (value.indexOf('\n') >= 0) {
      return start;
    }
    int quote = scalar.quoted() ? 1 : 0;
    return start.plus(quote + offset);
  }
}
