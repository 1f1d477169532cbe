package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.permitcheck.bench.Generate;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.SourceText;
import org.permitcheck.expr.Env;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** The timeline's verdict-only evaluation agrees with the full one, permit by permit and date by date. */
class VerdictOnlyTest {
  @Test
  void givesTheVerdictOfTheFullEvaluationForEveryPermitAtManyDates() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().get();
    LocalDate today = LocalDate.of(2026, 11, 22);
    CaseReader reader = new CaseReader(rules, today);
    Evaluator evaluator = new Evaluator(rules);
    Random r = new Random(5);
    int compared = 0;
    for (int i = 0; i < 400; i++) {
      Generate.Read g = Generate.read(rules, reader, r, i);
      String line = g.line();
      Case c = g.value();
      for (int k = 0; k < 4; k++) {
        LocalDate d = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(6000));
        Env env = evaluator.env(c, d);
        for (Permit p : rules.permits()) {
          Env at = env.at(d, k == 0 ? d.minusYears(2) : d);
          assertThat(evaluator.verdictOnly(p, at)).as(p.id() + " at " + d + " for " + line)
              .isEqualTo(evaluator.evaluate(p, env.at(d, k == 0 ? d.minusYears(2) : d)).verdict());
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(400 * 4 * rules.permits().size());
  }
}
