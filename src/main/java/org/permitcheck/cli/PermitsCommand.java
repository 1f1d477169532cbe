package org.permitcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    return Rules.print(ctx, common, countries, (renderer, codes) -> renderer.permits(codes));
  }
}
