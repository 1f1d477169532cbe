package org.permitcheck.cases;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.Escapes;
import org.permitcheck.tree.IsoDate;

/**
 * A strict pull tokenizer for one JSON text in UTF-8, made for {@link JsonCaseReader}: it reads the
 * tokens of RFC 8259 JSON and nothing more (no comments, no single quotes, no NaN, no leading zeros,
 * no trailing commas, no control characters or invalid UTF-8 in strings), and throws {@link #FAIL}
 * at anything else, so that the caller can leave the text to the full reader. Field names are looked
 * up in a {@link Names} table straight from the bytes, and a string without escapes or non-ASCII
 * characters is kept as a range of the input until its text is asked for: that is what makes it
 * faster than Jackson's general parser for this one job. Not thread-safe: one per text.
 */
final class JsonScanner {
  /** Thrown at anything that is not strict JSON, or beyond a limit; it carries no stack trace. */
  static final RuntimeException FAIL = new RuntimeException("not strict JSON", null, false, false) {};

  static final int END = 0;
  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;
  static final int FIELD_NAME = 5;
  static final int STRING = 6;
  static final int INT = 7;
  static final int FLOAT = 8;
  static final int TRUE = 9;
  static final int FALSE = 10;
  static final int NULL = 11;

  /** Containers nested deeper than this are not taken (a case nests four deep). */
  private static final int MAX_DEPTH = 16;

  private final byte[] in;
  private final int end;
  private final int maxString;
  private final int maxNumber;
  private int pos;
  /** Whether each open container (from 1) is an object. */
  private final boolean[] objects = new boolean[MAX_DEPTH];
  private int depth;
  /** Whether the next element of the innermost container is its first (no comma before it). */
  private boolean first;
  /** Whether a field name's opening quote was read, and the name is still to be read. */
  private boolean pendingName;
  /** Whether a field name was just read, so that its value comes next. */
  private boolean afterName;
  /** Whether the root value has begun. */
  private boolean started;

  /** The current string, number or literal: a range of the input, or its decoded text. */
  private int start;
  private int stop;
  private String decoded;
  /** The current field name, likewise. */
  private int nameStart;
  private int nameStop;
  private String decodedName;

  JsonScanner(byte[] in, int offset, int length, int maxString, int maxNumber) {
    this.in = in;
    this.pos = offset;
    this.end = offset + length;
    this.maxString = maxString;
    this.maxNumber = maxNumber;
    // a byte-order mark, as the full reader drops it
    if (SourceText.hasBom(in, offset, length)) {
      pos += 3;
    }
  }

  /** The next token; {@link #END} after the root value, when only whitespace follows it. */
  int next() {
    if (pendingName) {
      name();
      colon();
    }
    int c = space();
    if (afterName) {
      afterName = false;
      return value(c);
    }
    if (depth == 0) {
      if (started) {
        if (c >= 0) {
          throw FAIL;
        }
        return END;
      }
      started = true;
      return value(c);
    }
    boolean object = objects[depth];
    if (c == (object ? '}' : ']')) {
      pos++;
      depth--;
      first = false;
      return object ? END_OBJECT : END_ARRAY;
    }
    if (!first) {
      if (c != ',') {
        throw FAIL;
      }
      pos++;
      c = space();
    }
    first = false;
    if (!object) {
      return value(c);
    }
    if (c != '"') {
      throw FAIL;
    }
    pos++;
    // the name is read when it is looked up (nameIn), or else at the next token
    pendingName = true;
    return FIELD_NAME;
  }

  /** Reads the colon after a field name. */
  private void colon() {
    pendingName = false;
    if (space() != ':') {
      throw FAIL;
    }
    pos++;
    afterName = true;
  }

