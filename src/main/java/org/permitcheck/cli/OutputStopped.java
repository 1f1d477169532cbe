package org.permitcheck.cli;

import java.io.PrintWriter;
import org.permitcheck.report.Messages;

/**
 * The results can no longer be written (the reader of a pipe has gone, as with {@code | head}, or the
 * disk is full): the batch stops, since evaluating the rest would be for nothing.
 */
final class OutputStopped extends RuntimeException {
  OutputStopped() {
    super(null, null, false, false);
  }

  /** Stops the batch if writing to {@code out} has failed. */
  static void ifFailed(PrintWriter out) {
    if (ByteWriter.failed(out)) {
      throw new OutputStopped();
    }
  }

  /** Counts a record just written to {@code out}, and stops the batch if it could not be written. */
  static void afterRecord(PrintWriter out) {
    ByteWriter.endRecord(out);
    ifFailed(out);
  }

  /**
   * Says on stderr after how many results stdout could no longer be written, counting those that
   * reached the system (of {@code given} written to {@code out}); returns the exit code.
   */
  static int report(Context ctx, Messages m, int given) {
    int written = ByteWriter.recordsWritten(ctx.out(), given);
    ctx.err().println("permitcheck: " + m.get("cli.output_stopped", "stdout",
        m.count(written, "count.result.one", "count.result.many")));
    return ExitCode.INVALID_INPUT;
  }
}
