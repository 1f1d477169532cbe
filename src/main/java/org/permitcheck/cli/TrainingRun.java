package org.permitcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (package): the training run of the class-data sharing archive. It runs, in one JVM, the
 * commands a user starts most often, so that the classes each of them loads (and the lambdas they link)
 * are in the archive: one case in every output format, and a directory of cases. Output is discarded.
 * {@code TrainingRun EXAMPLES_DIR}.
 */
public final class TrainingRun {
  private TrainingRun() {}

  public static void main(String[] args) {
    Cli.skipUnusedConverters();
    Path examples = Path.of(args[0]).toAbsolutePath();
    String one = examples.resolve("de-25b-eligible.yaml").toString();
    List<List<String>> commands = List.of(
        List.of("eval", one),
        List.of("eval", "--format", "json", one),
        List.of("eval", "--format", "markdown", one),
        List.of("eval", "--explain", one),
        List.of("eval", "--format", "ndjson", examples.toString()),
        List.of("eval", examples.toString()),
        List.of("test", examples.toString()));
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    System.out.println("training run of " + Main.class.getName() + ": " + commands.size() + " commands");
    for (List<String> command : commands) {
      Context ctx = Cli.system(new ByteArrayInputStream(new byte[0]), sink, sink, System.getenv());
      Cli.run(ctx, command.toArray(String[]::new));
    }
  }
}
