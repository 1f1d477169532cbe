package org.permitcheck.cli;

import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
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

  @Option(names = "--debug", arity = "0..1", fallbackValue = "internals", paramLabel = "facts",
      preprocessor = DebugValue.class,
      description = "Print internals on stderr: which rules file was loaded, timings, counts. Never fact "
          + "values, unless --debug=facts.")
  Debug.Level debug;

  @Option(names = "--stacktrace", hidden = true, description = "Print the stack trace of an internal error.")
  boolean stacktrace;

  /**
   * Takes a value only when attached ({@code --debug=facts}): a bare {@code --debug} never swallows
   * the next argument, which is a case file.
   */
  static final class DebugValue implements IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec option, Map<String, Object> info) {
      if (!"=".equals(info.get("separator"))) {
        option.setValue(Debug.Level.internals);
        return true;
      }
      return false;
    }
  }

  Debug debug(Context ctx) {
    return new Debug(ctx.err(), debug);
  }

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
