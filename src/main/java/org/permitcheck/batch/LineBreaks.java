package org.permitcheck.batch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next line break ({@code \n} or {@code \r}) in a buffer of NDJSON, eight bytes at a time:
 * the thread that splits lines and keeps the input order would otherwise test every byte twice.
 * Making the view of bytes as longs costs a cold JVM several milliseconds, so a source takes this
 * path only from its {@link #AFTER_LINES}th line on; a small input never loads the class's handle.
 */
final class LineBreaks {
  /** Lines a source splits a byte at a time before it goes eight at a time. */
  static final int AFTER_LINES = 256;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  /** '\r' + 1: a line break is a byte below it ('\n' is 10, '\r' 13). */
  private static final long BELOW = 14 * ONES;

  private LineBreaks() {}

  /** The index of the first line break in {@code b[from, to)}, or -1. */
  static int bytewise(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }

  /** As {@link #bytewise}, testing eight bytes at once for one below 14, then those bytes alone. */
  static int find(byte[] b, int from, int to) {
    VarHandle longs = Longs.VIEW;
    int i = from;
    for (; i <= to - 8; i += 8) {
      long x = (long) longs.get(b, i);
      // whether an unsigned byte of x is below 14 (exact; tabs and other controls also hit)
      if (((x - BELOW) & ~x & HIGHS) != 0) {
        int at = bytewise(b, i, i + 8);
        if (at >= 0) {
          return at;
        }
      }
    }
    return bytewise(b, i, to);
  }

  /** Loaded on first use only. */
  private static final class Longs {
    static final VarHandle VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  }
}
