package org.permitcheck.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes JSON text into a {@link StringBuilder}, the same text Jackson's generator wrote for us before:
 * strings escaped as Jackson does (quote, backslash, {@code \b \t \n \f \r}, other control characters
 * as {@code \u001B} with upper-case hex, everything else as is, non-ASCII included); when pretty, laid
 * out as {@link JsonRenderer#prettyPrinter()} does (two spaces, {@code "key": value}, empty {@code {}}
 * and {@code []}). One writer for one text; not for sharing between threads.
 */
final class JsonWriter {
  private final StringBuilder out;
  private final boolean pretty;
  /** For each open object or array, from the outermost: whether it has an entry yet. */
  private boolean[] filled = new boolean[8];
  private int depth;
  /** A name was written: the next value is its value, with no separator before it. */
  private boolean named;

  JsonWriter(StringBuilder out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    return open();
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    return open();
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    separate();
    quote(out, name);
    out.append(pretty ? ": " : ":");
    named = true;
    return this;
  }

  /** A string, or null. */
  JsonWriter string(String s) {
    if (s == null) {
      return nullValue();
    }
    beforeValue();
    quote(out, s);
    return this;
  }

  JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  JsonWriter bool(boolean b) {
    beforeValue();
    out.append(b);
    return this;
  }

  JsonWriter number(long n) {
    beforeValue();
    out.append(n);
    return this;
  }

  /** An ISO date, or null. */
  JsonWriter date(Optional<LocalDate> d) {
    return d.isPresent() ? date(d.get()) : nullValue();
  }

  JsonWriter date(LocalDate d) {
    beforeValue();
    appendDate(out, d);
    return this;
  }

  /**
   * A fact value: null, boolean, integer ({@code Long}), decimal ({@code BigDecimal}, as {@code
   * toString} writes it), list, map, and anything else as the string of its {@code toString}.
   */
  JsonWriter value(Object v) {
    if (v == null) {
      return nullValue();
    } else if (v instanceof Boolean) {
      return bool((Boolean) v);
    } else if (v instanceof Long) {
      return number((Long) v);
    } else if (v instanceof BigDecimal) {
      beforeValue();
      out.append(v);
      return this;
    } else if (v instanceof List) {
      beginArray();
      for (Object item : (List<?>) v) {
        value(item);
      }
      return endArray();
    } else if (v instanceof Map) {
      beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        name(e.getKey().toString()).value(e.getValue());
      }
      return endObject();
    }
    return string(v.toString());
  }

  /**
   * The builder, to append one whole value already written as JSON text: a string, number or literal,
   * or, in a compact writer only, an object or array written compact (a pretty writer would indent it).
   */
  StringBuilder rawValue() {
    beforeValue();
    return out;
  }

  private void beforeValue() {
    if (named) {
      named = false;
    } else {
      separate();
    }
  }

  /** The comma before every entry but the first of an object or array, and the indentation. */
  private void separate() {
    if (depth == 0) {
      return;
    }
    if (filled[depth - 1]) {
      out.append(',');
    }
    filled[depth - 1] = true;
    if (pretty) {
      indent(depth);
    }
  }

  private JsonWriter open() {
    if (depth == filled.length) {
      filled = Arrays.copyOf(filled, depth * 2);
    }
    filled[depth++] = false;
    return this;
  }

  private JsonWriter close(char bracket) {
    boolean empty = !filled[--depth];
    if (pretty && !empty) {
      indent(depth);
    }
    out.append(bracket);
    return this;
  }

  private void indent(int level) {
    out.append('\n');
    for (int i = 0; i < level; i++) {
      out.append("  ");
    }
  }

  /** {@code s} as a JSON string, quoted and escaped. */
  static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(b, s);
    return b.toString();
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    int done = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        out.append(s, done, i);
        escape(out, c);
        done = i + 1;
      }
    }
    if (done == 0) {
      out.append(s);
    } else {
      out.append(s, done, n);
    }
    out.append('"');
  }

  private static final String SHORT_ESCAPES = "\"\"\\\\\bb\tt\nn\ff\rr";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static void escape(StringBuilder out, char c) {
    out.append('\\');
    for (int i = 0; i < SHORT_ESCAPES.length(); i += 2) {
      if (SHORT_ESCAPES.charAt(i) == c) {
        out.append(SHORT_ESCAPES.charAt(i + 1));
        return;
      }
    }
    out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
  }

  /** The date as {@link LocalDate#toString()} writes it, quoted, without the intermediate string. */
  static void appendDate(StringBuilder out, LocalDate d) {
    int year = d.getYear();
    if (year < 1000 || year > 9999) {
      // signs and padding: rare, leave them to LocalDate
      out.append('"').append(d).append('"');
      return;
    }
    out.append('"').append(year).append('-');
    twoDigits(out, d.getMonthValue());
    out.append('-');
    twoDigits(out, d.getDayOfMonth());
    out.append('"');
  }

  private static void twoDigits(StringBuilder out, int n) {
    out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }
}
