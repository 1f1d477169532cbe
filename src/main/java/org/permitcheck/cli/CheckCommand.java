package org.permitcheck.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.permitcheck.diag.Checked;
import org.permitcheck.report.Messages;
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

  @Parameters(index = "0", arity = "0..1", paramLabel = "RULES", descriptionKey = "check.RULES",
      description = "The rules file to check (default: --rules, ./rules.yaml, or the bundled one).")
  String file;

  CheckCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Messages m = common.messages(ctx);
    if (file != null && common.rules != null
        && !ctx.resolve(file).normalize().equals(ctx.resolve(common.rules).normalize())) {
      throw new UsageError(m.get("cli.check_twice", file, common.rules), m.get("cli.hint.check_twice"));
    }
    String option = file != null ? file : common.rules;
    Checked<Ruleset> rules = RulesSource.loadYaml(ctx, option, common.debug(ctx));
    Diagnostics.print(ctx.err(), rules.diagnostics());
    if (rules.hasErrors()) {
      Diagnostics.summary(ctx.err(), rules.diagnostics(), m);
      return ExitCode.INVALID_RULES;
    }
    Ruleset r = rules.value().get();
    int warnings = rules.diagnostics().size();
    // which file was checked: without RULES or --rules, ./rules.yaml if there is one, else the bundled rules
    String checked = option != null ? option
        : Files.isRegularFile(ctx.resolve("rules.yaml")) ? "rules.yaml" : RulesSource.BUNDLED_NAME;
    ctx.out().println(m.get("check.ok", checked, r.name(), r.version(),
        m.count(r.countries().size(), "count.country.one", "count.country.many"),
        m.count(r.permits().size(), "count.permit.one", "count.permit.many"),
        m.count(r.facts().size(), "count.fact.one", "count.fact.many"),
        m.count(r.derived().size(), "count.derived.one", "count.derived.many"))
        + (warnings == 0 ? "" : ", " + m.count(warnings, "count.warning.one", "count.warning.many")));
    return ExitCode.OK;
  }
}
