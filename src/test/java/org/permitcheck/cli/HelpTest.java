package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** --help is translated completely: every command and every option has its text in fr, de and nl. */
class HelpTest {
  static List<String> keys() {
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), Path.of(""), Run.TODAY, false);
    CommandLine root = Cli.commandLine(ctx);
    List<String> keys = new ArrayList<>(List.of("usage.synopsisHeading", "usage.commandListHeading", "help",
        "version", "permitcheck.usage.description.0", "permitcheck.usage.exitCodeListHeading"));
    for (CommandLine sub : root.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      keys.add(spec.qualifiedName(".") + ".usage.description" + (spec.usageMessage().description().length > 1
          ? ".0" : ""));
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec a : args) {
        if (!a.hidden()) {
          assertThat(a.descriptionKey()).as("descriptionKey of an argument of %s", spec.name()).isNotEmpty();
          keys.add(a.descriptionKey());
        }
      }
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "de", "nl"})
  void everyHelpTextIsTranslated(String language) {
    ResourceBundle bundle = Help.bundle(language);
    for (String key : keys()) {
      assertThat(bundle.containsKey(key)).as("help_%s.properties has '%s'", language, key).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "de", "nl"})
  void everyExitCodeIsListedInEveryLanguage(String language) {
    ResourceBundle bundle = Help.bundle(language);
    String[] english = Permitcheck.class.getAnnotation(picocli.CommandLine.Command.class).exitCodeList();
    for (int i = 0; i < english.length; i++) {
      String key = "permitcheck.usage.exitCodeList." + i;
      assertThat(bundle.containsKey(key)).as("help_%s.properties has '%s'", language, key).isTrue();
      assertThat(bundle.getString(key)).as(key).startsWith(english[i].substring(0, english[i].indexOf(':') + 1));
    }
    assertThat(bundle.containsKey("permitcheck.usage.exitCodeList." + english.length)).as("one code too many").isFalse();
  }

  @org.junit.jupiter.api.Test
  void stacktraceIsTakenBeforeTheCommandAsAfterIt() {
    Run.Result before = Run.run("", Map.of(), GoldenTest.FIXTURES, "--stacktrace", "permits");
    assertThat(before.exit()).as(before.err()).isZero();
    assertThat(before.out()).isEqualTo(Run.run("", Map.of(), GoldenTest.FIXTURES, "permits", "--stacktrace").out());
    assertThat(Run.run("", Map.of(), GoldenTest.FIXTURES, "--help").out()).doesNotContain("stacktrace");
  }
}
