package org.permitcheck.cli;

import java.util.List;
import org.permitcheck.diag.Checked;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Ruleset;

/** Loading the ruleset for a command, with its errors printed; checking --country codes. */
final class Rules {
  private Rules() {}

  /** Loads the ruleset; on errors prints them (the caller returns exit code 3). */
  static Checked<Ruleset> load(Context ctx, CommonOptions common) {
    Checked<Ruleset> loaded = RulesSource.load(ctx, common.rules, common.debug(ctx));
    if (loaded.hasErrors()) {
      Diagnostics.print(ctx.err(), loaded.errors());
      Diagnostics.summary(ctx.err(), loaded.errors(), common.messages(ctx));
    }
    return loaded;
  }

  /**
   * The --country codes as given (any case, spaces allowed), in capitals and checked against the
   * ruleset: a usage error names the known ones.
   */
  static List<String> countries(Ruleset rules, List<String> given, Messages m) {
    List<String> known = rules.countries().stream().map(Country::code).toList();
    List<String> codes = new java.util.ArrayList<>();
    for (String c : given) {
      String code = c.trim().toUpperCase(java.util.Locale.ROOT);
      if (!known.contains(code)) {
        throw new UsageError(m.get("cli.unknown_country", c), m.get("cli.hint.countries", String.join(", ", known)));
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }

  /**
   * The scope of --country and --permit, both checked against the ruleset, and against each other: both
   * given, some permit named must be of a country named.
   */
  static org.permitcheck.engine.Scope scope(Ruleset rules, List<String> countries, List<String> permits, Messages m) {
    List<String> allIds = rules.permitIds();
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    for (String given : permits) {
      String p = given.strip(); // "DE-25b, DE-25a" as well as "DE-25b,DE-25a"
      if (!allIds.contains(p)) {
        String hint = org.permitcheck.diag.Suggest.didYouMean(p, allIds);
        throw new UsageError(m.get("cli.unknown_permit_option", p), hint.isEmpty() ? m.get("cli.hint.permits") : hint);
      }
      ids.add(p);
    }
    List<String> codes = countries(rules, countries, m);
    if (!codes.isEmpty() && !ids.isEmpty()
        && ids.stream().noneMatch(id -> codes.contains(rules.permit(id).get().country()))) {
      // a filter that leaves nothing would evaluate nothing, and a test run would pass checking nothing
      throw new UsageError(m.get("cli.no_permits"), m.get("cli.hint.no_permits"));
    }
    return new org.permitcheck.engine.Scope(new java.util.LinkedHashSet<>(codes), ids);
  }

  /** Loads the rules and prints what {@code render} makes of them for the --country codes given. */
  static int print(Context ctx, CommonOptions common, List<String> countries,
      java.util.function.BiFunction<org.permitcheck.report.RulesRenderer, List<String>, String> render) {
    Checked<Ruleset> rules = load(ctx, common);
    if (rules.hasErrors()) {
      return ExitCode.INVALID_RULES;
    }
    List<String> codes = countries(rules.value().get(), countries, common.messages(ctx));
    ctx.out().print(render.apply(new org.permitcheck.report.RulesRenderer(rules.value().get(), common.language(ctx)), codes));
    return ExitCode.OK;
  }
}
