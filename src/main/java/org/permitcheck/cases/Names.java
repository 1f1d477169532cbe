package org.permitcheck.cases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names to look up by their UTF-8 bytes: each one's id is its index in the list it was made from. */
final class Names {
  private final String[] names;
  private final byte[][] bytes;
  /** Open addressing by the hash of the bytes: id + 1 in each used slot. */
  private final int[] table;
  private final Map<String, Integer> byText = new HashMap<>();
  /**
   * By the id of a name plus 1 (0 for none), the id of the name that followed it the first time it
   * was followed by a known name that the list's own order did not foretell ({@link
   * JsonScanner#nameIn} tries both), or -1. Written once per entry, so that threads sharing the table
   * do not keep writing to the same memory (this alone found 78 % of the names of generated cases, as
   * many as keeping the last order seen); shared without locking: an int is written whole, and a
   * wrong guess only costs the ordinary lookup.
   */
  private final int[] next;
  /** Each name's length in bytes when it can be compared as it is written (ASCII, no escapes), else -1. */
  private final int[] plain;

  Names(List<String> list) {
    names = list.toArray(new String[0]);
    bytes = new byte[names.length][];
    int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
    table = new int[size];
    next = new int[names.length + 1];
    Arrays.fill(next, -1);
    plain = new int[names.length];
    for (int id = 0; id < names.length; id++) {
      // interned, as the texts the rules compare are
      names[id] = names[id].intern();
      bytes[id] = names[id].getBytes(StandardCharsets.UTF_8);
      plain[id] = bytes[id].length;
      for (byte b : bytes[id]) {
        if (b < 0x20 || b == '"' || b == '\\') {
          plain[id] = -1;
        }
      }
      if (byText.putIfAbsent(names[id], id) != null) {
        continue; // the first of equal names is the one found
      }
      int h = hash(bytes[id], 0, bytes[id].length);
      int slot = h & (size - 1);
      while (table[slot] != 0) {
        slot = slot + 1 & size - 1;
      }
      table[slot] = id + 1;
    }
  }

  int after(int previous) {
    return next[previous + 1];
  }

  /** How many names there are. */
  int size() {
    return names.length;
  }

  int plainLength(int id) {
    return plain[id];
  }

  void learn(int previous, int id) {
    if (id >= 0 && next[previous + 1] < 0) {
      next[previous + 1] = id;
    }
  }

  /** The name with this id, interned. */
  String name(int id) {
    return names[id];
  }

  int find(String text) {
    Integer id = byText.get(text);
    return id == null ? -1 : id;
  }

  /** The id of the name in bytes {@code from} to {@code to} of {@code in}, or -1. */
  int find(byte[] in, int from, int to) {
    int mask = table.length - 1;
    for (int slot = hash(in, from, to) & mask; ; slot = slot + 1 & mask) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      if (bytes[e - 1].length == to - from && same(e - 1, in, from)) {
        return e - 1;
      }
    }
  }

  /** Whether the name with this id is written at {@code from} in {@code in}, which has room for it. */
  boolean same(int id, byte[] in, int from) {
    // compared here, byte by byte: names are short, and Arrays.equals is a call C1 does not inline
    byte[] b = bytes[id];
    int i = 0;
    while (i < b.length && b[i] == in[from + i]) {
      i++;
    }
    return i == b.length;
  }

  /**
   * A hash of a name from its length and three of its bytes, so that looking one up reads its bytes
   * once, to compare them: the names of a table differ there often enough.
   */
  private static int hash(byte[] b, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return 0;
    }
    return ((n * 31 + b[from]) * 31 + b[from + (n >> 1)]) * 31 + b[to - 1];
  }
}
