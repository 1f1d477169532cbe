package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.permitcheck.report.Messages;

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
  void saysThatALocaleNamingUtf8IsNotInstalledWhenJavaStillReadsNamesAsAscii() {
    String hint = Cli.badFileNameHint(new Messages("fr"), "caf\uFFFD\uFFFD.yaml",
        Map.of("LANG", "C", "LC_ALL", "fr_FR.UTF-8"), "ANSI_X3.4-1968");
    assertThat(hint).isEqualTo("la locale fr_FR.UTF-8 n'est pas installée ici, Java lit donc les noms de fichiers"
        + " en ANSI_X3.4-1968 : installez-la (par exemple locale-gen fr_FR.UTF-8) ou lancez LC_ALL=C.UTF-8"
        + " permitcheck --lang fr …");
    assertThat(Cli.badFileNameHint(new Messages("en"), "caf\uFFFD.yaml", Map.of("LANG", "en_US.utf8"), "ANSI_X3.4-1968"))
        .contains("the locale en_US.utf8 is not installed here").endsWith("run LC_ALL=C.UTF-8 permitcheck …");
  }

  @Test
  void namesTheCategoryLocaleThatIsMissingNotTheOneThatIsThere() {
    assertThat(Cli.badFileNameHint(new Messages("de"), "caf\uFFFD.yaml",
        Map.of("LANG", "C.UTF-8", "LC_MESSAGES", "de_DE.UTF-8"), "ANSI_X3.4-1968"))
        .startsWith("die Locale de_DE.UTF-8 ist hier nicht installiert");
    assertThat(Cli.badFileNameHint(new Messages("en"), "caf\uFFFD.yaml", Map.of("LC_CTYPE", "UTF-8"), "ANSI_X3.4-1968"))
        .startsWith("the locale's character set (ANSI_X3.4-1968) cannot write it");
    assertThat(Cli.badFileNameHint(new Messages("en"), "caf\uFFFD.yaml",
        Map.of("LC_ALL", "C", "LANG", "fr_FR.UTF-8"), "ANSI_X3.4-1968"))
        .startsWith("the locale's character set (ANSI_X3.4-1968) cannot write it");
  }

  @Test
  void asksForAUtf8LocaleWhenTheLocaleNamesNone() {
    assertThat(Cli.badFileNameHint(new Messages("en"), "caf\uFFFD.yaml", Map.of("LANG", "C"), "ANSI_X3.4-1968"))
        .isEqualTo("the locale's character set (ANSI_X3.4-1968) cannot write it: run LC_ALL=C.UTF-8 permitcheck …");
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
