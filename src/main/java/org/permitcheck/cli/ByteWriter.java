package org.permitcheck.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 text writer that also lets a batch write bytes it has already encoded, straight to the
 * stream underneath: NDJSON records are encoded by the workers, so the thread that writes them only
 * copies bytes. Text written before the bytes is moved into the stream first, so the order is kept;
 * only {@link #flush} (and {@link #close}) pushes the stream's buffer out, so that a batch makes one
 * write to its output per buffer, not one per record.
 */
final class ByteWriter extends PrintWriter {
  private final OutputStream bytes;
  private boolean failed;

  /** @param bytes the stream underneath, buffered by the caller */
  ByteWriter(OutputStream bytes) {
    super(new OutputStreamWriter(new KeptBuffer(bytes), StandardCharsets.UTF_8));
    this.bytes = bytes;
  }

  /** Writes bytes that are UTF-8 text, after whatever text was written before them. */
  void writeBytes(byte[] b) {
    super.flush(); // the text's encoder empties into the stream, whose buffer stays
    try {
      bytes.write(b);
    } catch (IOException e) {
      failed = true;
    }
  }

  /** Whether bytes could not be written (the reader closed the pipe, the disk is full): cheap to ask. */
  boolean failed() {
    return failed;
  }

  @Override
  public void flush() {
    super.flush();
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
   * The stream as the text's encoder sees it: flushing the encoder moves its bytes into the stream but
   * leaves the stream's own buffer for {@link ByteWriter#flush} to push out.
   */
  private static final class KeptBuffer extends FilterOutputStream {
    KeptBuffer(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {
      // ByteWriter.flush flushes the stream itself
    }
  }
}
