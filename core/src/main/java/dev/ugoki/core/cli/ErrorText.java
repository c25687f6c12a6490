package dev.ugoki.core.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An error as the one line a person reads: the path and the cause of a file-system error (Java's
 * {@code AccessDeniedException} says only the path), and every control character of a name shown
 * escaped ({@code \n}, {@code \u001b}), so that a name cannot break the line or the terminal.
 */
public final class ErrorText {
  private ErrorText() {}

  /** The one-line text of {@code e}. */
  public static String of(Throwable e) {
    if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
      // what was being done, then the cause's file and reason
      String own = u.getMessage();
      String cause = of(u.getCause());
      return own == null || own.equals(u.getCause().toString())
          ? cause
          : escaped(own) + ": " + cause;
    }
    String text;
    if (e instanceof FileSystemException f) {
      String reason = f.getReason() != null ? f.getReason() : reason(f);
      text =
          (f.getFile() == null ? "" : f.getFile() + ": ")
              + reason
              + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
    } else {
      text = e.getMessage() != null ? e.getMessage() : e.toString();
    }
    return escaped(text);
  }

  private static String reason(FileSystemException f) {
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (f instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (f instanceof NotDirectoryException) {
      return "not a folder";
    }
    return f.getClass().getSimpleName();
  }

  /** {@code s} with its control characters written as escapes. */
  static String escaped(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
