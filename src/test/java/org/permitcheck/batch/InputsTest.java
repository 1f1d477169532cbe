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
