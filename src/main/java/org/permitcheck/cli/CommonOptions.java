package org.permitcheck.cli;

import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  static final Set<String> LANGUAGES = Set.of("en", "fr", "de", "nl");

  @Option(names = "--rules", paramLabel = "FILE",
      description = "The rules file (default: ./rules.yaml if present, else the bundled ruleset).")
  String rules;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "Language of every text: en, fr, de, nl (default: from LANG, else en).")
  String lang;

  @Option(names = "--no-color", description = "Never colour the output (also: NO_COLOR set in the environment).")
  boolean noColor;

  @Option(names = "--stacktrace", hidden = true, description = "Print the stack trace of an internal error.")
  boolean stacktrace;

  /** The language to use: --lang, else the LANG environment variable, else English. */
  String language(Context ctx) {
    if (lang != null) {
      return lang;
    }
    String env = ctx.env().getOrDefault("LANG", "");
    if (env.length() >= 2) {
      String code = env.substring(0, 2).toLowerCase(Locale.ROOT);
      if (LANGUAGES.contains(code)) {
        return code;
      }
    }
    return "en";
  }

  boolean color(Context ctx) {
    return ctx.terminal() && !noColor && !ctx.env().containsKey("NO_COLOR");
  }
}
