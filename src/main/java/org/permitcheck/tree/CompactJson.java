package org.permitcheck.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads well-formed JSON into the tree that {@link TreeReader#json} gives for it, positions included,
 * without Jackson: the bundled ruleset is such a text ({@link TreeWriter#json}), and reading it is on
 * the path of every start. Jackson's parser is built for throughput; in a cold JVM its set-up and its
 * first 130 KB run in the interpreter, on the thread that must finish before the first case is
 * evaluated. This reader does one thing: it accepts only what it is sure to read as Jackson does, and
 * says {@code null} for anything else (a syntax error, a duplicate key, a value beyond the {@link
 * Limits}, a second value), so that the caller reads the text with Jackson, which reports it.
 */
final class CompactJson {
  private final String text;
  private final int firstLine;
  private final Limits limits;
  private int at;
  private int line;
  private int lineStart;

  private CompactJson(String text, int firstLine, Limits limits) {
    this.text = text;
    this.firstLine = firstLine;
    this.limits = limits;
  }

  /** The tree of {@code text}, which starts at line {@code firstLine}; null when Jackson must read it. */
  static Node read(String text, int firstLine, Limits limits) {
    if (text.length() > limits.maxBytes()) {
      return null;
    }
    CompactJson reader = new CompactJson(text, firstLine, limits);
    Node root = reader.value(0);
    return root != null && reader.skipSpace() == -1 ? root : null;
  }

  /** The next character after spaces, tabs and line feeds, without taking it; -1 at the end. */
  private int skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\n') {
        line++;
        lineStart = at + 1;
      } else if (c != ' ' && c != '\t') {
        return c; // also a carriage return, which Jackson counts as a line of its own: it reads those texts
      }
      at++;
    }
    return -1;
  }

  /** Where the character at {@code at} stands, as Jackson counts: lines and columns from 1. */
  private Pos pos() {
    return new Pos(line + firstLine, at - lineStart + 1);
  }

  private Node value(int depth) {
    int c = skipSpace();
    Pos pos = pos();
    switch (c) {
      case '{':
        return depth + 1 > limits.maxDepth() ? null : map(pos, depth + 1);
      case '[':
        return depth + 1 > limits.maxDepth() ? null : list(pos, depth + 1);
      case '"':
        String s = string();
        return s == null ? null : new ScalarNode(ScalarNode.Type.STRING, s, pos, true);
      case 't':
        return word("true", ScalarNode.Type.BOOLEAN, "true", pos);
      case 'f':
        return word("false", ScalarNode.Type.BOOLEAN, "false", pos);
      case 'n':
        return word("null", ScalarNode.Type.NULL, "", pos);
      default:
        return c == '-' || (c >= '0' && c <= '9') ? number(pos) : null;
    }
  }

  private Node map(Pos pos, int depth) {
    at++; // {
    LinkedHashMap<String, MapNode.Entry> entries = new LinkedHashMap<>();
    if (skipSpace() == '}') {
      at++;
      return new MapNode(entries, pos);
    }
    while (true) {
      if (skipSpace() != '"') {
        return null;
      }
      Pos keyPos = pos();
      String key = string();
      if (key == null || skipSpace() != ':') {
        return null;
      }
      at++;
      Node value = value(depth);
      if (value == null || entries.putIfAbsent(key, new MapNode.Entry(key, keyPos, value)) != null) {
        return null;
      }
      int c = skipSpace();
      at++;
      if (c == '}') {
        return new MapNode(entries, pos);
      }
      if (c != ',') {
        return null;
      }
    }
  }

  private Node list(Pos pos, int depth) {
    at++; // [
    List<Node> items = new ArrayList<>();
    if (skipSpace() == ']') {
      at++;
      return new ListNode(items, pos);
    }
    while (true) {
      Node item = value(depth);
      if (item == null) {
        return null;
      }
      items.add(item);
      int c = skipSpace();
      at++;
      if (c == ']') {
        return new ListNode(items, pos);
      }
      if (c != ',') {
        return null;
      }
    }
  }

  /** The string that starts at the quote at {@code at}, unescaped; null when it is not well formed. */
  private String string() {
    int start = ++at;
    StringBuilder escaped = null;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        String s = escaped == null ? text.substring(start, at) : escaped.append(text, start, at).toString();
        at++;
        return s.length() > limits.maxStringLength() ? null : s;
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        at++;
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder();
      }
      escaped.append(text, start, at);
      int code = escape();
      if (code < 0) {
        return null;
      }
      escaped.append((char) code);
      start = at;
    }
    return null;
  }

  /** The character the escape at {@code at} stands for, moving past it; -1 when it is not one. */
  private int escape() {
    if (at + 1 >= text.length()) {
      return -1;
    }
    char c = text.charAt(at + 1);
    at += 2;
    if (c != 'u') {
      return Escapes.json(c);
    }
    if (at + 4 > text.length()) {
      return -1;
    }
    int code = 0;
    for (int end = at + 4; at < end; at++) {
      int digit = Escapes.hexDigit(text.charAt(at));
      if (digit < 0) {
        return -1;
      }
      code = code * 16 + digit;
    }
    return code;
  }

  private Node word(String word, ScalarNode.Type type, String value, Pos pos) {
    if (!text.startsWith(word, at) || (at + word.length() < text.length() && isWordPart(text.charAt(at + word.length())))) {
      return null;
    }
    at += word.length();
    return new ScalarNode(type, value, pos, false);
  }

  /**
   * A number as JSON writes it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, followed by
   * something that ends it; an integer unless it has a fraction or an exponent, as Jackson types it.
   */
  private Node number(Pos pos) {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (digits() == 0) {
      return null;
    }
    boolean decimal = false;
    if (peek() == '.') {
      at++;
      decimal = true;
      if (digits() == 0) {
        return null;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      decimal = true;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (digits() == 0) {
        return null;
      }
    }
    if (at < text.length() && (isWordPart(text.charAt(at)) || text.charAt(at) == '.')) {
      return null;
    }
    String number = text.substring(start, at);
    if (number.length() > limits.maxNumberLength()) {
      return null;
    }
    return new ScalarNode(decimal ? ScalarNode.Type.DECIMAL : ScalarNode.Type.INTEGER, number, pos, false);
  }

  private int peek() {
    return at < text.length() ? text.charAt(at) : -1;
  }

  private int digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+';
  }
}
