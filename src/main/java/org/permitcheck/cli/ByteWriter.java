package org.permitcheck.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.permitcheck.report.Utf8Slice;

/**
 * A UTF-8 text writer that also lets a batch write bytes it has already encoded, straight to the
 * stream underneath: NDJSON records are encoded by the workers, so the thread that writes them only
 * hands bytes on. Records that follow each other in one array (a worker renders a chunk of records
 * into one buffer) are written with one call, which the stream's buffer lets through uncopied once
 * they are as large as it. Text keeps its order with the bytes; only {@link #flush} (and {@link
 * #close}) pushes the stream's buffer out, so that a batch makes one write to its output per buffer,
 * not one per record.
 */
final class ByteWriter extends PrintWriter {
  private final OutputStream bytes;
  private boolean failed;
  /** Records given but not yet written, all in one array: written when the next does not follow. */
  private Utf8Slice pending;

  /** @param bytes the stream underneath, buffered by the caller */
  ByteWriter(OutputStream bytes) {
    this(bytes, new KeptBuffer(bytes));
  }

  private ByteWriter(OutputStream bytes, KeptBuffer text) {
    super(new OutputStreamWriter(text, StandardCharsets.UTF_8));
    this.bytes = bytes;
    text.before = this;
  }

  /**
   * Writes bytes that are UTF-8 text, after whatever text was written before them. They are read
   * later, up to the next flush or text: they must not change.
   */
  void writeBytes(Utf8Slice b) {
    super.flush(); // the text's encoder empties into the stream, whose buffer stays
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
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      before.writePending();
      out.write(b);
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
}
