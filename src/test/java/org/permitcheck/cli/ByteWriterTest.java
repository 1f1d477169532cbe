package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.permitcheck.report.Utf8Slice;

class ByteWriterTest {
  /** The stream under stdout's buffer: counts the writes that would be system calls. */
  private static final class Counting extends ByteArrayOutputStream {
    int writes;
    int flushes;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes++;
      super.write(b, off, len);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recordsReachTheStreamABufferAtATimeNotOneWriteEach() {
    Counting sink = new Counting();
    ByteWriter w = new ByteWriter(new BufferedOutputStream(sink, 1 << 16));
    byte[] record = utf8("{\"case_id\":\"x\",\"results\":[]}" + " ".repeat(70) + "\n");
    for (int i = 0; i < 10_000; i++) {
      w.writeBytes(Utf8Slice.of(record));
    }
    w.flush();

    assertThat(sink.size()).isEqualTo(10_000 * record.length);
    assertThat(sink.writes).isLessThanOrEqualTo(10_000 * record.length / (1 << 16) + 1);
  }

  @Test
  void textAndEncodedBytesKeepTheirOrder() {
    Counting sink = new Counting();
    ByteWriter w = new ByteWriter(new BufferedOutputStream(sink, 1 << 16));
    w.print("[é");
    w.writeBytes(Utf8Slice.of(utf8("1,")));
    w.print("ü,");
    w.writeBytes(Utf8Slice.of(utf8("2")));
    w.println("]");
    w.flush();

    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("[é1,ü,2]" + System.lineSeparator());
  }

  @Test
  void onlyFlushAndClosePushTheBufferOut() {
    Counting sink = new Counting();
    ByteWriter w = new ByteWriter(new BufferedOutputStream(sink, 1 << 16));
    w.print("text ");
    w.writeBytes(Utf8Slice.of(utf8("bytes ")));
    w.print("more");
    assertThat(sink.size()).isZero();

    w.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("text bytes more");
    assertThat(sink.flushes).isEqualTo(1);

    w.writeBytes(Utf8Slice.of(utf8(" last")));
    w.close();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("text bytes more last");
    assertThat(w.checkError()).isFalse();
  }

  @Test
  void recordsThatFollowEachOtherInOneArrayAreWrittenUncopiedInOneCall() {
    Counting sink = new Counting();
    ByteWriter w = new ByteWriter(new BufferedOutputStream(sink, 1 << 16));
    byte[] shared = new byte[1 << 18];
    java.util.Arrays.fill(shared, (byte) 'x');
    for (int i = 0; i < 64; i++) {
      w.writeBytes(new Utf8Slice(shared, i * 4096, 4096)); // 256 KB of records, one after another
    }
    w.flush();

    assertThat(sink.size()).isEqualTo(1 << 18);
    assertThat(sink.writes).isEqualTo(1);
  }

  @Test
  void textBetweenRecordsOfOneArrayKeepsItsPlace() {
    Counting sink = new Counting();
    ByteWriter w = new ByteWriter(new BufferedOutputStream(sink, 1 << 16));
    byte[] shared = utf8("a\nb\nc\n");
    w.writeBytes(new Utf8Slice(shared, 0, 2));
    w.print("text\n");
    w.writeBytes(new Utf8Slice(shared, 2, 2));
    w.writeBytes(new Utf8Slice(shared, 4, 2));
    w.print("end");
    w.close();

    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("a\ntext\nb\nc\nend");
  }

  @Test
  void countsTheRecordsThatReachedTheSystemNotThoseLeftInTheBuffer() {
    java.io.OutputStream full = new java.io.OutputStream() {
      long room = 250;

      @Override
      public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        if (len > room) {
          throw new java.io.IOException("No space left on device");
        }
        room -= len;
      }
    };
    ByteWriter w = ByteWriter.buffered(full, 100);
    for (int i = 0; i < 10; i++) {
      w.print("x".repeat(49) + "\n"); // 50 bytes a record: two fill the buffer
      w.endRecord();
    }
    assertThat(w.failed()).isTrue();
    assertThat(w.recordsWritten()).isEqualTo(4);
  }
}
