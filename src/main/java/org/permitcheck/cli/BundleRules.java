package org.permitcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.TreeReader;
import org.permitcheck.tree.TreeWriter;

/**
 * Build step (process-classes): checks rules.yaml and writes it as JSON next to the classes, with the
 * SHA-256 of the YAML text, so that the bundled ruleset loads without the YAML parser. A rules file
 * with errors fails the build, with its diagnostics.
 */
public final class BundleRules {
  private BundleRules() {}

  public static void main(String[] args) throws IOException {
    Path yaml = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String text = Files.readString(yaml, StandardCharsets.UTF_8);
    Checked<Ruleset> rules = RulesLoader.load(new SourceText("rules.yaml", text));
    if (rules.hasErrors()) {
      rules.errors().forEach(d -> System.err.println(d.render()));
      throw new IllegalStateException("rules.yaml has errors: the bundled ruleset cannot be built");
    }
    TreeReader.Result tree = TreeReader.yaml(Limits.RULES).read(new SourceText("rules.yaml", text));
    Files.createDirectories(out.getParent());
    Files.writeString(out, TreeWriter.json(tree.root().get()), StandardCharsets.UTF_8);
    Files.writeString(out.resolveSibling(out.getFileName() + ".sha256"), RulesLoader.sha256(text) + "\n",
        StandardCharsets.UTF_8);
  }
}
