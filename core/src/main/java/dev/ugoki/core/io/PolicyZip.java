package dev.ugoki.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** A policy file's zip, read defensively: only known entries, each within its size limit. */
final class PolicyZip {
  private PolicyZip() {}

  /**
   * Reads every entry through the zip's central directory (at the end of the file), so a file cut
   * short anywhere is refused, and each entry's CRC is checked as it is read; entries without a
   * limit in {@code limits} are not ours and never read.
   */
  static Map<String, byte[]> read(Path file, Map<String, Integer> limits) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      throw new PolicyFile.PolicyFileException("policy file " + file + " does not exist");
    }
    AtomicFiles.checkReadable(file); // a pipe would be waited on, a device read without end
    try (ZipFile zip = new ZipFile(file.toFile())) {
      var all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        Integer limit = limits.get(e.getName());
        if (limit == null) {
          continue; // not ours: never read
        }
        if (entries.containsKey(e.getName())) {
          throw PolicyFile.corrupt(file, "it holds " + e.getName() + " twice");
        }
        try (InputStream in = zip.getInputStream(e)) {
          // read at most one byte past the limit, whatever the entry claims its size is
          byte[] bytes = in.readNBytes(limit + 1);
          if (bytes.length > limit) {
            throw PolicyFile.corrupt(
                file,
                "its entry "
                    + e.getName()
                    + " is larger than "
                    + (limit >> 20)
                    + " MiB, more than a policy of at most "
                    + PolicyFile.MAX_PARAMS
                    + " weights needs");
          }
          // ZipFile checks no checksum: a flipped byte in a stored entry would load
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(bytes);
          if ((e.getCrc() != -1 && crc.getValue() != e.getCrc())
              || (e.getSize() != -1 && e.getSize() != bytes.length)) {
            throw PolicyFile.corrupt(file, "its entry " + e.getName() + " fails its checksum");
          }
          entries.put(e.getName(), bytes);
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      throw PolicyFile.corrupt(file, "it is truncated or not a zip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw PolicyFile.corrupt(file, "it cannot be read (" + e.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw PolicyFile.corrupt(file, "it is empty");
    }
    return entries;
  }
}
