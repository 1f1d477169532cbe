package org.permitcheck.report;

/** Word-wraps text to a width with a hanging indent, so that reports fit 80 columns. */
public final class Wrap {
  static final int WIDTH = 80;

  private Wrap() {}

  /**
   * Appends {@code first} + text, continuing on new lines indented by {@code rest}; each line ends
   * with a newline. {@code first} and {@code rest} are counted by their visible length.
   */
  public static void append(StringBuilder out, String first, String rest, String text) {
    int width = WIDTH;
    StringBuilder line = new StringBuilder(first);
    int visible = visibleLength(first);
    boolean empty = true;
    // keep "§ 25b" and "art. 9bis" together on one line
    String glued = text.replace("§ ", "§\u00a0").replace("Art. ", "Art.\u00a0").replace("art. ", "art.\u00a0");
    for (String raw : glued.split("[ \\t\\n\\r]+")) {
      String word = raw.replace('\u00a0', ' ');
      if (word.isEmpty()) {
        continue;
      }
      int len = word.codePointCount(0, word.length());
      if (!empty && visible + 1 + len > width) {
        out.append(line).append('\n');
        line = new StringBuilder(rest);
        visible = rest.length();
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        visible++;
      }
      line.append(word);
      visible += len;
      empty = false;
    }
    out.append(line).append('\n');
  }

  /** Keeps a short phrase such as "§ 25b AufenthG" on one line. */
  static String glue(String phrase) {
    return phrase.length() <= 24 ? phrase.replace(' ', '\u00a0') : phrase;
  }

  static int visibleLength(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "").codePointCount(0, s.replaceAll("\u001b\\[[0-9;]*m", "").length());
  }
}
