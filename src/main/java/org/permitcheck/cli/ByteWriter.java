package org.permitcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 text writer that also lets a batch write bytes it has already encoded, straight to the
 * stream underneath: NDJSON records are encoded by the workers, so the thread that writes them only
 * copies bytes. Text written before the bytes is flushed first, so the order is kept.
 */
final class ByteWriter extends PrintWriter {
  private final OutputStream bytes;
  private boolean failed;

  /** @param bytes the stream underneath, buffered by the caller */
  ByteWriter(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    this.bytes = bytes;
  }

  /** Writes bytes that are UTF-8 text, after whatever text was written before them. */
  void writeBytes(byte[] b) {
    super.flush();
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
  public boolean checkError() {
    return super.checkError() || failed;
  }
}
