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
    try (Pending p = open(target)) {
      p.stream().write(bytes);
      p.commit();
    }
  }

  /**
   * Starts writing {@code target}: write to {@link Pending#stream()}, then {@link Pending#commit()}
   * to move the finished file into place. Closing without committing deletes the temporary file and
   * leaves the target as it was. For outputs too large to hold in memory.
   */
  public static Pending open(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = createPrivateTemp(dir, target.getFileName().toString());
    return new Pending(target, dir, tmp);
  }

  /** A file being written; see {@link #open(Path)}. */
  public static final class Pending implements AutoCloseable {
    private final Path target;
    private final Path dir;
    private final Path tmp;
    private final java.nio.channels.FileChannel channel;
    private final java.io.OutputStream stream;
    private boolean committed;

    private Pending(Path target, Path dir, Path tmp) throws IOException {
      this.target = target;
      this.dir = dir;
      this.tmp = tmp;
      this.channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
      this.stream = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
    }

    public java.io.OutputStream stream() {
      return stream;
    }

    /** Flushes to disk and atomically replaces the target. */
    public void commit() throws IOException {
      stream.flush();
      channel.force(true);
      channel.close();
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
      syncFolder(dir);
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        channel.close();
        Files.deleteIfExists(tmp);
      }
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
