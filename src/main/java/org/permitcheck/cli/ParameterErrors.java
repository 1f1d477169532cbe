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

  static String message(ParameterException ex, Messages m) {
    if (ex instanceof UnmatchedArgumentException) {
      List<String> unmatched = ((UnmatchedArgumentException) ex).getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      return m.get(first.startsWith("-") ? "cli.unknown_option" : "cli.unexpected_argument", first);
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
  static Optional<String> hint(ParameterException ex, Messages m) {
    if (ex instanceof UnmatchedArgumentException) {
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
      return Optional.of(m.get("cli.hint.date"));
    }
    if (type == int.class || type == Integer.class) {
      return Optional.of(m.get("cli.hint.integer"));
    }
    return Optional.empty();
  }

  private static String name(ArgSpec a) {
    if (a instanceof OptionSpec) {
      return "'" + ((OptionSpec) a).longestName() + "'";
    }
    return "'" + ((PositionalParamSpec) a).paramLabel() + "'";
  }
}
