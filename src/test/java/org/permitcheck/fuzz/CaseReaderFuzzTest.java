package org.permitcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;

/**
 * Fuzzes the case reader with YAML and JSON bytes: only a case or located diagnostics may come out,
 * and a case that was read must evaluate and render. Seeds: CaseReaderFuzzTestInputs/; run longer
 * with scripts/fuzz.
 */
class CaseReaderFuzzTest {
  private static final CaseReader READER = new CaseReader(Outcomes.FIXTURE_RULES, Outcomes.TODAY);

  @FuzzTest(maxDuration = "2m")
  void readYaml(byte[] input) {
    read(SourceText.ofUtf8("case.yaml", input));
  }

  @FuzzTest(maxDuration = "2m")
  void readJson(byte[] input) {
    read(SourceText.ofUtf8("case.json", input));
  }

  private static void read(SourceText source) {
    Checked<Case> c = READER.read(source);
    Outcomes.check(c, source);
    if (!c.hasErrors()) {
      Outcomes.evaluate(Outcomes.FIXTURE_RULES, c.value().get());
    }
  }
}
