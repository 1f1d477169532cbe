package org.permitcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading case files whole, with the size a directory's walk saw or without it. */
class FileTextTest {
  @ParameterizedTest(name = "{0} bytes, expected {1}, limit {2}")
  @CsvSource({
      "0, 0, 10", // empty, as expected
      "5, 5, 10", // as expected
      "3, 5, 10", // shrank since its size was taken
      "8, 5, 10", // grew since
      "12, 5, 10", // grew past the limit: cut there
      "7, 0, 10", // a size that says nothing (a pipe)
      "10, 10, 10", // exactly the limit
      "15, 20, 10", // expected more than the limit
      "1, 0, 1",
  })
  void readsTheWholeStreamUpToTheLimitWhateverSizeWasExpected(int length, int expected, int limit)
      throws IOException {
    byte[] content = new byte[length];
    for (int i = 0; i < length; i++) {
      content[i] = (byte) ('a' + i % 26);
    }
    byte[] read = FileText.readBounded(new ByteArrayInputStream(content), expected, limit);
    assertThat(read).isEqualTo(Arrays.copyOf(content, Math.min(length, limit)));
  }

  @Test
  void readsAFileWhoseSizeChangedSinceTheWalkWhole(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.yaml");
    String text = "id: a\nfacts:\n  country: DE\n";
    Files.writeString(f, text);
    for (long seen : new long[] {-1, 0, 5, text.length(), text.length() + 40}) {
      FileText.Result r = FileText.read(f, "cases/a.yaml", 1000, seen);
      assertThat(r.error()).as("size seen %d", seen).isEmpty();
      assertThat(r.text().get().text()).as("size seen %d", seen).isEqualTo(text);
      assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
  }

  @Test
  void refusesAFileOverTheLimitByTheSizeSeenOrRead(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, "x".repeat(200));
    for (long seen : new long[] {-1, 10, 200}) {
      FileText.Result r = FileText.read(f, "big.yaml", 100, seen);
      assertThat(r.text()).isEmpty();
      assertThat(r.error().get().message()).as("size seen %d", seen).contains("larger than the limit");
    }
  }

  @Test
  void saysADirectoryNamedAsAFileIsOne(@TempDir Path dir) throws IOException {
    Path d = Files.createDirectories(dir.resolve("cases.yaml"));
    FileText.Result r = FileText.read(d, "cases.yaml", 1000);
    assertThat(r.error().get().message()).isEqualTo("is a directory, not a file");
  }

  @Test
  void saysPermissionDeniedApartFromOtherFailuresToRead(@TempDir Path dir) {
    // as root (CI) a file's mode does not stop reading it: the reasons are mapped from what was thrown
    Path f = dir.resolve("a.yaml");
    FileText.Result denied = FileText.failed(new AccessDeniedException(f.toString()), f, "a.yaml");
    assertThat(denied.error().get().render()).isEqualTo("a.yaml: error: permission denied: this user may not read it\n"
        + "  hint: check the file's permissions (ls -l); permitcheck needs read access, and search access to its folders");
    assertThat(org.permitcheck.diag.Translation.of("fr").render(denied.error().get()))
        .startsWith("a.yaml: erreur : accès refusé");
    assertThat(FileText.failed(new NoSuchFileException(f.toString()), f, "a.yaml").error().get().message())
        .isEqualTo("no such file");
    assertThat(FileText.failed(new IOException("Input/output error"), f, "a.yaml").error().get().message())
        .isEqualTo("cannot be read");
  }
}
