package org.permitcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How much of the inputs a batch has read, for its progress bar. */
class InputsTest {
  @Test
  void countsEveryByteOfFilesDirectoriesAndLinesOnceReadToTheEnd(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("cases/sub"));
    Files.writeString(sub.resolve("a.yaml"), "facts: {}\n");
    Files.writeString(dir.resolve("cases/b.json"), "{\"facts\": {}}");
    Files.writeString(dir.resolve("cases/notes.txt"), "not a case, not counted");
    Files.writeString(dir.resolve("more.ndjson"), "{\"id\": \"x\"}\r\n\n{\"id\": \"y\"}\r\n");
    Files.writeString(dir.resolve("one.yaml"), "id: z\n");
    try (Inputs inputs = new Inputs(List.of("cases", "more.ndjson", "one.yaml"), dir::resolve,
        new ByteArrayInputStream(new byte[0]))) {
      long total = inputs.measure();
      assertThat(total).isEqualTo(Files.size(sub.resolve("a.yaml")) + Files.size(dir.resolve("cases/b.json"))
          + Files.size(dir.resolve("more.ndjson")) + Files.size(dir.resolve("one.yaml")));
      assertThat(inputs.consumed()).isZero();
      List<Long> seen = new ArrayList<>();
      while (inputs.hasNext()) {
        inputs.next();
        seen.add(inputs.consumed());
      }
      assertThat(seen).isSorted().hasSize(5);
      assertThat(inputs.consumed()).isEqualTo(total);
    }
  }

  @Test
  void namesTheCasesOfADirectoryAsGivenFollowedByTheirPathInNameOrder(@TempDir Path dir) throws IOException {
    Path cases = Files.createDirectories(dir.resolve("cases/b"));
    Files.createDirectories(dir.resolve("cases/a/c"));
    Files.writeString(cases.resolve("2.yaml"), "id: x\n");
    Files.writeString(dir.resolve("cases/a/c/1.yml"), "id: x\n");
    Files.writeString(dir.resolve("cases/a/lines.ndjson"), "{\"id\": \"x\"}\n{\"id\": \"y\"}\n");
    Files.writeString(dir.resolve("cases/0.json"), "{}");
    Files.writeString(dir.resolve("cases/skip.txt"), "");
    Files.createSymbolicLink(dir.resolve("cases/link.yaml"), cases.resolve("2.yaml"));
    Files.createSymbolicLink(dir.resolve("cases/linked-dir.yaml"), dir.resolve("cases/a"));
    for (String given : List.of("cases", "cases/", dir.resolve("cases").toString())) {
      List<String> names = new ArrayList<>();
      try (Inputs inputs = new Inputs(List.of(given, "cases/b/2.yaml"), dir::resolve, new ByteArrayInputStream(new byte[0]))) {
        List<Boolean> ready = new ArrayList<>();
        while (inputs.hasNext()) {
          Item item = inputs.next();
          names.add(item.defaultId() + " " + item.name());
          ready.add(inputs.ready());
        }
        // files are never waited for, so that a batch hands them over in whole chunks
        assertThat(ready.subList(0, ready.size() - 1)).containsOnly(true);
      }
      String base = given.endsWith("/") ? given : given + "/";
      assertThat(names).containsExactly("0 " + base + "0.json", "1 " + base + "a/c/1.yml",
          base + "a/lines.ndjson:1 " + base + "a/lines.ndjson", base + "a/lines.ndjson:2 " + base + "a/lines.ndjson",
          "2 " + base + "b/2.yaml", "link " + base + "link.yaml", "2 cases/b/2.yaml");
    }
  }

  @Test
  void walksADirectoryInTheOrderOfAllItsPathsSorted(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("cases"));
    for (String f : List.of("a/z.yaml", "a.yaml", "a-b.yaml", "a0.yaml", "a.d/k.yaml", "A.yaml", "b/c/d/e.yaml",
        "b/c.yaml", "b/c/d.yaml", "\u00e9.yaml", "z.json", "x.yaml/in.yaml", "x.yaml/in/deep.yml", "e/empty/none.txt",
        "m/.hidden.yaml", "m/n.YAML", "m/n.txt")) {
      Path p = root.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "id: x\n");
    }
    Files.createDirectories(root.resolve("empty"));
    List<String> expected = new ArrayList<>();
    try (var found = Files.walk(root)) {
      found.filter(Files::isRegularFile).filter(Inputs::isCaseFile).sorted()
          .forEach(f -> expected.add("cases/" + root.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(expected).hasSize(15);
    for (boolean measured : new boolean[] {false, true}) {
      List<String> names = new ArrayList<>();
      try (Inputs inputs = new Inputs(List.of("cases"), dir::resolve, new ByteArrayInputStream(new byte[0]))) {
        if (measured) {
          inputs.measure();
        }
        inputs.forEachRemaining(item -> names.add(item.name()));
      }
      assertThat(names).as(measured ? "with a progress bar" : "without").containsExactlyElementsOf(expected);
    }
  }

  @Test
  void walksALargeDirectoryInNameOrder(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("many"));
    java.util.Random random = new java.util.Random(5);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      String name = Integer.toString(random.nextInt(1_000_000), 7 + random.nextInt(30)) + (i % 3 == 0 ? ".json" : ".yaml");
      if (i % 50 == 0) {
        Files.createDirectories(root.resolve(name));
        Files.writeString(root.resolve(name).resolve("in.yaml"), "id: x\n");
        expected.add(root.resolve(name).resolve("in.yaml").toString());
      } else if (!Files.exists(root.resolve(name))) {
        Files.writeString(root.resolve(name), "id: x\n");
        expected.add(root.resolve(name).toString());
      }
    }
    expected.sort(null);
    List<String> names = new ArrayList<>();
    try (Inputs inputs = new Inputs(List.of(root.toString()), java.nio.file.Paths::get, new ByteArrayInputStream(new byte[0]))) {
      inputs.forEachRemaining(item -> names.add(item.name()));
    }
    assertThat(names).hasSize(expected.size()).containsExactlyElementsOf(expected);
  }

  @Test
  void doesNotKnowTheSizeOfStdin() {
    byte[] in = "{\"id\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);
    try (Inputs inputs = new Inputs(List.of("-"), Path::of, new ByteArrayInputStream(in))) {
      assertThat(inputs.measure()).isEqualTo(-1);
      inputs.next();
      assertThat(inputs.hasNext()).isFalse();
      assertThat(inputs.consumed()).isEqualTo(in.length);
    }
  }

  /** A stream of {@code size} bytes of 'a' and then {@code tail}, made as it is read (never held whole). */
  private static java.io.InputStream longLineThen(long size, String tail) {
    return longLineThen("", size, tail);
  }

  /** As above, after {@code head}. */
  private static java.io.InputStream longLineThen(String head, long size, String tail) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = tail.getBytes(StandardCharsets.UTF_8);
    return new java.io.InputStream() {
      long at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long all = start.length + size + end.length;
        if (at >= all) {
          return -1;
        }
        int n = (int) Math.min(len, all - at);
        for (int i = 0; i < n; i++, at++) {
          b[off + i] = at < start.length ? start[(int) at]
              : at < start.length + size ? (byte) 'a' : end[(int) (at - start.length - size)];
        }
        return n;
      }
    };
  }

  private static List<Item> items(java.io.InputStream stdin) {
    List<Item> items = new ArrayList<>();
    try (Inputs inputs = new Inputs(List.of("-"), Path::of, stdin)) {
      inputs.forEachRemaining(items::add);
    }
    return items;
  }

  @Test
  void skipsALineLongerThanTheLimitInBoundedMemoryAndReadsOn() {
    long before = allocatedBytes();
    List<Item> items = items(longLineThen(100L * 1024 * 1024, "\r\n{\"id\": \"ok\"}\n"));
    assertThat(allocatedBytes() - before).as("bytes allocated to skip a 100 MB line").isLessThan(32L * 1024 * 1024);
    assertThat(items).hasSize(2);
    Item.Refused refused = (Item.Refused) items.get(0);
    assertThat(refused.line()).isEqualTo(1);
    assertThat(refused.error().message()).isEqualTo("the line is longer than the limit of 4 MiB");
    assertThat(items.get(1)).isInstanceOf(Item.Line.class);
    assertThat(((Item.Line) items.get(1)).line()).isEqualTo(2);
  }

  @Test
  void keepsALineOfExactlyTheLimitAndRefusesOneByteMore() {
    int max = 4 * 1024 * 1024;
    for (String end : List.of("\n{}\n", "\r\n{}\n", "\r{}", "")) {
      List<Item> fits = items(longLineThen("{", max - 1, end));
      assertThat(fits).as("a line of 4 MiB, then %s", end).hasSize(end.isEmpty() ? 1 : 2);
      assertThat(((Item.Line) fits.get(0)).bytes()).hasSize(max);
      List<Item> over = items(longLineThen("{", max, end));
      assertThat(over).as("a line of 4 MiB and one byte, then %s", end).hasSize(end.isEmpty() ? 1 : 2);
      assertThat(over.get(0)).isInstanceOf(Item.Refused.class);
    }
  }

  @Test
  void refusesAYamlDocumentWithALineTooLongAndReadsTheNextOne() {
    List<Item> items = items(longLineThen("id: long\nnote: ", 5 * 1024 * 1024, "\nfacts: {}\n---\nid: next\n"));
    assertThat(items).hasSize(2);
    assertThat(((Item.Refused) items.get(0)).line()).isEqualTo(1); // the document's, as a case's name
    assertThat(((Item.Refused) items.get(0)).error().line()).isEqualTo(2); // the line that is wrong
    assertThat(((Item.Text) items.get(1)).text()).isEqualTo("id: next\n");
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
