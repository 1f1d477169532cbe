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
      Diagnostics.print(ctx.err(), loaded.errors(), true);
      Diagnostics.summary(ctx.err(), loaded.errors(), common.messages(ctx));
    }
    return loaded;
  }

  /** The country codes, checked against the ruleset (a usage error names the known ones). */
  static List<String> countries(Ruleset rules, List<String> codes, Messages m) {
    List<String> known = rules.countries().stream().map(Country::code).toList();
    for (String c : codes) {
      if (!known.contains(c)) {
        throw new UsageError(m.get("cli.unknown_country", c), m.get("cli.hint.countries", String.join(", ", known)));
      }
    }
    return codes;
  }
}
