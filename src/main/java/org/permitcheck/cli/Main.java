package org.permitcheck.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The program's entry point: the only place that calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Cli.skipUnusedConverters();
    // stdout's own PrintStream flushes on every write; batches write megabytes
    PrintWriter out = ByteWriter.buffered(new FileOutputStream(FileDescriptor.out), 1 << 16);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    Context ctx;
    try {
      ctx = Cli.system(org.permitcheck.batch.Stdin.system(System.in), out, err, System.getenv());
    } catch (UsageError e) {
      err.println("permitcheck: " + e.getMessage());
      err.println("  hint: " + e.hint);
      err.flush();
      System.exit(ExitCode.USAGE);
      return;
    }
    System.exit(Cli.run(ctx, args));
  }
}
