package org.permitcheck.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.permitcheck.io.SafeFiles;
import org.permitcheck.report.Messages;

/**
 * {@code --output FILE}: checked before anything is read (never an input file, never a folder), then
 * written through {@link SafeFiles} — a private temporary file in the same folder, moved into place in
 * one step — so that FILE holds either its old content or the whole new one.
 */
final class OutputFile {
  private OutputFile() {}

  /** The file to write to, or empty for stdout; a usage error if it would overwrite an input. */
  static Optional<Path> check(Context ctx, Messages m, String output, List<String> inputs, String rules) {
    if (output == null) {
      return Optional.empty();
    }
    if (output.isBlank() || output.equals("-")) {
      throw new UsageError("--output needs a file name", "leave --output out to print on stdout");
    }
    Path target = ctx.resolve(output);
    if (Files.isDirectory(target)) {
      throw new UsageError("--output '" + output + "' is a folder", "give a file name, e.g. results.json");
    }
    Path folder = target.toAbsolutePath().normalize().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new UsageError(m.get("cli.output_no_folder", output), "");
    }
    List<String> protectedFiles = new ArrayList<>(inputs);
    protectedFiles.add(rules != null ? rules : "rules.yaml");
    for (String input : protectedFiles) {
      Path in = ctx.resolve(input);
      if (Files.isDirectory(in) && inside(target, in)) {
        throw new UsageError(m.get("cli.output_is_input", output), m.get("cli.hint.output"));
      }
      if (same(target, in)) {
        throw new UsageError(m.get("cli.output_is_input", output), m.get("cli.hint.output"));
      }
    }
    return Optional.of(target);
  }

  /** Whether {@code file} lies in {@code dir} or below it (through links too). */
  private static boolean inside(Path file, Path dir) {
    Path f = file.toAbsolutePath().normalize();
    Path d = dir.toAbsolutePath().normalize();
    try {
      d = d.toRealPath();
      Path parent = f.getParent();
      if (parent != null && Files.exists(parent)) {
        f = parent.toRealPath().resolve(f.getFileName());
      }
    } catch (IOException e) {
      // compare the names as given
    }
    return f.startsWith(d);
  }

  /** Whether two paths name the same file (through links too), or would once FILE is created. */
  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall back to comparing the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** Starts writing the output file; see {@link SafeFiles#create(Path)}. */
  static SafeFiles.Pending open(Path target, String shown) {
    try {
      return SafeFiles.create(target);
    } catch (NoSuchFileException e) {
      throw new UsageError("cannot write --output '" + shown + "': its folder does not exist", "create it first");
    } catch (AccessDeniedException e) {
      throw new UsageError("cannot write --output '" + shown + "': permission denied",
          "choose a folder you can write to");
    } catch (IOException e) {
      throw new UsageError("cannot write --output '" + shown + "'", "check the folder and the free space");
    }
  }
}
