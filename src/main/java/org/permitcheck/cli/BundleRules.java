package org.permitcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesBundle;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.TreeReader;

/**
 * Build step (process-classes): checks rules.yaml and writes it next to the classes in the bundled form
 * ({@link RulesBundle}: rules.json, the core, and rules.CODE.json, the permits of each country), with
 * the SHA-256 and the fingerprint of the YAML text (rules.bundle.properties), so that the bundled ruleset loads without the YAML parser and reads
 * only the countries a command needs. A rules file with errors fails the build, with its diagnostics.
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
    for (Map.Entry<String, String> part : RulesBundle.split((MapNode) tree.root().get()).entrySet()) {
      Files.writeString(out.resolveSibling(RulesSource.partName(part.getKey())), part.getValue(),
          StandardCharsets.UTF_8);
    }
    String info = "# what the bundled ruleset was made from (BundleRules)\n"
        + "sha256=" + RulesLoader.sha256(text) + "\n"
        + "fingerprint=" + RulesSource.fingerprint(Files.readAllBytes(yaml)) + "\n";
    Files.writeString(out.resolveSibling(RulesSource.INFO_FILE), info, StandardCharsets.ISO_8859_1);
  }
}
