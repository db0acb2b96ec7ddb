package dev.plumb.report;

import dev.plumb.data.BadInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes output files so that a reader never sees half a file: the bytes go to a temporary file in
 * the same directory, which is then moved over the target in one step. Stateless.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * Writes {@code bytes} to {@code target} atomically.
   *
   * @throws BadInputException when the directory does not exist or cannot be written
   */
  public static void write(Path target, byte[] bytes) {
    checkLocation(target);
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      permissions(tmp, absolute);
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new BadInputException(target + ": cannot write the output (" + e.getMessage()
          + "); check the path and permissions", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is all that is left; nothing else to undo
        }
      }
    }
  }

  /**
   * Checks, before any work, that {@code target} could be written: its directory exists and it is
   * not a directory.
   *
   * @throws BadInputException naming the file and what to do otherwise
   */
  public static void checkLocation(Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(target + ": the directory " + dir + " does not exist; create it"
          + " or choose another output path");
    }
    if (Files.isDirectory(absolute)) {
      throw new BadInputException(target + ": is a directory; give a file name for the output");
    }
  }

  /**
   * Gives the temporary file the permissions the target has, or those of a new file under the
   * usual umask (rw-r--r--): a temporary file starts private to its owner.
   */
  private static void permissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> p = Files.exists(target) ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, p);
  }
}
