package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable's shell launcher ({@code src/main/sh/stub.sh}) chooses the JVM's flags by the kind of
 * run (README, Performance): run here with a {@code java} on the PATH that prints what it is given.
 */
class LauncherTest {
  private static final String ONE_CASE = "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC";
  private static final String C1_BATCH = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  private static final String TIERED = "-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:+UseSerialGC";
  private static final String TIERED_LESS_INLINING =
      "-XX:MaxInlineSize=15 -XX:FreqInlineSize=40 -XX:InlineSmallCode=400 -XX:+UseSerialGC";

  @TempDir static Path dir;
  private static Path stub;

  @BeforeAll
  static void fakeJava() throws IOException {
    assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
    assumeTrue(java.toFile().setExecutable(true));
    stub = Path.of("src/main/sh/stub.sh").toAbsolutePath();
    Files.createDirectories(dir.resolve("cases"));
    Files.writeString(dir.resolve("cases/a.yaml"), "id: a\n");
    Files.writeString(dir.resolve("one.yaml"), "id: a\n");
    Files.writeString(dir.resolve("few.ndjson"), "{\"id\": \"a\"}\n");
    sparse("large.ndjson", 300L << 20); // over 256 MB
    sparse("medium.jsonl", 70L << 20); // over 64 MB
  }

