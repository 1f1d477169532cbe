package org.permitcheck.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold personal data: to a temporary file in the same folder, created with mode
 * 0600, flushed to disk, then atomically moved into place, so that an existing file is never left
 * half-written and nobody else can read it.
 */
public final class SafeFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private SafeFiles() {}

  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    try (Pending p = create(target)) {
      p.stream().write(bytes);
      p.commit();
    }
  }

  /**
   * Flushes the folder's entry for the new file to disk, where the platform allows opening a folder
   * (Linux, macOS); elsewhere the rename is still atomic, only its survival of a power cut is not
   * guaranteed.
   */
  private static void syncFolder(Path dir) {
    try (var channel = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not possible on this platform or file system: the file itself is already on disk
    }
  }

  /**
   * Starts writing {@code target} as a stream, for output too large to hold in memory: the text goes
   * to a private temporary file beside it, which {@link Pending#commit()} moves into place. Closing
   * without committing deletes the temporary file and leaves {@code target} as it was. A link is
   * followed: the file it names is replaced and the link kept. A target that is not a file (a device
   * such as {@code /dev/stdout}, a FIFO) is written as it is, never replaced.
   */
  public static Pending create(Path target) throws IOException {
    Path file = target;
    if (Files.exists(target)) {
      if (!Files.isRegularFile(target)) {
        // a device, a FIFO, a terminal (/dev/stdout): it cannot be replaced, only written to
        var channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE);
        return new Pending(target, target, channel, true);
      }
      file = target.toRealPath(); // through a link: replace the file it names, and keep the link
    }
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = createPrivateTemp(dir, file.getFileName().toString());
    try {
      var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
      return new Pending(file, tmp, channel, false);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * A file being written; see {@link #create(Path)}. Until it is committed or closed, a shutdown hook
   * deletes the temporary file if the program is stopped (Ctrl-C, SIGTERM), so that no copy of the
   * personal data it holds is left behind. Deleting it never touches the target: if the hook runs
   * while the file is being moved into place, either the move fails (the target keeps its old
   * content) or the temporary file is gone already.
   */
  public static final class Pending implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final java.nio.channels.FileChannel channel;
    private final java.io.Writer writer;
    private final Thread exitHook;
    /** Whether the target is written as it is (a device or a FIFO): no temporary file, no move. */
    private final boolean inPlace;

    private volatile boolean done;

    private Pending(Path target, Path tmp, java.nio.channels.FileChannel channel, boolean inPlace) {
      this.target = target;
      this.tmp = tmp;
      this.channel = channel;
      this.inPlace = inPlace;
      this.done = inPlace;
      this.writer = new java.io.BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8),
          1 << 16);
      this.exitHook = new Thread(this::discardOnExit, "permitcheck-discard-temporary-file");
      Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /** What the shutdown hook does: deletes the temporary file unless it was moved into place. */
    private void discardOnExit() {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // the program is ending: nothing more can be done
        }
      }
    }

    /** The shutdown hook, for tests: running it acts as if the program were stopped now. */
    Thread exitHook() {
      return exitHook;
    }

    /** The temporary file, for tests. */
    Path temporaryFile() {
      return tmp;
    }

    /** The file is committed or discarded: the hook is not needed any more. */
    private void forgetExitHook() {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException e) {
        // the program is already ending: the hook runs and finds the file done
      }
    }

    /** Where to write the text (UTF-8). */
    public java.io.Writer writer() {
      return writer;
    }

    /** Where to write bytes; do not mix with {@link #writer()}. */
    public java.io.OutputStream stream() {
      return java.nio.channels.Channels.newOutputStream(channel);
    }

    /** Flushes the text to disk and atomically replaces the target with it. */
    public void commit() throws IOException {
      if (inPlace) {
        writer.close();
        forgetExitHook();
        return;
      }
      writer.flush();
      channel.force(true);
      writer.close();
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      forgetExitHook();
      syncFolder(target.toAbsolutePath().getParent());
    }

    /** Discards the text unless it was committed. */
    @Override
    public void close() throws IOException {
      if (inPlace) {
        channel.close();
        forgetExitHook();
      } else if (!done) {
        done = true;
        try {
          writer.close();
        } finally {
          Files.deleteIfExists(tmp);
          forgetExitHook();
        }
      }
    }
  }

  private static Path createPrivateTemp(Path dir, String name) throws IOException {
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + attempt + ".tmp");
      try {
        if (posix) {
          return Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }
}
