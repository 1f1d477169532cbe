package org.permitcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
  @Test
  void writesAPrivateFileAndLeavesNoTemporaryFileBehind(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("case.yaml");
    SafeFiles.write(f, "facts: {}\n");
    assertThat(Files.readString(f)).isEqualTo("facts: {}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void replacesAnExistingFileWhole(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("case.yaml");
    Files.writeString(f, "old content that is longer than the new one\n");
    SafeFiles.write(f, "new\n");
    assertThat(Files.readString(f)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
  }

  @Test
  void aFailedReplaceLeavesTheTargetAsItWasAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = Files.createDirectories(dir.resolve("results"));
    Files.writeString(target.resolve("keep.txt"), "kept");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SafeFiles.write(target, "new"))
        .isInstanceOf(IOException.class);
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void stoppingTheProgramWhileWritingDeletesTheTemporaryFileAndKeepsTheTarget(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("results.ndjson");
    Files.writeString(target, "old\n");
    try (SafeFiles.Pending p = SafeFiles.create(target)) {
      p.stream().write("{\"case\":\"personal\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(p.temporaryFile()).exists();

      p.exitHook().run(); // what Ctrl-C or SIGTERM runs

      assertThat(p.temporaryFile()).doesNotExist();
      assertThat(Files.readString(target)).isEqualTo("old\n");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void theExitHookIsRemovedOnceTheFileIsCommittedOrDiscarded(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("results.json");
    SafeFiles.Pending committed = SafeFiles.create(target);
    committed.writer().write("new\n");
    committed.commit();
    committed.exitHook().run(); // a stop just after the move changes nothing
    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(Runtime.getRuntime().removeShutdownHook(committed.exitHook())).isFalse();

    SafeFiles.Pending discarded = SafeFiles.create(target);
    discarded.close();
    assertThat(Runtime.getRuntime().removeShutdownHook(discarded.exitHook())).isFalse();
    assertThat(Files.readString(target)).isEqualTo("new\n");
  }

  @Test
  void writesIntoAFifoInsteadOfReplacingIt(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("results.pipe");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    SafeFiles.write(fifo, "results\n");
    assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("results\n");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  @Test
  void replacesTheFileALinkNamesAndKeepsTheLink(@TempDir Path dir) throws IOException {
    Path real = Files.writeString(Files.createDirectories(dir.resolve("store")).resolve("case.yaml"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("case.yaml"), real);
    SafeFiles.write(link, "new\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
  }
}
