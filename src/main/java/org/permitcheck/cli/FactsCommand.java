package org.permitcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists every fact a case can give, with its type and question. */
@Command(name = "facts", description = "List every fact a case can give: type, values, question and help.")
final class FactsCommand implements Callable<Integer> {
  private final Context ctx;

  @Mixin CommonOptions common;

  @Option(names = "--country", descriptionKey = "facts.country", split = ",", paramLabel = "CODE",
      description = "Only facts asked for these countries.")
  List<String> countries = new ArrayList<>();

  FactsCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return Rules.print(ctx, common, countries, (renderer, codes) -> renderer.facts(codes));
  }
}
