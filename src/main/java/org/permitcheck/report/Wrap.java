package org.permitcheck.report;

/**
 * Word-wraps text to a width with a hanging indent, so that reports fit 80 columns, or a narrower
 * terminal that an interview runs in ({@link #fitTo}).
 */
public final class Wrap {
  static final int WIDTH = 80;
  /** The narrowest width wrapped to: below it a terminal breaks lines itself. */
  static final int NARROWEST = 20;
  private static volatile int width = WIDTH;

  private Wrap() {}

  /**
   * Wraps to a terminal of {@code columns} from now on when it is narrower than 80 columns; 80 again
   * for 0 (unknown, or the terminal is gone). Set by the interview, which knows its terminal.
   */
  public static void fitTo(int columns) {
    width = columns <= 0 ? WIDTH : Math.max(NARROWEST, Math.min(WIDTH, columns));
  }

  /**
   * Appends {@code first} + text, continuing on new lines indented by {@code rest}; each line ends
   * with a newline. {@code first}, {@code rest} and the words are counted by their visible length, so
   * that colour codes never move a line break.
   */
  public static void append(StringBuilder out, String first, String rest, String text) {
    int width = Wrap.width;
    StringBuilder line = new StringBuilder(first);
    int visible = visibleLength(first);
    boolean empty = true;
    // keep "§ 25b", "art. 9bis", "Abs. 5" and "z. B." together on one line
    String glued = unbreakable(abbreviations(text.replace("§ ", "§\u00a0").replace("Art. ", "Art.\u00a0")
        .replace("art. ", "art.\u00a0")));
    int end = 0;
    while (true) {
      int start = end;
      while (start < glued.length() && isSpace(glued.charAt(start))) {
        start++;
      }
      if (start == glued.length()) {
        break;
      }
      end = start;
      while (end < glued.length() && !isSpace(glued.charAt(end))) {
        end++;
      }
      String word = glued.substring(start, end).replace('\u00a0', ' ');
      int len = visibleLength(word);
      if (!empty && visible + 1 + len > width) {
        out.append(line).append('\n');
        line = new StringBuilder(rest);
        visible = visibleLength(rest);
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

  /**
   * The spaces a line must not break at made no-break: inside a number ("1 201,20", a space before a
   * group of three digits), around a euro sign ("615 €", "€ 615"), before French punctuation
   * ("pourquoi ?", "« salarié »"), and after an opening guillemet. A line that ended in "1" and went on with "201,20 €"
   * would read as one euro.
   */
  static String unbreakable(String text) {
    if (text.indexOf(' ') < 0) {
      return text;
    }
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] != ' ') {
        continue;
      }
      char before = i > 0 ? c[i - 1] : ' ';
      char after = i + 1 < c.length ? c[i + 1] : ' ';
      boolean thousands = Character.isDigit(before) && i + 3 < c.length && Character.isDigit(c[i + 1])
          && Character.isDigit(c[i + 2]) && Character.isDigit(c[i + 3])
          && (i + 4 == c.length || !Character.isDigit(c[i + 4]));
      boolean sign = "€?!:;»".indexOf(after) >= 0 && before != ' ' || before == '€' && Character.isDigit(after);
      if (thousands || sign || before == '«' && after != ' ') {
        c[i] = '\u00a0';
      }
    }
    return new String(c);
  }

  /**
   * German abbreviations kept whole and with the number they introduce, as German typesetting does:
   * a line that ends in "(z." and goes on with "B. Schutz der Familie)" is read as a broken word.
   */
  static String abbreviations(String text) {
    return text.replace("z. B.", "z.\u00a0B.").replace("d. h.", "d.\u00a0h.").replace("u. a.", "u.\u00a0a.")
        .replace("Abs. ", "Abs.\u00a0").replace("Nr. ", "Nr.\u00a0").replace(" S. ", " S.\u00a0");
  }

  /** Keeps a short phrase such as "§ 25b AufenthG" on one line. */
  static String glue(String phrase) {
    return phrase.length() <= 24 ? phrase.replace(' ', '\u00a0') : phrase;
  }

  /** Where words break: spaces, tabs and line ends (not the no-break spaces of {@link #glue}). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** The length in code points, not counting colour codes ({@code ESC [ digits-and-semicolons m}). */
  static int visibleLength(String s) {
    int count = 0;
    int i = 0;
    while (i < s.length()) {
      int end = colourCodeEnd(s, i);
      if (end > i) {
        i = end;
      } else {
        i += Character.charCount(s.codePointAt(i));
        count++;
      }
    }
    return count;
  }

  /** The end of the colour code that starts at {@code i}, or {@code i} when none starts there. */
  private static int colourCodeEnd(String s, int i) {
    if (s.charAt(i) != '\u001b' || i + 1 >= s.length() || s.charAt(i + 1) != '[') {
      return i;
    }
    int j = i + 2;
    while (j < s.length() && (s.charAt(j) >= '0' && s.charAt(j) <= '9' || s.charAt(j) == ';')) {
      j++;
    }
    return j < s.length() && s.charAt(j) == 'm' ? j + 1 : i;
  }
}
