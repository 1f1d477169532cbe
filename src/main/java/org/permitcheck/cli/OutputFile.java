package org.permitcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.permitcheck.batch.Inputs;
import org.permitcheck.report.Messages;

/** Checks an --output file before anything is read: its folder exists, and it is not an input. */
final class OutputFile {
  private OutputFile() {}

  /**
   * The resolved path of {@code output}. A usage error if its folder does not exist, or if writing it
   * would overwrite an input: a case file or the rules file named on the command line, or a case file
   * inside a directory given as input.
   */
  static Path check(Context ctx, Messages m, String output, List<String> inputs, String rules) {
    Path target = ctx.resolve(output).toAbsolutePath().normalize();
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(target)) {
      throw new UsageError(m.get("cli.output_no_folder", output), "");
    }
    for (String input : inputs) {
      if (!input.equals("-") && overwrites(target, ctx.resolve(input).toAbsolutePath().normalize())) {
        throw new UsageError(m.get("cli.output_is_input", output), m.get("cli.hint.output"));
      }
    }
    Path rulesFile = ctx.resolve(rules != null ? rules : "rules.yaml").toAbsolutePath().normalize();
    if (same(target, rulesFile)) {
      throw new UsageError(m.get("cli.output_is_input", output), m.get("cli.hint.output"));
    }
    return target;
  }

  private static boolean overwrites(Path target, Path input) {
    if (Files.isDirectory(input)) {
      return isCaseFile(target) && target.startsWith(realOrSelf(input));
    }
    return same(target, input);
  }

  private static boolean isCaseFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || Inputs.isLines(n);
  }

  private static boolean same(Path a, Path b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }
}
