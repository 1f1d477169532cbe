package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The executable tells picocli not to register its converters for java.time and java.sql types
 * (Cli.skipUnusedConverters): every option of such a type must bring its own converter.
 */
class ConvertersTest {
  @Test
  void everyDateOptionHasItsOwnConverter() {
    Context ctx = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), Path.of(""), Run.TODAY, false);
    List<String> checked = new ArrayList<>();
    check(Cli.commandLine(ctx), checked);
    assertThat(checked).contains("eval --as-of", "diff --as-of", "test --as-of", "interview --as-of");
  }

  private static void check(CommandLine cl, List<String> checked) {
    List<ArgSpec> args = new ArrayList<>(cl.getCommandSpec().options());
    args.addAll(cl.getCommandSpec().positionalParameters());
    for (ArgSpec a : args) {
      List<Class<?>> types = new ArrayList<>(List.of(a.type()));
      types.addAll(List.of(a.auxiliaryTypes()));
      for (Class<?> t : types) {
        String name = t.getName();
        if (name.startsWith("java.time.") || name.startsWith("java.sql.")) {
          String what = cl.getCommandName() + " " + a.paramLabel();
          if (a.isOption()) {
            what = cl.getCommandName() + " " + ((CommandLine.Model.OptionSpec) a).longestName();
          }
          assertThat(a.converters()).as("converters of %s (%s)", what, name).isNotEmpty();
          checked.add(what);
        }
      }
    }
    cl.getSubcommands().values().forEach(sub -> check(sub, checked));
  }

  @Test
  void excludesJavaTimeAndJavaSqlOnly() {
    assertThat("java.time.LocalDate".matches(Cli.UNUSED_CONVERTERS)).isTrue();
    assertThat("java.sql.Timestamp".matches(Cli.UNUSED_CONVERTERS)).isTrue();
    assertThat("java.net.URI".matches(Cli.UNUSED_CONVERTERS)).isFalse();
  }
}
