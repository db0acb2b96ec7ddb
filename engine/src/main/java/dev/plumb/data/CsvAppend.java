package dev.plumb.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one CSV holding the rows of a first file followed by the data rows of a second file with
 * the same header, so that both can be read, typed and encoded as one table (a training file and
 * its test file). Neither input is modified. Stateless.
 */
public final class CsvAppend {
  private CsvAppend() {}

  /**
   * Writes {@code first}'s bytes, a line break if it does not end with one, then {@code second}'s
   * bytes after its byte-order mark and its header record (which may be quoted and span lines).
   *
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public static void write(Path first, Path second, Path out) {
    try {
      byte[] a = Files.readAllBytes(first);
      byte[] b = Files.readAllBytes(second);
      int start = bodyStart(b);
      try (OutputStream o = Files.newOutputStream(out)) {
        o.write(a);
        if (a.length > 0 && a[a.length - 1] != '\n' && a[a.length - 1] != '\r') {
          o.write('\n');
        }
        o.write(b, start, b.length - start);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot join " + first + " and " + second, e);
    }
  }

  /** Where the data rows begin: after the BOM and the first record (quotes respected). */
  static int bodyStart(byte[] b) {
    int i = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
        && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    boolean quoted = false;
    for (; i < b.length; i++) {
      if (b[i] == '"') {
        quoted = !quoted;
      } else if (!quoted && (b[i] == '\n' || b[i] == '\r')) {
        if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
          i++;
        }
        return i + 1;
      }
    }
    return b.length;
  }
}
