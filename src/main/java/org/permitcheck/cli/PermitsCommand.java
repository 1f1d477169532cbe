package org.permitcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.permitcheck.diag.Checked;
import org.permitcheck.report.RulesRenderer;
import org.permitcheck.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the permits of the ruleset. */
@Command(name = "permits", description = "List the permits, pathways and options of each country.")
final class PermitsCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Option(names = "--country", descriptionKey = "permits.country", split = ",", paramLabel = "CODE",
      description = "Only these countries.")
  List<String> countries = new ArrayList<>();

  PermitsCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Checked<Ruleset> rules = Rules.load(ctx, common);
    if (rules.hasErrors()) {
      return ExitCode.INVALID_RULES;
    }
    List<String> codes = Rules.countries(rules.value().get(), countries.stream()
        .map(c -> c.trim().toUpperCase(Locale.ROOT)).toList(), common.messages(ctx));
    ctx.out().print(new RulesRenderer(rules.value().get(), common.language(ctx)).permits(codes));
    return ExitCode.OK;
  }
}
