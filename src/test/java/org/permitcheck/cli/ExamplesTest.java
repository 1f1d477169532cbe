package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legal regression suite: every example's expect: block holds against the product rules. */
class ExamplesTest {
  @Test
  void everyExampleGetsTheVerdictsItExpects() {
    Run.Result r = Run.run("test", "examples");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(" 0 failed").doesNotContain("FAIL");
    assertThat(r.exit()).isZero();
  }

  @Test
  void aWrongExpectationFailsTheRunWithExitCode4(@TempDir Path dir) throws IOException {
    Path wrong = dir.resolve("wrong.yaml");
    Files.writeString(wrong, Files.readString(Path.of("examples/de-25b-eligible.yaml"))
        .replace("DE-25b: eligible", "DE-25b: not_eligible"));
    Run.Result r = Run.run("test", wrong.toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.out()).contains("FAIL " + wrong + ": DE-25b expected not_eligible, got eligible");
  }
}
