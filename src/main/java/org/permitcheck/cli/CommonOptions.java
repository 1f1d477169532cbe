package org.permitcheck.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import org.permitcheck.report.Messages;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  static final List<String> LANGUAGES = Messages.LANGUAGES;
  /** The locale variables that name the language, in the order POSIX gives them precedence. */
  private static final String[] LOCALE_VARIABLES = {"LC_ALL", "LC_MESSAGES", "LANG"};

  @Option(names = "--rules", paramLabel = "FILE", descriptionKey = "option.rules",
      description = "The rules file (default: ./rules.yaml if present, else the bundled ruleset).")
  String rules;

  @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "option.lang", completionCandidates = Languages.class,
      description = "Language of every text: en, fr, de, nl (default: from LC_ALL, LC_MESSAGES or LANG, else en).")
  String lang;

  @Option(names = "--no-color", descriptionKey = "option.no_color",
      description = "Never colour the output (also: NO_COLOR set in the environment).")
  boolean noColor;

  @Option(names = "--debug", arity = "0..1", fallbackValue = "internals", paramLabel = "facts",
      preprocessor = DebugValue.class, descriptionKey = "option.debug",
      description = "Print internals on stderr: which rules file was loaded, timings, counts. Never fact "
          + "values, unless --debug=facts.")
  Debug.Level debug;

  @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "option.help",
      description = "Show this help and exit.")
  boolean help;

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

  /** The languages, for shell completion. */
  static final class Languages implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return LANGUAGES.iterator();
    }
  }

  /**
   * The language to use: --lang, else the LANG environment variable, else English. An unknown
   * --lang is a usage error.
   */
  String language(Context ctx) {
    if (lang != null) {
      String code = keyword(lang);
      if (!LANGUAGES.contains(code)) {
        Messages m = new Messages(fromEnvironment(ctx.env()));
        throw new UsageError(m.get("cli.unknown_lang", lang), m.get("cli.hint.languages"));
      }
      return code;
    }
    return fromEnvironment(ctx.env());
  }

  /**
   * The {@code --lang} option that a command proposed to the user must repeat to speak the same
   * language: none when it is English and so is the language the environment gives.
   */
  String langOption(Context ctx) {
    String chosen = language(ctx);
    return chosen.equals("en") && fromEnvironment(ctx.env()).equals("en") ? "" : " --lang " + chosen;
  }

  /** The program's texts in the chosen language. */
  Messages messages(Context ctx) {
    return new Messages(language(ctx));
  }

  /**
   * en, fr, de or nl from a POSIX locale such as {@code fr_FR.UTF-8}; else en. As POSIX orders them,
   * the first set of {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG} decides ({@code C} is en).
   */
  static String fromEnvironment(Map<String, String> env) {
    String value = "";
    for (String name : LOCALE_VARIABLES) { // a loop: streams cost a start-up their classes
      value = env.getOrDefault(name, "");
      if (!value.isEmpty()) {
        break;
      }
    }
    String code = value.length() >= 2 ? value.substring(0, 2).toLowerCase(Locale.ROOT) : "";
    return LANGUAGES.contains(code) ? code : "en";
  }

  /**
   * The language for messages printed before the options are parsed (a wrong command line): a valid
   * {@code --lang} among the arguments, else the environment's.
   */
  /** An option's value that names one of a few words (a language, a format), read whatever its case: FR is fr. */
  static String keyword(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  static String fromArguments(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--lang") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--lang=")) {
        value = args[i].substring("--lang=".length());
      }
      if (value != null && LANGUAGES.contains(keyword(value))) {
        return keyword(value);
      }
    }
    return fromEnvironment(env);
  }

  /** Colour only on a terminal, never with --no-color, a non-empty NO_COLOR (no-color.org) or TERM=dumb. */
  boolean color(Context ctx) {
    return ctx.terminal() && !noColor && ctx.env().getOrDefault("NO_COLOR", "").isEmpty() && !dumb(ctx);
  }

  /** Whether the terminal shows escape codes as text instead of acting on them ({@code TERM=dumb}). */
  static boolean dumb(Context ctx) {
    return "dumb".equals(ctx.env().get("TERM"));
  }

  /** The worker threads of a batch command: --jobs, checked, else the number of processors. */
  static int threads(Integer jobs, Messages m) {
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1 || threads > 256) {
      throw new UsageError(m.get("cli.jobs", threads), "");
    }
    return threads;
  }

  /**
   * Refuses a list of inputs that names stdin ({@code -}) more than once: it can be read only once,
   * and this is said before anything is read.
   */
  static void stdinOnce(List<String> inputs, Messages m) {
    long stdin = inputs.stream().filter("-"::equals).count();
    if (stdin > 1) {
      throw new UsageError(m.get("cli.stdin_twice", stdin), m.get("cli.hint.stdin_twice"));
    }
  }
}
