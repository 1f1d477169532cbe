package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** The ruleset bundled as JSON at build time is the rules.yaml of the checkout, with its hash. */
class BundledRulesTest {
  @Test
  void bundledJsonLoadsTheSameRulesAsTheYaml() throws IOException {
    String yaml = Files.readString(Path.of("rules.yaml"));
    Ruleset fromYaml = RulesLoader.load(new SourceText("rules.yaml", yaml)).value().get();
    Ruleset bundled = RulesSource.bundledJson().orElseThrow().value().orElseThrow();
    assertThat(bundled.sha256()).isEqualTo(fromYaml.sha256()).isEqualTo(RulesLoader.sha256(yaml));
    assertThat(bundled.permits()).extracting(Permit::id).containsExactlyElementsOf(
        fromYaml.permits().stream().map(Permit::id).toList());
    assertThat(bundled.facts().keySet()).containsExactlyElementsOf(fromYaml.facts().keySet());
    assertThat(bundled.version()).isEqualTo(fromYaml.version());
  }

  @Test
  void evaluatesTheSameWithTheBundledRulesAsWithTheFile(@org.junit.jupiter.api.io.TempDir Path elsewhere)
      throws IOException {
    Path example = Path.of("examples/de-25b-eligible.yaml").toAbsolutePath();
    Run.Result here = Run.run("eval", "--format", "json", example.toString());
    Run.Result bundled = Run.run("", java.util.Map.of(), elsewhere, "eval", "--format", "json", example.toString());
    assertThat(bundled.out()).isEqualTo(here.out());
  }
}
