package dev.ugoki.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader, or a run killed at any moment, sees either the old file or the
 * whole new one: the bytes go to a temporary file in the same folder, are forced to disk, and the
 * temporary file is then renamed over the target. Only a regular file or a new name is written: a
 * rename would replace a device, a pipe, a folder or a symbolic link with a file, so such a target
 * is refused before anything is written ({@link #checkWritable}).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * @throws IOException when {@code target} exists and is not a regular file, naming it and what it
   *     is; or when the write fails
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    checkWritable(target);
    Path tmp = temporaryFor(target);
    Files.createDirectories(tmp.getParent());
    // createFile, not createTempFile: the result keeps the usual permissions (umask), not 0600
    Files.createFile(tmp);
    try {
      try (var ch =
          java.nio.channels.FileChannel.open(
              tmp,
              java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        var buf = java.nio.ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Refuses a target that exists and is not a regular file (a symbolic link, a folder, a device, a
   * pipe), naming what it is: what an atomic write would replace rather than write into.
   *
   * @throws IOException in one line naming the target
   */
  public static void checkWritable(Path target) throws IOException {
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a =
          Files.readAttributes(
              target,
              java.nio.file.attribute.BasicFileAttributes.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return; // a new name
    }
    String what =
        a.isRegularFile()
            ? null
            : a.isSymbolicLink()
                ? "a symbolic link"
                : a.isDirectory() ? "a folder" : "a device or a pipe";
    if (what != null) {
      throw new IOException(
          target + " is " + what + ", not a regular file: give the path of a file to write");
    }
  }

  /**
   * The bytes of {@code file}, a small file a person wrote (a config, a sweep): refused in one line
   * when it is no regular file or holds more than {@code maxBytes}, before anything is read.
   *
   * @throws java.nio.file.NoSuchFileException when it does not exist
   */
  public static byte[] readSmall(Path file, int maxBytes) throws IOException {
    if (Files.exists(file)) {
      checkReadable(file);
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "%s holds %,d bytes, more than the %,d such a file may hold",
                file,
                size,
                maxBytes));
      }
    }
    try (var in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(maxBytes + 1); // it may have grown since
      if (b.length > maxBytes) {
        throw new IllegalArgumentException(file + " grew past " + maxBytes + " bytes while read");
      }
      return b;
    }
  }

  /**
   * Refuses to read {@code path} unless it is a regular file (a link to one is fine): a pipe or a
   * device would be waited on or read without end, a folder cannot be read.
   *
   * @throws IllegalArgumentException in one line naming it and what it is
   */
  public static void checkReadable(Path path) {
    if (Files.isRegularFile(path)) {
      return;
    }
    String what =
        !Files.exists(path)
            ? "does not exist"
            : Files.isDirectory(path) ? "is a folder" : "is a device or a pipe";
    throw new IllegalArgumentException(
        "cannot read " + path + ": it " + what + ", not a regular file");
  }

  /**
   * A temporary name beside {@code target}, {@code .NAME.PID.NANOS.tmp}: what a file is written
   * under until it is whole, and what {@link #removeStale} sweeps.
   */
  public static Path temporaryFor(Path target) {
    return target
        .toAbsolutePath()
        .getParent()
        .resolve(
            "."
                + target.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + ".tmp");
  }

  /**
   * Gives the whole file {@code tmp} the name {@code target}, which must not exist: a file there is
   * never replaced ({@link java.nio.file.FileAlreadyExistsException}).
   */
  public static void publishNew(Path tmp, Path target) throws IOException {
    try {
      Files.createLink(target, tmp); // atomic, and refuses an existing target
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      if (e instanceof java.nio.file.FileAlreadyExistsException already) {
        throw already;
      }
      Files.move(tmp, target); // no hard links here: a plain move, which refuses one too
      return;
    }
    Files.delete(tmp);
  }

  /**
   * Deletes the temporary files a killed writer of {@code target} left beside it (those of other
   * targets are left alone).
   */
  public static void removeStaleOf(Path target) throws IOException {
    removeStale(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".");
  }

  /** What {@link #write} names its temporary files: {@code .NAME.PID.NANOS.tmp}. */
  private static final java.util.regex.Pattern TEMPORARY =
      java.util.regex.Pattern.compile("^\\..+\\.(\\d+)\\.\\d+\\.tmp$");

  /**
   * True when the process {@code pid} runs: its temporary file may be half-written still. A number
   * too long for a pid is no process's.
   */
  private static boolean writerRuns(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Deletes the temporary files a killed writer left in {@code dir} (not below it); the target
   * files they were for are whole, old or new. A file whose writer's process still runs (this one
   * included) is being written and stays, whoever sweeps.
   *
   * @return how many were deleted
   */
  public static int removeStale(Path dir) throws IOException {
    return removeStale(dir, ".");
  }

  /** Deletes the temporary files in {@code dir} whose names start with {@code prefix}. */
  private static int removeStale(Path dir, String prefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        java.util.regex.Matcher m = TEMPORARY.matcher(name);
        if (name.startsWith(prefix)
            && m.matches()
            && !writerRuns(m.group(1))
            && Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    }
    return n;
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes a folder and everything below it (a run's temporary folder); absent is fine. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
