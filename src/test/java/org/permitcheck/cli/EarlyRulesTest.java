package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default ruleset is read early only for the commands that want it, and only without --rules. */
class EarlyRulesTest {
  @TempDir Path dir;

  Context context() {
    return new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), dir, LocalDate.of(2026, 11, 22), false);
  }

  @Test
  void readsTheBundledRulesEarlyForEval() {
    Context ctx = context().readingRulesFor("eval", "case.yaml");
    RulesSource.Loaded loaded = ctx.earlyRules().take().orElseThrow();
    assertThat(loaded.where()).isEqualTo("the bundled ruleset");
    assertThat(loaded.rules().value()).isPresent();
    assertThat(RulesSource.load(ctx, null).value().get()).isSameAs(loaded.rules().value().get());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'country: DE\nfacts: {}'|DE",
      "'# a case\nid: x\ncountry: \"BE\"\n'|BE",
      "'{\"id\": \"x\", \"country\": \"FR\"}'|FR",
      "'id: x\nfacts:\n  country_of_origin: AF\n'|",
      "'country: de'|"})
  void guessesTheCountryOfACaseFromItsText(String text, String country) {
    assertThat(EarlyRules.countryOf(text)).isEqualTo(java.util.Optional.ofNullable(country));
  }

  @Test
  void looksOnlyIntoCaseFilesNamedAfterTheCommand() throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("a.yaml"), "id: a\ncountry: NL\n");
    java.nio.file.Files.writeString(dir.resolve("b.json"), "{\"country\": \"BE\"}");
    java.nio.file.Files.writeString(dir.resolve("c.txt"), "country: FR\n");
    assertThat(EarlyRules.countriesNamed(context(), "eval", "a.yaml", "--format", "json", "b.json", "c.txt",
        "missing.yaml")).containsExactly("NL", "BE");
  }

  @Test
  void readsNothingEarlyWithRulesOrHelpOrForOtherCommands() {
    assertThat(context().readingRulesFor("eval", "--rules", "r.yaml", "case.yaml").earlyRules().take()).isEmpty();
    assertThat(context().readingRulesFor("eval", "--rules=r.yaml", "case.yaml").earlyRules().take()).isEmpty();
    assertThat(context().readingRulesFor("eval", "--help").earlyRules().take()).isEmpty();
    assertThat(context().readingRulesFor("check").earlyRules().take()).isEmpty();
    assertThat(context().readingRulesFor().earlyRules().take()).isEmpty();
  }
}
