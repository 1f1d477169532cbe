package org.permitcheck.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the plain form of YAML that case files are written in, without SnakeYAML, into the same tree
 * the full reader builds: the same values, types and positions. It takes only what it can read
 * exactly and gives up on anything else, and the caller then reads the text with the full reader,
 * which also reports every problem. So the subset decides speed, never a result.
 *
 * <p>The subset:
 *
 * <ul>
 *   <li>printable text with newlines for line breaks; beyond ASCII only in comments, quoted strings
 *       and plain text values, and only characters that YAML does not take for a line break and that
 *       are one char long;
 *   <li>one block mapping at column 1, with block mappings and block lists nested by deeper
 *       indentation, and lists and mappings in flow style on one line;
 *   <li>plain keys ({@code [A-Za-z_][A-Za-z0-9_.-]*});
 *   <li>single-quoted strings, and double-quoted strings with the escapes {@code \" \\ \n \t \r
 *       \\uXXXX}, each on one line;
 *   <li>plain values that are text starting with a letter, whole numbers and decimals without leading
 *       zeros, and dates as YYYY-MM-DD;
 *   <li>whole-line comments and comments after a value.
 * </ul>
 *
 * <p>Not in it, among others: tabs, carriage returns, document markers, anchors, aliases, tags, block
 * scalars, values continued on the next line, empty values, duplicate keys, and plain words that YAML
 * 1.1 reads as other than text in some spelling (yes, no, on, off, null, y, n, true and false in any
 * case, but for {@code true} and {@code false} themselves).
 */
