package org.permitcheck.cli;

import java.util.concurrent.Callable;
import org.permitcheck.diag.Checked;
import org.permitcheck.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Lints a rules file: every problem at once, with positions. */
@Command(name = "check", description = "Check a rules file and print every problem at once, with positions.",
    sortOptions = false)
final class CheckCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RULES",
      description = "The rules file to check (default: --rules, ./rules.yaml, or the bundled one).")
  String file;

  CheckCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Checked<Ruleset> rules = RulesSource.loadYaml(ctx, file != null ? file : common.rules, common.debug(ctx));
    Diagnostics.print(ctx.err(), rules.diagnostics(), true);
    if (rules.hasErrors()) {
      Diagnostics.summary(ctx.err(), rules.diagnostics());
      return ExitCode.INVALID_RULES;
    }
    Ruleset r = rules.value().get();
    long warnings = rules.diagnostics().size();
    ctx.out().println("ok: " + r.name() + " " + r.version() + ": " + r.countries().size() + " countries, "
        + r.permits().size() + " permits, " + r.facts().size() + " facts, " + r.derived().size()
        + " derived facts" + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
    return ExitCode.OK;
  }
}
