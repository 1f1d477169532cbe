package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command in the README runs, so that the README cannot drift. Each line of a {@code ```sh} block
 * is run with bash in a scratch folder that holds a copy of the checkout's examples/ and rules.yaml
 * (commands there may write files) and links to src/ and scripts/, with {@code permitcheck} on the PATH (this build's classes); {@code scripts/permitcheck}
 * is the same program, run without its build step. Lines starting with {@code mvn} are skipped: {@code
 * mvn -B verify} is the command that runs this test. When a {@code ```text} block follows, it must be
 * exactly what the block's commands print on stdout; {@code -Dgolden.update=true} rewrites those blocks.
 * The outputs depend on rules.yaml: the README records the SHA-256 of the rules they were made with, and
 * a change of rules.yaml fails this test until the outputs are refreshed, so that a legal change shows
 * in the README's examples in the same commit (it once left them stale for a session).
 */
class ReadmeTest {
  static final Path README = Path.of("README.md");
  static final java.util.regex.Pattern MADE_WITH =
      java.util.regex.Pattern.compile("<!-- outputs made with rules.yaml sha256 ([0-9a-f]+) -->");

  /** A shell block: its first line in the README, its commands, and the output block after it, if any. */
  record Block(int line, List<String> commands, int outputStart, int outputEnd) {
    boolean hasOutput() {
      return outputStart >= 0;
    }
  }

