package org.permitcheck.cli;

import java.util.concurrent.Callable;
import org.permitcheck.diag.Checked;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.schema.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints the JSON Schema of case files (from the ruleset's facts), of rules files, or of the JSON output. */
@Command(name = "schema", sortOptions = false,
    description = "Print the JSON Schema (draft 2020-12) of case files, of rules files, or of the JSON output.")
final class SchemaCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "KIND", descriptionKey = "schema.KIND", completionCandidates = Kinds.class,
      description = "case (generated from the ruleset's facts), rules, or result.")
  String kind;

  SchemaCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** The kinds, for shell completion. */
  static final class Kinds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Schemas.KINDS.iterator();
    }
  }

  @Override
  public Integer call() {
    Messages m = common.messages(ctx);
    if (!Schemas.KINDS.contains(kind)) {
      throw new UsageError(m.get("cli.schema_kind", kind), m.get("cli.hint.schemas"));
    }
    Ruleset rules = null;
    if (kind.equals("case")) {
      Checked<Ruleset> loaded = Rules.load(ctx, common);
      if (loaded.hasErrors()) {
        return ExitCode.INVALID_RULES;
      }
      rules = loaded.value().get();
    }
    ctx.out().print(Schemas.render(kind, rules, m));
    return ExitCode.OK;
  }
}
