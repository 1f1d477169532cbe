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
}