  static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```sh")) {
        continue;
      }
      int start = i;
      List<String> commands = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        String cmd = lines.get(i).replaceAll("\\s+#\\s.*$", "").strip();
        if (!cmd.isEmpty() && !cmd.startsWith("#")) {
          commands.add(cmd);
        }
      }
      int j = i + 1;
      while (j < lines.size() && lines.get(j).isBlank()) {
        j++;
      }
      int outStart = -1;
      int outEnd = -1;
      if (j < lines.size() && lines.get(j).strip().equals("```text")) {
        outStart = j + 1;
        outEnd = outStart;
        while (outEnd < lines.size() && !lines.get(outEnd).strip().equals("```")) {
          outEnd++;
        }
      }
      blocks.add(new Block(start + 1, commands, outStart, outEnd));
    }
    return blocks;
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeCommandRunsAndPrintsWhatTheReadmeShows(@TempDir Path scratch) throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<Block> blocks = blocks(lines);
    assertThat(blocks).hasSizeGreaterThan(5);
    prepare(scratch);
    List<String> updated = new ArrayList<>(lines);
    String sha = org.permitcheck.rules.RulesLoader.sha256(Files.readString(Path.of("rules.yaml")));
    int marker = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (MADE_WITH.matcher(lines.get(i)).matches()) {
        marker = i;
      }
    }
    assertThat(marker).as("README.md records the rules its outputs were made with").isNotNegative();
    boolean sameRules = lines.get(marker).contains(sha);
    if (Boolean.getBoolean("golden.update")) {
      updated.set(marker, "<!-- outputs made with rules.yaml sha256 " + sha + " -->");
    }
    List<DynamicTest> tests = new ArrayList<>();
    // outputs made with other rules go stale without a word: refresh them with the rules
    tests.add(DynamicTest.dynamicTest("README.md's outputs were made with this rules.yaml", () ->
        assertThat(sameRules || Boolean.getBoolean("golden.update"))
            .as("README.md's outputs were made with another rules.yaml: run mvn test -Dgolden.update=true "
                + "and review the change with git diff").isTrue()));
    for (Block b : blocks) {
      tests.add(DynamicTest.dynamicTest("README.md:" + b.line() + " " + String.join("; ", b.commands()),
          () -> check(b, lines, updated, scratch)));
    }
    for (String inline : inlineCommands(String.join("\n", lines))) {
      tests.add(DynamicTest.dynamicTest("README.md inline: " + inline, () -> run(inline, scratch, "README.md")));
    }
    tests.add(DynamicTest.dynamicTest("rewrite README.md with -Dgolden.update=true", () -> {
      if (Boolean.getBoolean("golden.update") && !updated.equals(lines)) {
        Files.write(README, updated, StandardCharsets.UTF_8);
      }
    }));
    return tests.stream();
  }

  /** The number of examples the README gives is the number examples/ holds (it once said 129 of 130). */
  @Test
  void countsTheExamplesThatExamplesHolds() throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("`examples/` holds (\\d+) cases")
        .matcher(Files.readString(README, StandardCharsets.UTF_8));
    assertThat(m.find()).as("README.md says how many cases examples/ holds").isTrue();
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".yaml")).count()).isEqualTo(Long.parseLong(m.group(1)));
    }
  }

  private static void check(Block b, List<String> lines, List<String> updated, Path scratch) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String command : b.commands()) {
      if (command.startsWith("mvn ")) {
        continue;
      }
      if (command.contains("jq ") && !onPath("jq")) {
        System.err.println("README.md:" + b.line() + ": jq is not installed; skipped: " + command);
        continue;
      }
      String runnable = command.startsWith("scripts/permitcheck ") ? command.substring("scripts/".length()) : command;
      out.append(run(runnable, scratch, "README.md:" + b.line()));
    }
    if (!b.hasOutput()) {
      return;
    }
    List<String> shown = lines.subList(b.outputStart(), b.outputEnd());
    List<String> actual = out.toString().lines().toList();
    if (Boolean.getBoolean("golden.update")) {
      synchronized (updated) {
        int shift = updated.size() - lines.size();
        for (int i = 0; i < shown.size(); i++) {
          updated.remove(b.outputStart() + shift);
        }
        updated.addAll(b.outputStart() + shift, actual);
      }
      return;
    }
    assertThat(String.join("\n", shown)).as("output shown after README.md:%d (run mvn test -Dgolden.update=true to "
        + "rewrite it)", b.line()).isEqualTo(String.join("\n", actual));
  }

  /**
   * The commands quoted in the text, like {@code `permitcheck show DE-25b --lang fr`}: run too, except
   * those with placeholders in capitals (FILE, CASES) or an ellipsis, which stand for any command of
   * that form.
   */
  static List<String> inlineCommands(String text) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(permitcheck [^`\n]+)`").matcher(text);
    while (m.find()) {
      String cmd = m.group(1);
      if (!cmd.contains("…") && !cmd.matches(".*\\b[A-Z]{3,}\\b.*") && !out.contains(cmd)) {
        out.add(cmd);
      }
    }
    return out;
  }

  /** A folder like the checkout (examples/, rules.yaml, src/, scripts/) with permitcheck on the PATH. */
  private static void prepare(Path scratch) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String name : List.of("src", "scripts")) {
      Files.createSymbolicLink(scratch.resolve(name), root.resolve(name));
    }
    Files.copy(root.resolve("rules.yaml"), scratch.resolve("rules.yaml"));
    try (Stream<Path> files = Files.walk(root.resolve("examples"))) {
      for (Path f : files.toList()) {
        Path target = scratch.resolve(root.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Path bin = Files.createDirectories(scratch.resolve(".bin"));
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path shim = bin.resolve("permitcheck");
    Files.writeString(shim, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -cp '" + classpath + "' org.permitcheck.cli.Main \"$@\"\n");
    shim.toFile().setExecutable(true);
  }

  private static String run(String command, Path scratch, String where) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).directory(scratch.toFile());
    pb.environment().put("PATH", scratch.resolve(".bin") + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("PERMITCHECK_TODAY", Run.TODAY.toString());
    pb.environment().remove("LANG");
    pb.environment().remove("NO_COLOR");
    Path err = Files.createTempFile(scratch, "stderr", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s: %s finishes", where, command).isTrue();
    assertThat(p.exitValue()).as("%s: exit code of '%s'; stderr:%n%s", where, command, Files.readString(err))
        .isZero();
    return out;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
