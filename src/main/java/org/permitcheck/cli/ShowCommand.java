package org.permitcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Suggest;
import org.permitcheck.report.Messages;
import org.permitcheck.report.RulesRenderer;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Shows one permit's criteria as readable text. */
@Command(name = "show", description = "Show a permit: legal basis, dates, criteria, how to apply.")
final class ShowCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "PERMIT", descriptionKey = "show.PERMIT",
      description = "The permit id, e.g. DE-25b.")
  String id;

  ShowCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Checked<Ruleset> rules = Rules.load(ctx, common);
    if (rules.hasErrors()) {
      return ExitCode.INVALID_RULES;
    }
    Ruleset r = rules.value().get();
    Messages m = common.messages(ctx);
    Permit p = r.permit(id).orElseThrow(() -> {
      List<String> ids = r.permits().stream().map(Permit::id).toList();
      String hint = Suggest.didYouMean(id, ids);
      return new UsageError(m.get("cli.unknown_permit", id), hint.isEmpty() ? m.get("cli.hint.permits") : hint);
    });
    ctx.out().print(new RulesRenderer(r, common.language(ctx)).permit(p));
    return ExitCode.OK;
  }
}
