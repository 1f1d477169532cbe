package org.permitcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.TreeReader;

/** The bundled form: the same ruleset as the rules file, and a country's permits read only when asked for. */
class RulesBundleTest {
  static final SourceText RULES = rules();

  static SourceText rules() {
    try {
      return new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, String> parts() {
    return RulesBundle.split((MapNode) TreeReader.yaml(Limits.RULES).read(RULES).root().get());
  }

  @Test
  void loadsTheSamePermitsAsTheRulesFile() {
    Ruleset yaml = RulesLoader.load(RULES).value().get();
    Map<String, String> parts = parts();
    Ruleset bundled = RulesBundle.load(new SourceText("core", parts.get(RulesBundle.CORE)),
        code -> new SourceText(code, parts.get(code)), yaml.sha256()).value().get();
    assertThat(bundled.permitIds()).isEqualTo(yaml.permitIds());
    assertThat(bundled.permits()).isEqualTo(yaml.permits());
    assertThat(bundled.facts()).isEqualTo(yaml.facts());
    assertThat(bundled.derived().keySet()).isEqualTo(yaml.derived().keySet());
    assertThat(bundled.sha256()).isEqualTo(yaml.sha256());
  }

  @Test
  void readsTheCountriesAsked() {
    Map<String, String> parts = parts();
    List<String> read = new ArrayList<>();
    Ruleset bundled = RulesBundle.load(new SourceText("core", parts.get(RulesBundle.CORE)), code -> {
      read.add(code);
      return new SourceText(code, parts.get(code));
    }, "0").value().get();
    assertThat(bundled.permitIds()).contains("DE-25b", "BE-9bis-merits");
    assertThat(read).isEmpty();
    assertThat(bundled.permit("DE-25b")).isPresent();
    bundled.country("DE").get().permits();
    assertThat(read).containsExactly("DE");
    assertThat(bundled.permits()).hasSize(bundled.permitIds().size());
    assertThat(read).containsExactlyInAnyOrder("DE", "BE", "FR", "NL");
  }
}
