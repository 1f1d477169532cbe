package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts know every command and option, and bash accepts them. */
class CompletionTest {
  @Test
  void bashScriptCompletesEveryCommandAndItsOptions() {
    Run.Result r = Run.run("completion", "bash");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F _complete_permitcheck", "_picocli_permitcheck_eval",
        "_picocli_permitcheck_schema", "--format", "--lang", "markdown", "\"case\" \"rules\" \"result\"");
  }

  @Test
  void zshScriptIsTheSameScriptWithAZshHeader() {
    Run.Result zsh = Run.run("completion", "zsh");
    assertThat(zsh.out()).startsWith("#compdef permitcheck\n").contains("bashcompinit")
        .endsWith(Run.run("completion", "bash").out());
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Run.Result r = Run.run("completion", "fish");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown shell 'fish'", "shells: bash, zsh");
  }

  @Test
  void bashLoadsTheScript(@TempDir Path dir) throws IOException, InterruptedException {
    Path script = dir.resolve("permitcheck.bash");
    Files.writeString(script, Run.run("completion", "bash").out());
    Process p = new ProcessBuilder("bash", "-c", "source '" + script + "' && complete -p permitcheck")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("_complete_permitcheck permitcheck");
  }
}
