package org.permitcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.rules.Ruleset;

/**
 * Fuzzes the rules loader: only a ruleset or located diagnostics may come out, and a ruleset that
 * loads must evaluate an empty case and one that gives every fact a value. Seeds:
 * RulesLoaderFuzzTestInputs/; run longer with scripts/fuzz.
 */
class RulesLoaderFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void load(byte[] input) {
    SourceText source = SourceText.ofUtf8("rules.yaml", input);
    Checked<Ruleset> r = RulesLoader.load(source);
    Outcomes.check(r, source);
    if (!r.hasErrors()) {
      Ruleset rules = r.value().get();
      Outcomes.evaluate(rules, new Case("empty", "fuzz", Optional.empty(), Optional.empty(), Optional.empty(),
          Map.of(), Map.of()));
      Map<String, Object> facts = new LinkedHashMap<>();
      rules.facts().values().forEach(f -> Values.sample(f.type(), 0).ifPresent(v -> facts.put(f.name(), v)));
      Outcomes.evaluate(rules, new Case("full", "fuzz", Optional.empty(), Optional.of(LocalDate.of(2026, 1, 1)),
          Optional.empty(), facts, Map.of()));
    }
  }
}
