package org.permitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core (expr, rules, cases, engine and what they build on) imports no console or CLI code. */
class ArchitectureTest {
  static final List<String> CORE = List.of("expr", "rules", "cases", "engine", "diag", "tree");
  static final List<String> FORBIDDEN = List.of("import picocli", "import org.jline", "import org.permitcheck.cli",
      "import org.permitcheck.report", "import org.permitcheck.interview", "import org.permitcheck.batch",
      "System.out", "System.err", "System.exit", "java.nio.file.Files");

  @Test
  void coreImportsNoConsoleCliOrFileCode() throws IOException {
    for (String pkg : CORE) {
      Path dir = Path.of("src/main/java/org/permitcheck", pkg);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          for (String bad : FORBIDDEN) {
            assertThat(text).as("%s must not use %s", f, bad).doesNotContain(bad);
          }
        }
      }
    }
  }

  /** The interview is a pure loop with one console adapter: only TerminalPrompter may use JLine. */
  @Test
  void interviewLoopKnowsNoConsoleButItsTerminalAdapter() throws IOException {
    List<String> forbidden = List.of("import picocli", "import org.permitcheck.cli", "System.out", "System.err",
        "System.exit", "System.in", "java.nio.file.Files");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/permitcheck/interview"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        for (String bad : forbidden) {
          assertThat(text).as("%s must not use %s", f, bad).doesNotContain(bad);
        }
        if (!f.getFileName().toString().equals("TerminalPrompter.java")) {
          assertThat(text).as("%s must not use JLine", f).doesNotContain("org.jline");
        }
      }
    }
  }
}
