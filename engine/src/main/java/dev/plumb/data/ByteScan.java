package dev.plumb.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One pass over a file's bytes: the SHA-256 of the exact bytes, the first invalid UTF-8 sequence
 * and the first NUL byte (each with its line and byte offset), and the kind of line endings. Runs
 * beside the parser on another core.
 *
 * @param sha256 hex SHA-256 of the whole file
 * @param bytes file size
 * @param invalidUtf8 where the first byte that is not valid UTF-8 sits, if any (only checked for
 *     UTF-8)
 * @param nul where the first NUL byte sits, if any
 * @param crlfLines lines ending in CR LF
 * @param lfLines lines ending in a bare LF
 */
record ByteScan(
    String sha256,
    long bytes,
    Optional<Position> invalidUtf8,
    Optional<Position> nul,
    long crlfLines,
    long lfLines) {

  /** A place in the file: 1-based line, 0-based byte offset from the start of the file. */
  record Position(long line, long offset) {}

  static ByteScan of(Path path, boolean checkUtf8) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
    byte[] buf = new byte[1 << 20];
    long offset = 0;
    long line = 1;
    long crlf = 0;
    long lf = 0;
    Position invalid = null;
    Position nul = null;
    int pending = 0; // continuation bytes still expected in a UTF-8 sequence
    int lowest = 0x80; // smallest allowed next continuation byte (rejects overlongs, surrogates)
    int highest = 0xBF;
    boolean lastWasCr = false;
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        for (int i = 0; i < n; i++) {
          int b = buf[i] & 0xFF;
          if (b == '\n') {
            if (lastWasCr) {
              crlf++;
            } else {
              lf++;
            }
            line++;
          } else if (b == 0 && nul == null) {
            nul = new Position(line, offset + i);
          }
          lastWasCr = b == '\r';
          if (!checkUtf8 || invalid != null) {
            continue;
          }
          if (pending == 0) {
            if (b < 0x80) {
              continue;
            }
            lowest = 0x80;
            highest = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
              pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
              pending = 2;
              if (b == 0xE0) {
                lowest = 0xA0;
              } else if (b == 0xED) {
                highest = 0x9F;
              }
            } else if (b >= 0xF0 && b <= 0xF4) {
              pending = 3;
              if (b == 0xF0) {
                lowest = 0x90;
              } else if (b == 0xF4) {
                highest = 0x8F;
              }
            } else {
              invalid = new Position(line, offset + i);
            }
          } else if (b >= lowest && b <= highest) {
            pending--;
            lowest = 0x80;
            highest = 0xBF;
          } else {
            invalid = new Position(line, offset + i);
            pending = 0;
          }
        }
        offset += n;
      }
    }
    if (checkUtf8 && invalid == null && pending > 0) {
      invalid = new Position(line, offset);
    }
    return new ByteScan(
        HexFormat.of().formatHex(sha.digest()),
        offset,
        Optional.ofNullable(invalid),
        Optional.ofNullable(nul),
        crlf,
        lf);
  }
}
