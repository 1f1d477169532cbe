package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A file name the system cannot turn into a path (a NUL, or a character the locale's character set
 * cannot write, as an accented name under LANG=C on Java 17) is the user's to correct, not a bug.
 */
class FileNameTest {
  @Test
  void refusesACaseFileNameThatIsNoPathAsAUsageError() {
    Run.Result r = Run.run("eval", "caf\u0000.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("permitcheck: 'caf\\u0000.yaml' cannot be a file name here")
        .contains("hint: ").doesNotContain("internal error");
  }

  @Test
  void refusesAnOutputFileNameThatIsNoPathInTheChosenLanguage() {
    Run.Result r = Run.run("", Map.of(), "eval", "--lang", "fr", "--output", "r\u0000.txt",
        "examples/de-25b-eligible.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("permitcheck: 'r\\u0000.txt' ne peut pas être un nom de fichier ici")
        .doesNotContain("erreur interne");
  }
}
