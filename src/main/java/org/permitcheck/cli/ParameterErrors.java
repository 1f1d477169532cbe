package org.permitcheck.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.permitcheck.report.Messages;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Picocli's command-line errors in the user's language: unknown options, missing and wrong values. */
final class ParameterErrors {
  private ParameterErrors() {}

  static String message(ParameterException given, Messages m) {
    ParameterException ex = unmatchedFirst(given);
    if (ex instanceof UnmatchedArgumentException) {
      List<String> unmatched = ((UnmatchedArgumentException) ex).getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      if (!first.startsWith("-")) {
        return m.get("cli.unexpected_argument", first);
      }
      return m.get(namesFile(first) ? "cli.not_an_option" : "cli.unknown_option", first);
    }
    if (ex instanceof MissingParameterException) {
      String names = ((MissingParameterException) ex).getMissing().stream().map(ParameterErrors::name)
          .collect(Collectors.joining(", "));
      return m.get("cli.missing", names);
    }
    ArgSpec arg = ex.getArgSpec();
    if (arg != null && ex.getValue() != null) {
      return m.get("cli.invalid_value", name(arg), ex.getValue());
    }
    return ex.getMessage();
  }

  /** What a valid value looks like, or "did you mean" for an unknown option. */
  static Optional<String> hint(ParameterException given, Messages m) {
    ParameterException ex = unmatchedFirst(given);
    if (ex instanceof UnmatchedArgumentException) {
      List<String> unmatched = ((UnmatchedArgumentException) ex).getUnmatched();
      if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-") && namesFile(unmatched.get(0))) {
        return Optional.of(m.get("cli.hint.dash_file", unmatched.get(0)));
      }
      List<String> suggestions = ((UnmatchedArgumentException) ex).getSuggestions();
      return suggestions.isEmpty() ? Optional.empty()
          : Optional.of(m.get("cli.did_you_mean", suggestions.get(0)));
    }
    ArgSpec arg = ex.getArgSpec();
    if (arg == null || ex.getValue() == null || ex instanceof MissingParameterException) {
      return Optional.empty();
    }
    Class<?> type = arg.type();
    if (type == LocalDate.class) {
      // 2023-02-29 is written right: the day is what is wrong
      boolean written = String.valueOf(ex.getValue()).matches("\\d{4}-\\d{2}-\\d{2}");
      return Optional.of(written ? m.get("cli.hint.no_such_day", ex.getValue()) : m.get("cli.hint.date"));
    }
    if (type == int.class || type == Integer.class) {
      return Optional.of(m.get("cli.hint.integer"));
    }
    return Optional.empty();
  }

  /**
   * The error to report: picocli says that CASE is missing before it says that an argument is no
   * option, so {@code eval -dash.yaml} (a file whose name starts with '-') would only hear of CASE.
   */
  private static ParameterException unmatchedFirst(ParameterException ex) {
    if (ex instanceof MissingParameterException) {
      List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
      if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-")) {
        return new UnmatchedArgumentException(ex.getCommandLine(), unmatched);
      }
    }
    return ex;
  }

  /** Whether an argument that is no option looks like a file name, as {@code -dash.yaml}: no option has a dot or a slash. */
  private static boolean namesFile(String arg) {
    return arg.length() > 1 && arg.indexOf('=') < 0 && (arg.indexOf('.') >= 0 || arg.indexOf('/') >= 0);
  }

  private static String name(ArgSpec a) {
    if (a instanceof OptionSpec) {
      return "'" + ((OptionSpec) a).longestName() + "'";
    }
    return "'" + ((PositionalParamSpec) a).paramLabel() + "'";
  }
}