  /** A file of that size by its length, without writing it. */
  private static void sparse(String name, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
      f.setLength(size);
    }
  }

  @Test
  void runsOneCaseOnC1WithOneCompilerThread() throws Exception {
    assertThat(flags("", "eval", "one.yaml")).isEqualTo(ONE_CASE);
    assertThat(flags("", "check")).isEqualTo(ONE_CASE);
  }

  @Test
  void runsABatchWithSeveralJobsOnC1() throws Exception {
    assertThat(flags("", "eval", "cases")).isEqualTo(C1_BATCH);
    assertThat(flags("", "eval", "--jobs", "2", "few.ndjson")).isEqualTo(C1_BATCH);
    assertThat(flags("", "eval", "-")).isEqualTo(C1_BATCH);
  }

  @Test
  void runsASmallBatchWithOneJobOnC1() throws Exception {
    assertThat(flags("", "eval", "--jobs", "1", "cases")).isEqualTo(C1_BATCH);
    assertThat(flags("", "eval", "few.ndjson", "--jobs=1")).isEqualTo(C1_BATCH);
  }

  @Test
  void runsAPipeOnStdinWithOneJobOnTheTieredJitInliningLess() throws Exception {
    assertThat(flags("", "eval", "--jobs", "1", "-")).isEqualTo(TIERED);
  }

  @Test
  void takesStdinRedirectedFromAFileByTheFilesSize() throws Exception {
    assertThat(flags(dir.resolve("few.ndjson"), "", "eval", "--jobs", "1", "-")).isEqualTo(C1_BATCH);
    assertThat(flags(dir.resolve("medium.jsonl"), "", "eval", "--jobs", "1", "-")).isEqualTo(TIERED);
    assertThat(flags(dir.resolve("medium.jsonl"), "", "eval", "-")).as("several jobs").isEqualTo(C1_BATCH);
    assertThat(flags(dir.resolve("large.ndjson"), "", "eval", "-")).as("several jobs").isEqualTo(TIERED);
  }

  @Test
  void runsAnInputFileOver64MbWithOneJobOnTheTieredJit() throws Exception {
    assertThat(flags("", "eval", "--jobs", "1", "few.ndjson", "medium.jsonl")).isEqualTo(TIERED);
    assertThat(flags("", "eval", "few.ndjson", "medium.jsonl")).as("several jobs").isEqualTo(C1_BATCH);
  }

  @Test
  void runsALargeInputFileWithSeveralJobsOnTheTieredJit() throws Exception {
    assertThat(flags("", "eval", "few.ndjson", "large.ndjson")).isEqualTo(TIERED);
  }

  @Test
  void sizesAnInputFileNamedThroughALinkByTheFileItLinksTo() throws Exception {
    Files.createSymbolicLink(dir.resolve("linked.ndjson"), dir.resolve("large.ndjson"));
    assertThat(flags("", "eval", "linked.ndjson")).isEqualTo(TIERED);
  }

  @Test
  void runsADirectoryOfOver15000CaseFilesWithOneJobOnTheTieredJit() throws Exception {
    Path some = Files.createDirectories(dir.resolve("some"));
    for (int i = 0; i < 15_000; i++) {
      Files.createFile(some.resolve(i + ".yml"));
    }
    Files.createFile(some.resolve("notes.txt"));
    assertThat(flags("", "eval", "--jobs", "1", "some")).as("15,000").isEqualTo(C1_BATCH);
    Files.createFile(some.resolve("last.json"));
    assertThat(flags("", "eval", "--jobs", "1", "some")).as("15,001").isEqualTo(TIERED);
    assertThat(flags("", "eval", "some")).as("several jobs").isEqualTo(C1_BATCH);
  }

  @Test
  void runsADirectoryOfOver50000CaseFilesWithSeveralJobsOnTheTieredJitInliningLessStill() throws Exception {
    Path many = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 50_000; i++) {
      Files.createFile(many.resolve(i + (i % 2 == 0 ? ".yaml" : ".json")));
    }
    Files.createFile(many.resolve("notes.txt"));
    assertThat(flags("", "eval", "many")).as("50,000").isEqualTo(C1_BATCH);
    Files.createFile(many.resolve("last.yml"));
    assertThat(flags("", "eval", "many")).as("50,001").isEqualTo(TIERED_LESS_INLINING);
    assertThat(flags("", "eval", "cases", "many")).isEqualTo(TIERED_LESS_INLINING);
    assertThat(flags("", "eval", "large.ndjson", "many")).isEqualTo(TIERED_LESS_INLINING);
    assertThat(flags("", "eval", "--jobs", "1", "many")).as("one job").isEqualTo(TIERED);
    Files.createSymbolicLink(dir.resolve("linked-many"), many);
    assertThat(flags("", "eval", "linked-many")).as("through a link").isEqualTo(TIERED_LESS_INLINING);
  }

  @Test
  void letsPermitcheckJavaOptsComeLastToOverrideTheChoice() throws Exception {
    assertThat(flags("-Xmx256m -XX:-TieredCompilation", "eval", "cases"))
        .isEqualTo(C1_BATCH + " -Xmx256m -XX:-TieredCompilation");
  }

  @Test
  void givesJavaAUtf8CharacterSetWhereTheLocaleHasNone() throws Exception {
    assertThat(locale(Map.of())).isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8 LC_MESSAGES= LANG=");
    assertThat(locale(Map.of("LANG", "C"))).isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8 LC_MESSAGES= LANG=C");
    assertThat(locale(Map.of("LC_ALL", "POSIX", "LANG", "fr_FR.UTF-8")))
        .as("the language LC_ALL chose is kept, and no category comes from the LANG it overrode")
        .isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8 LC_MESSAGES=POSIX LANG=POSIX");
    assertThat(locale(Map.of("LC_CTYPE", "C", "LANG", "de_DE.UTF-8")))
        .isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8 LC_MESSAGES= LANG=de_DE.UTF-8");
  }

  @Test
  void keepsALocaleThatNamesItsCharacterSet() throws Exception {
    assertThat(locale(Map.of("LANG", "fr_FR.ISO-8859-1"))).isEqualTo("LC_ALL= LC_CTYPE= LC_MESSAGES= LANG=fr_FR.ISO-8859-1");
    assertThat(locale(Map.of("LC_ALL", "de_DE@euro"))).isEqualTo("LC_ALL=de_DE@euro LC_CTYPE= LC_MESSAGES= LANG=");
    assertThat(locale(Map.of("LANG", "C.UTF-8"))).isEqualTo("LC_ALL= LC_CTYPE= LC_MESSAGES= LANG=C.UTF-8");
  }

  /** The locale variables java is started with, given these ones (and no other). */
  private static String locale(Map<String, String> env) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("envbin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"LC_ALL=$LC_ALL LC_CTYPE=$LC_CTYPE LC_MESSAGES=$LC_MESSAGES LANG=$LANG\"\n");
    assumeTrue(java.toFile().setExecutable(true));
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", stub.toString(), "check").directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    pb.environment().putAll(env);
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  /** The flags the launcher gives java, before {@code -jar}, with stdin a pipe. */
  private static String flags(String javaOpts, String... args) throws Exception {
    return flags(null, javaOpts, args);
  }

  /** The same with stdin redirected from {@code stdin}, unless null. */
  private static String flags(Path stdin, String javaOpts, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", stub.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    pb.environment().put("PATH", dir.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("PERMITCHECK_JAVA_OPTS", javaOpts);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains(" -jar " + stub + " " + String.join(" ", args));
    return out.substring(0, out.indexOf(" -jar "));
  }
}
