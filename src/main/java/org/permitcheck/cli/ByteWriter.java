package org.permitcheck.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.permitcheck.report.Utf8Slice;

/**
 * A UTF-8 text writer that also lets a batch write bytes it has already encoded, straight to the
 * stream underneath: NDJSON records are encoded by the workers, so the thread that writes them only
 * hands bytes on. Records that follow each other in one array (a worker renders a chunk of records
 * into one buffer) are written with one call, which the stream's buffer lets through uncopied once
 * they are as large as it. Text keeps its order with the bytes; only {@link #flush} (and {@link
 * #close}) pushes the stream's buffer out, so that a batch makes one write to its output per buffer,
 * not one per record.
 *
 * <p>A failed write (the reader of a pipe has gone, the disk is full) is remembered, whether text or
 * bytes failed, so that a batch can stop at once ({@link #failed}); and the writer counts how many of
 * the records it was told of ({@link #endRecord}) reached the stream under the buffer, i.e. the
 * system, so that it can say how many results were really written.
 */
final class ByteWriter extends PrintWriter {
  private final OutputStream bytes;
  private final Reached reached;
  private boolean failed;
  /** Records given but not yet written, all in one array: written when the next does not follow. */
  private Utf8Slice pending;
  /** Bytes given so far, text and records. */
  private long given;
  /** Where each record given ends (in bytes given), for those not known to have reached the system. */
  private final ArrayDeque<Long> ends = new ArrayDeque<>();
  private int recordsWritten;

  /** @param bytes the stream underneath, unbuffered or buffered by the caller: its writes count as done */
  ByteWriter(OutputStream bytes) {
    this(new Reached(bytes));
  }

  private ByteWriter(Reached reached) {
    this(reached, reached, new KeptBuffer(reached));
  }

  private ByteWriter(OutputStream bytes, Reached reached, KeptBuffer text) {
    super(new OutputStreamWriter(text, StandardCharsets.UTF_8));
    this.bytes = bytes;
    this.reached = reached;
    text.before = this;
  }

  /** A writer to {@code system} (stdout, a file) through a buffer of {@code size} bytes. */
  static ByteWriter buffered(OutputStream system, int size) {
    Reached reached = new Reached(system);
    BufferedOutputStream buffer = new BufferedOutputStream(reached, size);
    return new ByteWriter(buffer, reached, new KeptBuffer(buffer));
  }

  /** Whether writing to {@code out} failed: cheap for a ByteWriter; any other writer is flushed first. */
  static boolean failed(PrintWriter out) {
    return out instanceof ByteWriter ? ((ByteWriter) out).failed() : out.checkError();
  }

  /** Marks the end of a record written to {@code out}, if it counts them. */
  static void endRecord(PrintWriter out) {
    if (out instanceof ByteWriter) {
      ((ByteWriter) out).endRecord();
    }
  }

  /** How many records reached the system, of the {@code given} ones written to {@code out}. */
  static int recordsWritten(PrintWriter out, int given) {
    return out instanceof ByteWriter ? ((ByteWriter) out).recordsWritten() : given;
  }

  /** Marks the end of a record: whatever was written since the last one. */
  void endRecord() {
    super.flush(); // the text's encoder empties into the stream (and is counted), whose buffer stays
    ends.add(given);
    count();
  }

  /** How many of the records marked by {@link #endRecord} have reached the system, whole. */
  int recordsWritten() {
    count();
    return recordsWritten;
  }

  private void count() {
    while (!ends.isEmpty() && ends.peek() <= reached.count) {
      ends.poll();
      recordsWritten++;
    }
  }

  /**
   * Writes bytes that are UTF-8 text, after whatever text was written before them. They are read
   * later, up to the next flush or text: they must not change.
   */
  void writeBytes(Utf8Slice b) {
    super.flush(); // the text's encoder empties into the stream, whose buffer stays
    given += b.length();
    if (pending != null && pending.continuedBy(b)) {
      pending = new Utf8Slice(pending.bytes(), pending.offset(), pending.length() + b.length());
      return;
    }
    writePending();
    pending = b;
  }

  private void writePending() {
    if (pending == null) {
      return;
    }
    try {
      bytes.write(pending.bytes(), pending.offset(), pending.length());
    } catch (IOException e) {
      failed = true;
    }
    pending = null;
  }

  /** Whether bytes could not be written (the reader closed the pipe, the disk is full): cheap to ask. */
  boolean failed() {
    return failed;
  }

  @Override
  public void flush() {
    super.flush();
    writePending();
    try {
      bytes.flush();
    } catch (IOException e) {
      failed = true;
    }
  }

  @Override
  public boolean checkError() {
    return super.checkError() || failed;
  }

  /**
   * The stream as the text's encoder sees it: bytes given before the text go first, and flushing the
   * encoder moves its bytes into the stream but leaves the stream's own buffer for {@link
   * ByteWriter#flush} to push out.
   */
  private static final class KeptBuffer extends FilterOutputStream {
    ByteWriter before;

    KeptBuffer(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      before.writePending();
      before.given += len;
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        before.failed = true;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() {
      // ByteWriter.flush flushes the stream itself
    }

    @Override
    public void close() throws IOException {
      before.writePending();
      super.close();
    }
  }

  /** The stream under the buffer: counts the bytes the system took. */
  private static final class Reached extends OutputStream {
    private final OutputStream system;
    long count;

    Reached(OutputStream system) {
      this.system = system;
    }

    @Override
    public void write(int b) throws IOException {
      system.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      system.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      system.flush();
    }

    @Override
    public void close() throws IOException {
      system.close();
    }
  }
}