  /** The byte after any whitespace, not consumed; -1 at the end. */
  private int space() {
    while (pos < end) {
      int c = in[pos] & 0xff;
      if (c > ' ') {
        return c;
      }
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw FAIL;
      }
      pos++;
    }
    return -1;
  }

  private int value(int c) {
    switch (c) {
      case '{':
        return open(true, START_OBJECT);
      case '[':
        return open(false, START_ARRAY);
      case '"':
        pos++;
        string();
        return STRING;
      case 't':
        return literal(end - pos >= 4 && in[pos + 1] == 'r' && in[pos + 2] == 'u' && in[pos + 3] == 'e', 4, TRUE);
      case 'f':
        return literal(end - pos >= 5 && in[pos + 1] == 'a' && in[pos + 2] == 'l' && in[pos + 3] == 's'
            && in[pos + 4] == 'e', 5, FALSE);
      case 'n':
        return literal(end - pos >= 4 && in[pos + 1] == 'u' && in[pos + 2] == 'l' && in[pos + 3] == 'l', 4, NULL);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return number();
        }
        throw FAIL;
    }
  }

  private int open(boolean object, int token) {
    if (++depth == MAX_DEPTH) {
      throw FAIL;
    }
    objects[depth] = object;
    first = true;
    pos++;
    return token;
  }

  /** A literal of {@code length} bytes, when its bytes after the first one are {@code right}. */
  private int literal(boolean right, int length, int token) {
    if (!right) {
      throw FAIL;
    }
    start = pos;
    pos += length;
    stop = pos;
    decoded = null;
    return token;
  }

  private int number() {
    int from = pos;
    boolean integer = true;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos < end && in[pos] == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < end && in[pos] == '.') {
      integer = false;
      pos++;
      digits();
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      integer = false;
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      digits();
    }
    if (pos - from > maxNumber) {
      throw FAIL;
    }
    start = from;
    stop = pos;
    decoded = null;
    return integer ? INT : FLOAT;
  }

  /** One digit or more. */
  private void digits() {
    int from = pos;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    if (pos == from) {
      throw FAIL;
    }
  }

  /** The current string, from just after its opening quote. */
  private void string() {
    start = pos;
    decoded = scan();
    stop = pos - 1;
  }

  private void name() {
    nameStart = pos;
    decodedName = scan();
    nameStop = pos - 1;
  }

  /**
   * Reads a string from just after its opening quote to just after its closing quote: null when its
   * text is its bytes (ASCII without escapes), else its decoded text.
   */
  private String scan() {
    int from = pos;
    while (true) {
      if (pos == end) {
        throw FAIL;
      }
      byte c = in[pos];
      if (c == '"') {
        break;
      }
      if (c < 0x20 || c == '\\') {
        // an escape, a non-ASCII byte (negative) or a control character
        return decode(from);
      }
      pos++;
    }
    if (pos++ - from > maxString) {
      throw FAIL;
    }
    return null;
  }

  /** The text of a string from {@code from} (just after its opening quote), consuming its closing quote. */
  private String decode(int from) {
    StringBuilder out = new StringBuilder();
    pos = from;
    while (true) {
      if (pos == end) {
        throw FAIL;
      }
      int c = in[pos++] & 0xff;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        out.append(escape());
      } else if (c < 0x20) {
        throw FAIL;
      } else if (c < 0x80) {
        out.append((char) c);
      } else {
        out.appendCodePoint(utf8(c));
      }
      if (out.length() > maxString) {
        throw FAIL;
      }
    }
    return out.toString();
  }

  private char escape() {
    if (pos == end) {
      throw FAIL;
    }
    byte letter = in[pos++];
    if (letter != 'u') {
      int c = Escapes.json(letter);
      if (c < 0) {
        throw FAIL;
      }
      return (char) c;
    }
    char u = (char) hex4();
    // a surrogate, paired or not, is left to the full reader
    if (Character.isSurrogate(u)) {
      throw FAIL;
    }
    return u;
  }

  private int hex4() {
    if (end - pos < 4) {
      throw FAIL;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Escapes.hexDigit(in[pos++]);
      if (d < 0) {
        throw FAIL;
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** The code point of a UTF-8 sequence whose first byte {@code lead} was read; well-formed only. */
  private int utf8(int lead) {
    int n;
    int min;
    int cp;
    if (lead >= 0xC2 && lead <= 0xDF) {
      n = 1;
      min = 0x80;
      cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      n = 2;
      min = 0x800;
      cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      n = 3;
      min = 0x10000;
      cp = lead & 0x07;
    } else {
      throw FAIL;
    }
    if (end - pos < n) {
      throw FAIL;
    }
    for (int i = 0; i < n; i++) {
      int b = in[pos++] & 0xff;
      if ((b & 0xC0) != 0x80) {
        throw FAIL;
      }
      cp = cp << 6 | b & 0x3F;
    }
    // overlong forms, surrogates and beyond Unicode are malformed
    if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
      throw FAIL;
    }
    return cp;
  }

  /** The text of the current string, number or literal. */
  String text() {
    return decoded != null ? decoded : new String(in, start, stop - start, StandardCharsets.ISO_8859_1);
  }

  /** The length of {@link #text()} in chars. */
  int textLength() {
    return decoded != null ? decoded.length() : stop - start;
  }

  /** The current string as a strict YYYY-MM-DD date of the calendar, or null ({@link IsoDate}). */
  LocalDate isoDate() {
    return decoded != null ? IsoDate.parse(decoded) : IsoDate.parse(in, start, stop - start);
  }

  /** The value of the current {@link #INT}, which has at most 18 digits. */
  long longValue() {
    int i = start;
    boolean negative = in[i] == '-';
    if (negative) {
      i++;
    }
    long v = 0;
    for (; i < stop; i++) {
      v = v * 10 + (in[i] - '0');
    }
    return negative ? -v : v;
  }

  /**
   * Reads the current field name and gives its id in {@code names}, or -1 when it is not there.
   *
   * @param previous the id of the field before it in the same object, or -1 for the first: the names
   *     likely to follow that one are tried first, by comparing bytes ({@link #takes})
   */
  int nameIn(Names names, int previous) {
    int id = -1;
    if (pendingName) {
      int learnt = names.after(previous);
      if (takes(names, learnt)) {
        id = learnt;
      } else if (previous + 1 != learnt && takes(names, previous + 1)) {
        id = previous + 1;
      } else if (previous + 2 != learnt && takes(names, previous + 2)) {
        id = previous + 2;
      } else {
        name();
        id = decodedName != null ? names.find(decodedName) : names.find(in, nameStart, nameStop);
        names.learn(previous, id);
      }
      colon();
    }
    return id;
  }

  /**
   * Whether the pending field name is the name with this id (if there is one), written as it is: then
   * it is read. The names tried are the one that followed the previous name before, then the next two
   * in the list's order: writers keep an order (such as the rules' order of facts) and leave out names.
   */
  private boolean takes(Names names, int id) {
    int length = id < 0 || id >= names.size() ? -1 : names.plainLength(id);
    if (length >= 0 && end - pos > length && in[pos + length] == '"' && names.same(id, in, pos)) {
      nameStart = pos;
      nameStop = pos + length;
      pos += length + 1;
      decodedName = null;
      return true;
    }
    return false;
  }

  /** The text of the field name read last by {@link #nameIn}. */
  String fieldName() {
    return decodedName != null ? decodedName
        : new String(in, nameStart, nameStop - nameStart, StandardCharsets.ISO_8859_1);
  }

  /** The id in {@code names} of the current string's text, or -1 when it is not there. */
  int textIn(Names names) {
    return decoded != null ? names.find(decoded) : names.find(in, start, stop);
  }
}
