package org.permitcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.schema.Schemas;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build steps that write files from the program's own definitions, so that they cannot drift:
 *
 * <ul>
 *   <li>{@code schemas RULES DIR}: the JSON Schemas of case files, rules files and results, which the
 *       files in examples/ name for editors. Written only when changed; commit the change.
 *   <li>{@code docs DIR}: the bash and zsh completion scripts and the man pages (AsciiDoc, from
 *       picocli-codegen's ManPageGenerator), under target/.
 * </ul>
 */
public final class BuildFiles {
  private BuildFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("schemas")) {
      schemas(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length == 2 && args[0].equals("docs")) {
      docs(Path.of(args[1]));
    } else {
      throw new IllegalArgumentException("usage: BuildFiles schemas RULES DIR | docs DIR");
    }
  }

  static void schemas(Path rulesFile, Path dir) throws IOException {
    String text = Files.readString(rulesFile, StandardCharsets.UTF_8);
    Checked<Ruleset> rules = RulesLoader.load(new SourceText(rulesFile.getFileName().toString(), text));
    if (rules.hasErrors()) {
      throw new IllegalStateException(rulesFile + " has errors: run 'permitcheck check'");
    }
    Files.createDirectories(dir);
    for (String kind : Schemas.KINDS) {
      Path file = dir.resolve(Schemas.fileName(kind));
      String schema = Schemas.render(kind, rules.value().get(), new Messages("en"));
      if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(schema)) {
        Files.writeString(file, schema, StandardCharsets.UTF_8);
        System.out.println("permitcheck: updated " + file + " (commit it with the change that caused it)");
      }
    }
  }

  static void docs(Path dir) throws IOException {
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), Path.of("").toAbsolutePath(), LocalDate.now(), false);
    Path completion = dir.resolve("completion");
    Files.createDirectories(completion);
    Files.writeString(completion.resolve("permitcheck.bash"), CompletionCommand.script(ctx, "bash"),
        StandardCharsets.UTF_8);
    Files.writeString(completion.resolve("_permitcheck"), CompletionCommand.script(ctx, "zsh"), StandardCharsets.UTF_8);
    Path man = dir.resolve("man");
    Files.createDirectories(man);
    CommandLine cl = Cli.commandLine(ctx);
    int code = ManPageGenerator.generateManPage(man.toFile(), (File) null, new boolean[0], true, cl.getCommandSpec());
    if (code != 0) {
      throw new IllegalStateException("the man pages could not be generated (code " + code + ")");
    }
  }
}
