package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The acceptance suite: each file under src/test/resources/golden/ holds a command line and what the
 * program must print, byte for byte. Commands run in src/test/resources/fixtures/, whose frozen
 * rules.yaml keeps these files stable when the legal content changes; each runs in a scratch copy of
 * that folder, so that commands which write files (interview) leave it untouched. A {@code --- file
 * NAME} section holds what the command must leave in that file. Run with {@code
 * -Dgolden.update=true} to rewrite the expected output, then review the change with git diff.
 *
 * <pre>
 * $ eval --as-of 2026-11-22 examples/x.yaml
 * --- terminal
 * --- env
 * LANG=fr_FR.UTF-8
 * --- stdin
 * ...
 * --- stdout
 * ...
 * --- stderr
 * ...
 * --- file saved.yaml
 * ...
 * --- exit 0
 * </pre>
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  /** Golden commands run in this directory: its rules.yaml is used, cases are under cases/. */
  static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

  @TestFactory
  Stream<DynamicTest> goldenFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      files = walk.filter(p -> p.toString().endsWith(".golden")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(f)));
  }

  static void check(Path file) throws IOException {
    Golden g = Golden.parse(Files.readString(file, StandardCharsets.UTF_8));
    Path scratch = Files.createTempDirectory("golden");
    Golden actual;
    try {
      copy(FIXTURES, scratch);
      Run.Result r = Run.run(g.stdin, g.env, scratch, g.terminal, Shell.split(g.command).toArray(new String[0]));
      Map<String, String> files = new LinkedHashMap<>();
      for (String name : g.files.keySet()) {
        Path written = scratch.resolve(name);
        files.put(name, Files.exists(written) ? Files.readString(written, StandardCharsets.UTF_8) : "<no such file>\n");
      }
      // times and rates vary from run to run; so does the number of progress lines
      String err = r.err().replaceAll("[0-9.,]+ s \\([0-9]+ [^)]*/s\\)", "<time>")
          .replaceAll("(\r\u001b\\[K[^\r\n]*· [0-9]+/s)+", "<progress>");
      actual = new Golden(g.command, g.terminal, g.env, g.stdin, r.out(), err, files, r.exit());
    } finally {
      delete(scratch);
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual.render(), StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual.render()).as("golden file %s (run with -Dgolden.update=true to rewrite)", file)
        .isEqualTo(g.render());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** One golden scenario; {@code files} maps a file the command writes to its expected text. */
  record Golden(String command, boolean terminal, Map<String, String> env, String stdin, String out, String err,
      Map<String, String> files, int exit) {
    static Golden parse(String text) {
      text = text.replace("\r\n", "\n");
      String[] lines = text.split("\n", -1);
      if (!lines[0].startsWith("$ ")) {
        throw new IllegalArgumentException("a golden file starts with '$ <arguments>'");
      }
      String command = lines[0].substring(2);
      Map<String, StringBuilder> sections = new LinkedHashMap<>();
      String current = null;
      int exit = 0;
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        if (line.startsWith("--- exit ")) {
          exit = Integer.parseInt(line.substring(9).trim());
          current = null;
        } else if (line.startsWith("--- ")) {
          current = line.substring(4).trim();
          sections.put(current, new StringBuilder());
        } else if (current != null) {
          sections.get(current).append(line).append('\n');
        }
      }
      Map<String, String> env = new LinkedHashMap<>();
      String envText = section(sections, "env");
      for (String l : envText.split("\n")) {
        if (l.contains("=")) {
          env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
        }
      }
      Map<String, String> files = new LinkedHashMap<>();
      sections.forEach((name, body) -> {
        if (name.startsWith("file ")) {
          files.put(name.substring(5).trim(), body.toString());
        }
      });
      return new Golden(command, sections.containsKey("terminal"), env, section(sections, "stdin"),
          section(sections, "stdout"), section(sections, "stderr"), files, exit);
    }

    private static String section(Map<String, StringBuilder> sections, String name) {
      StringBuilder s = sections.get(name);
      return s == null ? "" : s.toString();
    }

    String render() {
      StringBuilder out = new StringBuilder("$ ").append(command).append('\n');
      if (terminal) {
        out.append("--- terminal\n");
      }
      if (!env.isEmpty()) {
        out.append("--- env\n");
        env.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
      }
      if (!stdin.isEmpty()) {
        out.append("--- stdin\n").append(ensureNewline(stdin));
      }
      out.append("--- stdout\n").append(ensureNewline(this.out));
      if (!err.isEmpty()) {
        out.append("--- stderr\n").append(ensureNewline(err));
      }
      files.forEach((name, text) -> out.append("--- file ").append(name).append('\n').append(ensureNewline(text)));
      out.append("--- exit ").append(exit).append('\n');
      return out.toString();
    }

    private static String ensureNewline(String s) {
      return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }
  }

  /** Splits a command line like a POSIX shell does for simple quoting. */
  static final class Shell {
    static List<String> split(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean inWord = false;
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            cur.append(c);
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
          inWord = true;
        } else if (Character.isWhitespace(c)) {
          if (inWord) {
            out.add(cur.toString());
            cur.setLength(0);
            inWord = false;
          }
        } else {
          cur.append(c);
          inWord = true;
        }
      }
      if (inWord) {
        out.add(cur.toString());
      }
      return out;
    }
  }
}
