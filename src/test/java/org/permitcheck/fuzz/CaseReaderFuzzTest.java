package org.permitcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.cases.JsonCaseReader;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.tree.CompactJsonTest;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.TreeReader;
import org.permitcheck.tree.YamlSubsetTest;

/**
 * Fuzzes the case reader with YAML and JSON bytes: only a case or located diagnostics may come out,
 * and a case that was read must evaluate and render. Seeds: CaseReaderFuzzTestInputs/; run longer
 * with scripts/fuzz.
 */
class CaseReaderFuzzTest {
  private static final CaseReader READER = new CaseReader(Outcomes.FIXTURE_RULES, Outcomes.TODAY);
  private static final JsonCaseReader FAST = new JsonCaseReader(Outcomes.FIXTURE_RULES, Outcomes.TODAY, null);

  @FuzzTest(maxDuration = "2m")
  void readYaml(byte[] input) {
    read(SourceText.ofUtf8("case.yaml", input));
  }

  @FuzzTest(maxDuration = "2m")
  void readJson(byte[] input) {
    read(SourceText.ofUtf8("case.json", input));
  }

  /**
   * The NDJSON fast path yields nothing, or exactly the case the full reader yields without a single
   * diagnostic.
   */
  @FuzzTest(maxDuration = "2m")
  void ndjsonLineAgreesWithTheFullReader(byte[] input) {
    Case fast = FAST.read(input, 0, input.length, "case.ndjson", "case.ndjson:1");
    if (fast == null) {
      return;
    }
    SourceText source = SourceText.ofUtf8("case.ndjson", input);
    TreeReader.Result parsed = TreeReader.forName("case.ndjson", Limits.CASE).read(source);
    if (!parsed.ok()) {
      throw new AssertionError("the fast path read a case the full reader cannot parse");
    }
    Checked<Case> full = READER.read(source, parsed.root().get(), "case.ndjson:1");
    if (!full.diagnostics().isEmpty() || !full.value().get().equals(fast)) {
      throw new AssertionError("the fast path differs from the full reader: " + full.diagnostics());
    }
  }

  /** A YAML file that the subset reader takes yields the very tree the full reader builds. */
  @FuzzTest(maxDuration = "2m")
  void yamlSubsetAgreesWithTheFullReader(byte[] input) {
    SourceText source = SourceText.ofUtf8("case.yaml", input);
    String disagreement = YamlSubsetTest.disagreement(source.text(), source.firstLine());
    if (disagreement != null) {
      throw new AssertionError(disagreement);
    }
  }

  /** A JSON text that the compact reader takes yields the very tree Jackson's reader builds. */
  @FuzzTest(maxDuration = "2m")
  void compactJsonAgreesWithJackson(byte[] input) {
    SourceText source = SourceText.ofUtf8("case.json", input);
    String disagreement = CompactJsonTest.disagreement(source.text(), source.firstLine(), Limits.CASE);
    if (disagreement != null) {
      throw new AssertionError(disagreement);
    }
  }

  private static void read(SourceText source) {
    Checked<Case> c = READER.read(source);
    Outcomes.check(c, source);
    if (!c.hasErrors()) {
      Outcomes.evaluate(Outcomes.FIXTURE_RULES, c.value().get());
    }
  }
}
