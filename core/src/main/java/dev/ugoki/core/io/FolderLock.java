package dev.ugoki.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per folder: a run folder, a sweep's or a study's. The writer holds an operating-system
 * lock on {@value #NAME} in the folder while it works; a second writer is refused in one line that
 * names the holder (its process and what it does). The system releases the lock when its process
 * ends, however it ends, so a lock left by a killed process is simply taken over. The file stays,
 * emptied, when the lock is let go: deleting it would let two writers lock two files of one name.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock's file in the folder. */
  public static final String NAME = ".ugoki.lock";

  /** The folders this process holds: a second lock of one would not be refused by the system. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir} (made if missing) for {@code what} this process does in it.
   *
   * @throws IllegalArgumentException in one line naming the holder when another writer has it
   */
  public static FolderLock acquire(Path dir, String what) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    Files.createDirectories(d);
    if (!HELD.add(d)) {
      throw new IllegalArgumentException(
          d + " is in use by this process already: one writer per folder");
    }
    FileChannel ch = null;
    try {
      String mine = "process " + ProcessHandle.current().pid() + " (" + what + ")";
      ch =
          FileChannel.open(
              d.resolve(NAME),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        String holder = holder(ch);
        throw new IllegalArgumentException(
            d
                + " is in use by "
                + (holder.isEmpty() ? "another process" : holder)
                + ": wait for it to end, or stop it");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(mine.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
      return new FolderLock(d, ch, l);
    } catch (IOException | RuntimeException e) {
      HELD.remove(d);
      if (ch != null) {
        ch.close();
      }
      throw e;
    }
  }

  /** What the holder wrote: its process and what it does (at most a line). */
  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(200);
    ch.read(b, 0);
    String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** The folder held. */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() throws IOException {
    try {
      // emptied, never deleted: a writer that opened the file just before would lock a file no
      // one else sees, and a third would lock the new one beside it (FolderLockContentionTest).
      // Nor is it opened again while held: closing any channel of it lets the lock go.
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
      HELD.remove(dir);
    }
  }
}
