package org.permitcheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: only subcommands do work. */
@Command(
    name = "permitcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Eligibility for residence permits after a rejected asylum claim in Germany, Belgium, France and "
          + "the Netherlands: which permits apply to a case, and why.",
      "Not legal advice: every result names the ruleset version and review date."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:some input was invalid (every valid input was still processed)",
      "2:usage error",
      "3:invalid rules file",
      "4:'test' mismatches, or 'diff --exit-code' changes",
      "5:an interview stopped before its end (its draft is kept)",
      "70:internal error (a bug: please report it)"
    })
final class Permitcheck {
  /** Taken before the command too, where a bug report's reader may well put it (Cli reads it). */
  @Option(names = "--stacktrace", hidden = true, description = "Print the stack trace of an internal error.")
  boolean stacktrace;
}