final class YamlSubset {
  /** Thrown when the text is outside the subset; carries nothing, as it is never reported. */
  private static final class Outside extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Outside() {
      super(null, null, false, false);
    }
  }

  private static final Outside OUTSIDE = new Outside();
  /** Deeper than a case file nests; the full reader applies the real limit. */
  private static final int MAX_DEPTH = 16;

  /** Recent keys and words of this thread by a hash of their text; see {@link #word}. */
  private static final ThreadLocal<String[]> RECENT = ThreadLocal.withInitial(() -> new String[2048]);

  /**
   * The text, as an array rather than a String: while the JIT compiler profiles this code, each call of
   * {@code charAt} updates counters that the threads of several jobs would all write to at once.
   */
  private final char[] s;
  private final int n;
  private final int firstLine;
  private final Limits limits;
  private final String[] words = RECENT.get();
  /**
   * When not null, the text is written here as compact JSON ({@link #json}) instead of being built into
   * a tree: the parse methods then return null.
   */
  private final Utf8Out json;
  /** The start of the current line, its number within the text (1-based) and its indentation. */
  private int lineStart;
  private int line = 1;
  private int lineIndent;

  private YamlSubset(char[] s, int firstLine, Limits limits, Utf8Out json) {
    this.s = s;
    this.n = s.length;
    this.firstLine = firstLine;
    this.limits = limits;
    this.json = json;
  }

  /** The tree of a text in the subset, or null when the text is outside it. */
  static Node read(String text, int firstLine, Limits limits) {
    char[] chars = text.toCharArray();
    if (!printable(chars)) {
      return null;
    }
    try {
      return new YamlSubset(chars, firstLine, limits, null).document();
    } catch (Outside | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /**
   * The text in the subset as compact JSON, in UTF-8, or null when it is outside it: the tree {@link
   * #read} builds, written out, so that JSON read back gives the same values of the same types (text,
   * whole numbers and decimals as written, true and false) in the same order. A duplicate key is
   * written twice, for the reader of the JSON to refuse.
   */
  static byte[] json(String text, Limits limits) {
    char[] chars = text.toCharArray();
    if (!printable(chars)) {
      return null;
    }
    Utf8Out out = JSON.get();
    out.clear();
    try {
      new YamlSubset(chars, 1, limits, out).document();
    } catch (Outside | IndexOutOfBoundsException e) {
      return null;
    } finally {
      if (out.capacity() > MAX_KEPT_BUFFER) {
        JSON.remove();
      }
    }
    return out.toBytes();
  }

  /** By thread, the buffer of the last text written as JSON: it keeps its capacity. */
  private static final ThreadLocal<Utf8Out> JSON = ThreadLocal.withInitial(() -> new Utf8Out(8192));
  private static final int MAX_KEPT_BUFFER = 1 << 20;

  private static boolean printable(char[] text) {
    for (int i = 0; i < text.length; i++) {
      char c = text[i];
      if ((c < 0x20 || c > 0x7e) && c != '\n' && !safe(c)) {
        return false;
      }
    }
    return true;
  }

  private Node document() {
    int indent = contentLine(0);
    if (indent != 0) {
      throw OUTSIDE;
    }
    Node root = blockMap(0, lineStart, 1);
    if (lineStart < n) {
      throw OUTSIDE;
    }
    return root;
  }

  /**
   * Moves from {@code from}, the start of a line, to the start of the next line with content (not
   * blank, not only a comment), and returns its indentation, or -1 at the end of the text.
   */
  private int contentLine(int from) {
    int i = from;
    while (i < n) {
      int j = i;
      while (j < n && s[j] == ' ') {
        j++;
      }
      if (j < n && s[j] != '\n' && s[j] != '#') {
        lineStart = i;
        lineIndent = j - i;
        return lineIndent;
      }
      while (j < n && s[j] != '\n') {
        j++;
      }
      i = j + 1;
      line++;
    }
    lineStart = n;
    lineIndent = -1;
    return -1;
  }

  /** Moves past the end of the line that {@code i} is on, which must hold nothing more than a comment. */
  private int endOfLine(int i) {
    int j = spaces(i);
    if (j < n && s[j] == '#') {
      if (j == i) {
        throw OUTSIDE; // a comment needs a space before it
      }
      while (j < n && s[j] != '\n') {
        j++;
      }
    }
    if (j < n && s[j] != '\n') {
      throw OUTSIDE;
    }
    if (j >= n) {
      return n;
    }
    line++;
    return j + 1;
  }

  /**
   * A block mapping whose keys stand at column {@code indent} (0-based); its first key is at {@code
   * first}, which differs from the line's indentation inside a list item ({@code - key: value}).
   * Returns at the start of the first line with content that is indented less, or at the end.
   */
  private MapNode blockMap(int indent, int first, int depth) {
    depth(depth);
    LinkedHashMap<String, MapNode.Entry> entries = json == null ? new LinkedHashMap<>() : null;
    Pos mapPos = json == null ? pos(first) : null;
    int k = first;
    if (json != null) {
      json.ascii('{');
    }
    while (true) {
      Pos keyPos = json == null ? pos(k) : null;
      int e = keyEnd(k);
      String key = json == null ? word(k, e) : null;
      if (e >= n || s[e] != ':') {
        throw OUTSIDE;
      }
      if (json != null) {
        key(k, e, json.last() != '{');
      }
      e++;
      Node value;
      int at = spaces(e);
      if (at < n && s[at] != '\n' && s[at] != '#') {
        if (at == e) {
          throw OUTSIDE; // 'key:value' is one plain scalar in YAML
        }
        int[] end = new int[1];
        value = inline(at, depth, false, end);
        notDeeper(contentLine(endOfLine(end[0])), indent);
      } else {
        int nested = contentLine(endOfLine(e));
        int at2 = lineStart + nested;
        if (nested == indent && s[at2] == '-') {
          value = blockList(nested, depth + 1, true); // a list may stand at its key's indentation
        } else if (nested <= indent) {
          throw OUTSIDE; // an empty value
        } else {
          value = s[at2] == '-' ? blockList(nested, depth + 1, false) : blockMap(nested, at2, depth + 1);
        }
        notDeeper(indentHere(), indent);
      }
      if (json == null && entries.putIfAbsent(key, new MapNode.Entry(key, keyPos, value)) != null) {
        throw OUTSIDE;
      }
      if (indentHere() < indent) {
        if (json != null) {
          json.ascii('}');
          return null;
        }
        return new MapNode(entries, mapPos);
      }
      k = lineStart + indent;
    }
  }

  /** Writes a plain key (which needs no escape) and its colon, after a comma unless it is the first. */
  private void key(int k, int e, boolean comma) {
    if (comma) {
      json.ascii(',');
    }
    json.ascii('"').append(s, k, e - k).ascii('"').ascii(':');
  }

  /**
   * A block list whose dashes stand at column {@code indent}; returns as {@link #blockMap} does, or,
   * when the list stands at its key's indentation, at the next key.
   */
  private ListNode blockList(int indent, int depth, boolean atKeyIndent) {
    depth(depth);
    List<Node> items = json == null ? new ArrayList<>() : null;
    Pos listPos = json == null ? pos(lineStart + indent) : null;
    if (json != null) {
      json.ascii('[');
    }
    while (true) {
      int dash = lineStart + indent;
      if (s[dash] != '-' || dash + 1 >= n || s[dash + 1] != ' ') {
        throw OUTSIDE;
      }
      int at = spaces(dash + 1);
      if (at >= n || s[at] == '\n' || s[at] == '#') {
        throw OUTSIDE; // an empty item, or an item on the lines below
      }
      if (json != null && json.last() != '[') {
        json.ascii(',');
      }
      Node item;
      if (startsKey(at)) {
        item = blockMap(at - lineStart, at, depth + 1);
        notDeeper(indentHere(), indent);
      } else {
        int[] end = new int[1];
        item = inline(at, depth, false, end);
        notDeeper(contentLine(endOfLine(end[0])), indent);
      }
      if (json != null) {
        if (indentHere() < indent || (atKeyIndent && s[lineStart + indent] != '-')) {
          json.ascii(']');
          return null;
        }
        continue;
      }
      items.add(item);
      if (indentHere() < indent || (atKeyIndent && s[lineStart + indent] != '-')) {
        return new ListNode(items, listPos);
      }
    }
  }

  /** After a value: the next line with content must not be indented more than its parent's keys. */
  private static void notDeeper(int nextIndent, int parentIndent) {
    if (nextIndent > parentIndent) {
      throw OUTSIDE;
    }
  }

  /** The indentation of the current line with content, -1 at the end of the text. */
  private int indentHere() {
    return lineIndent;
  }

  /** Whether a plain key followed by ': ' or ':' at the end of the line starts at {@code i}. */
  private boolean startsKey(int i) {
    if (!keyStart(s[i])) {
      return false;
    }
    int e = keyEnd(i);
    return e < n && s[e] == ':' && (e + 1 >= n || s[e + 1] == ' ' || s[e + 1] == '\n');
  }

  /**
   * A value written on one line: a flow list or mapping, a quoted string or a plain scalar.
   * {@code end[0]} receives where it ends.
   */
  private Node inline(int i, int depth, boolean flow, int[] end) {
    char c = s[i];
    if (c == '"') {
      return quoted(i, end);
    }
    if (c == '\'') {
      return singleQuoted(i, end);
    }
    if (c == '[') {
      return flowList(i, depth + 1, end);
    }
    if (c == '{') {
      return flowMap(i, depth + 1, end);
    }
    return plain(i, flow, end);
  }

  private ListNode flowList(int open, int depth, int[] end) {
    depth(depth);
    List<Node> items = json == null ? new ArrayList<>() : null;
    if (json != null) {
      json.ascii('[');
    }
    int i = spaces(open + 1);
    if (s[i] == ']') {
      end[0] = i + 1;
    } else {
      boolean first = true;
      do {
        if (json != null && !first) {
          json.ascii(',');
        }
        first = false;
        Node item = inline(i, depth, true, end);
        if (json == null) {
          items.add(item);
        }
      } while ((i = nextItem(end, ']')) >= 0);
    }
    if (json != null) {
      json.ascii(']');
      return null;
    }
    return new ListNode(items, pos(open));
  }

  private MapNode flowMap(int open, int depth, int[] end) {
    depth(depth);
    LinkedHashMap<String, MapNode.Entry> entries = json == null ? new LinkedHashMap<>() : null;
    if (json != null) {
      json.ascii('{');
    }
    int i = spaces(open + 1);
    if (s[i] == '}') {
      end[0] = i + 1;
    } else {
      boolean first = true;
      do {
        Pos keyPos = json == null ? pos(i) : null;
        int e = keyEnd(i);
        if (s[e] != ':' || s[e + 1] != ' ') {
          throw OUTSIDE;
        }
        if (json != null) {
          key(i, e, !first);
          first = false;
          inline(spaces(e + 1), depth, true, end);
          continue;
        }
        String key = word(i, e);
        Node value = inline(spaces(e + 1), depth, true, end);
        if (entries.putIfAbsent(key, new MapNode.Entry(key, keyPos, value)) != null) {
          throw OUTSIDE;
        }
      } while ((i = nextItem(end, '}')) >= 0);
    }
    if (json != null) {
      json.ascii('}');
      return null;
    }
    return new MapNode(entries, pos(open));
  }

  /**
   * After an item of a flow collection, which ends at {@code end[0]}: the start of the next item, or -1
   * at the closing bracket, past which {@code end[0]} then points.
   */
  private int nextItem(int[] end, char close) {
    int i = spaces(end[0]);
    char c = s[i];
    if (c == close) {
      end[0] = i + 1;
      return -1;
    }
    if (c != ',') {
      throw OUTSIDE;
    }
    return spaces(i + 1);
  }

  /** The end of a plain key starting at {@code i}; a key that YAML 1.1 reads as other than text is refused. */
  private int keyEnd(int i) {
    if (!keyStart(s[i])) {
      throw OUTSIDE;
    }
    int e = i + 1;
    while (e < n && keyPart(s[e])) {
      e++;
    }
    if (e - i > limits.maxStringLength() || reserved(i, e)) {
      throw OUTSIDE;
    }
    return e;
  }

  private ScalarNode quoted(int open, int[] end) {
    StringBuilder out = null;
    int from = open + 1;
    int i = from;
    while (true) {
      char c = s[i];
      if (c == '"') {
        break;
      }
      if (c == '\n') {
        throw OUTSIDE; // folded over lines
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(s, from, i - from);
      char x = s[i + 1];
      switch (x) {
        case '"', '\\' -> out.append(x);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'u' -> {
          int code = hex4(i + 2);
          if (Character.isSurrogate((char) code)) {
            throw OUTSIDE;
          }
          out.append((char) code);
          i += 4;
        }
        default -> throw OUTSIDE;
      }
      i += 2;
      from = i;
    }
    String text = out == null ? new String(s, from, i - from) : out.append(s, from, i - from).toString();
    if (text.length() > limits.maxStringLength()) {
      throw OUTSIDE;
    }
    end[0] = i + 1;
    return scalar(ScalarNode.Type.STRING, text, open, true);
  }

  /** A single-quoted string on one line, where {@code ''} stands for one quote. */
  private ScalarNode singleQuoted(int open, int[] end) {
    StringBuilder out = new StringBuilder();
    int i = open + 1;
    while (true) {
      char c = s[i];
      if (c == '\n') {
        throw OUTSIDE; // folded over lines
      }
      if (c == '\'') {
        if (s[i + 1] != '\'') {
          break;
        }
        i++;
      }
      out.append(c);
      i++;
    }
    if (out.length() > limits.maxStringLength()) {
      throw OUTSIDE;
    }
    end[0] = i + 1;
    return scalar(ScalarNode.Type.STRING, out.toString(), open, true);
  }

  private int hex4(int i) {
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = Escapes.hexDigit(s[k]);
      if (d < 0) {
        throw OUTSIDE;
      }
      v = v * 16 + d;
    }
    return v;
  }

  /**
   * A plain scalar: text starting with a letter, a number or a date. Inside a flow collection it ends
   * before ',', ']' or '}'; on its own it runs to the end of the line or a comment.
   */
  private ScalarNode plain(int start, boolean flow, int[] end) {
    int i = start;
    while (i < n && plainPart(s[i])) {
      i++;
    }
    if (i < n) {
      char c = s[i];
      boolean stops = c == '\n' || (c == '#' && s[i - 1] == ' ')
          || (flow && (c == ',' || c == ']' || c == '}'));
      if (!stops) {
        throw OUTSIDE;
      }
    }
    int e = i;
    while (e > start && s[e - 1] == ' ') {
      e--;
    }
    end[0] = e;
    if (e == start) {
      throw OUTSIDE;
    }
    char c = s[start];
    if (letter(c)) {
      if (e - start > limits.maxStringLength()) {
        throw OUTSIDE;
      }
      if (reserved(start, e)) {
        if (e - start == 4 && same(start, "true")) {
          return scalar(ScalarNode.Type.BOOLEAN, "true", start, false);
        }
        if (e - start == 5 && same(start, "false")) {
          return scalar(ScalarNode.Type.BOOLEAN, "false", start, false);
        }
        throw OUTSIDE;
      }
      if (json != null) {
        // plain text holds no character that JSON escapes
        json.ascii('"').append(s, start, e - start).ascii('"');
        return null;
      }
      return new ScalarNode(ScalarNode.Type.STRING, word(start, e), pos(start), false);
    }
    return number(start, e);
  }

  /** A whole number or decimal without leading zeros, or a date as YYYY-MM-DD (text, as YAML reads it). */
  private ScalarNode number(int start, int e) {
    if (e - start == 10 && date(start)) {
      return scalar(ScalarNode.Type.STRING, new String(s, start, e - start), start, false);
    }
    int i = s[start] == '-' ? start + 1 : start;
    int digits = i;
    while (i < e && digit(s[i])) {
      i++;
    }
    if (i == digits || (s[digits] == '0' && i - digits > 1)) {
      throw OUTSIDE;
    }
    ScalarNode.Type type = ScalarNode.Type.INTEGER;
    if (i < e && s[i] == '.') {
      int fraction = ++i;
      while (i < e && digit(s[i])) {
        i++;
      }
      if (i == fraction) {
        throw OUTSIDE;
      }
      type = ScalarNode.Type.DECIMAL;
    }
    if (i != e || e - start > limits.maxNumberLength()) {
      throw OUTSIDE;
    }
    if (json != null) {
      json.append(s, start, e - start); // in JSON's own form: a sign, digits without a leading zero, a fraction
      return null;
    }
    return new ScalarNode(type, new String(s, start, e - start), pos(start), false);
  }

  /**
   * A scalar that starts at {@code at}: a node, or in JSON, text as a string (escaped) and a boolean as
   * itself.
   */
  private ScalarNode scalar(ScalarNode.Type type, String text, int at, boolean quoted) {
    if (json == null) {
      return new ScalarNode(type, text, pos(at), quoted);
    }
    if (type != ScalarNode.Type.STRING) {
      json.append(text);
      return null;
    }
    json.ascii('"');
    int from = 0; // the text from here on is still to be written
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        json.append(text, from, i);
        if (c < 0x20) {
          json.append("\\u00").ascii(Character.forDigit(c >> 4, 16)).ascii(Character.forDigit(c & 15, 16));
        } else {
          json.ascii('\\').ascii(c);
        }
        from = i + 1;
      }
    }
    json.append(text, from, text.length()).ascii('"');
    return null;
  }

  private boolean date(int i) {
    for (int k = 0; k < 10; k++) {
      char c = s[i + k];
      if (k == 4 || k == 7 ? c != '-' : !digit(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text is one of {@link TreeReader#NOT_TEXT_WORDS}, compared without case. */
  private boolean reserved(int i, int e) {
    int len = e - i;
    if (len > 5) {
      return false;
    }
    for (String w : TreeReader.NOT_TEXT_WORDS) {
      if (w.length() == len && sameIgnoringCase(i, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text from {@code i} to {@code e}, as the same String as the last time that text came here in
   * this thread when it is short: keys and words repeat from case to case, and the maps they are looked
   * up in then find them by identity, with their hash already computed. Each thread has its own cache,
   * so that threads do not write to memory that other threads read.
   */
  private String word(int i, int e) {
    int len = e - i;
    if (len > 40) {
      return new String(s, i, len);
    }
    int h = len;
    for (int k = i; k < e; k++) {
      char c = s[k];
      if (c == ' ') {
        return new String(s, i, len); // free text, which seldom repeats
      }
      h = 31 * h + c;
    }
    int slot = (h ^ (h >>> 11)) & (words.length - 1);
    String known = words[slot];
    if (known != null && known.length() == len && same(i, known)) {
      return known;
    }
    String word = new String(s, i, len);
    words[slot] = word;
    return word;
  }

  /** Whether the text at {@code i} starts with {@code word}. */
  private boolean same(int i, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (s[i + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text at {@code i} starts with {@code word} without regard to case, as {@link
   * String#regionMatches(boolean, int, String, int, int)} compares them.
   */
  private boolean sameIgnoringCase(int i, String word) {
    for (int k = 0; k < word.length(); k++) {
      char a = s[i + k];
      char b = word.charAt(k);
      if (a == b) {
        continue;
      }
      char ua = Character.toUpperCase(a);
      char ub = Character.toUpperCase(b);
      if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) {
        return false;
      }
    }
    return true;
  }

  private int spaces(int i) {
    while (i < n && s[i] == ' ') {
      i++;
    }
    return i;
  }

  private void depth(int depth) {
    if (depth > MAX_DEPTH || depth > limits.maxDepth()) {
      throw OUTSIDE;
    }
  }

  private Pos pos(int i) {
    return new Pos(line + firstLine - 1, i - lineStart + 1);
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean keyStart(char c) {
    return letter(c) || c == '_';
  }

  private static boolean keyPart(char c) {
    return c < 128 && KEY_PART[c];
  }

  private static boolean plainPart(char c) {
    return c < 128 ? PLAIN_PART[c] : safe(c);
  }

  private static final boolean[] KEY_PART = new boolean[128];
  private static final boolean[] PLAIN_PART = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      KEY_PART[c] = letter(c) || digit(c) || c == '_' || c == '.' || c == '-';
      PLAIN_PART[c] = KEY_PART[c] || c == ' ' || c == '/' || c == '+' || c == '(' || c == ')';
    }
  }

  /**
   * A character beyond ASCII that YAML prints as itself and that takes one column, as SnakeYAML counts
   * them: not a line break of YAML 1.1 (U+0085, U+2028, U+2029), not a byte-order mark, not half of a
   * surrogate pair.
   */
  private static boolean safe(char c) {
    return c >= 0xa0 && c <= 0xfffd && c != 0x2028 && c != 0x2029 && c != 0xfeff && !Character.isSurrogate(c);
  }
}
