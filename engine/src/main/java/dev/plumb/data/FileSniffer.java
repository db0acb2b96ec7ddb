package dev.plumb.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Looks at the first bytes of a file before it is parsed: rejects what is plainly not CSV (archives,
 * spreadsheets, UTF-16), finds a byte-order mark and detects the delimiter. Stateless.
 */
final class FileSniffer {
  static final int SAMPLE_BYTES = 64 * 1024;
  private static final int SAMPLE_LINES = 50;

  private FileSniffer() {}

  /** The first bytes of the file, at most {@link #SAMPLE_BYTES}. */
  static byte[] head(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(SAMPLE_BYTES);
    }
  }

  /** Length of a UTF-8 byte-order mark at the start of {@code head}: 3 or 0. */
  static int utf8BomLength(byte[] head) {
    return head.length >= 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /** Throws when the bytes show a known non-CSV format. */
  static void rejectKnownBinary(Path path, byte[] head) {
    String what = null;
    String todo = "export it as CSV first";
    if (startsWith(head, 0x1F, 0x8B)) {
      what = "a gzip-compressed file";
      todo = "decompress it first (gunzip)";
    } else if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
      what = "a zip archive (or an .xlsx/.ods spreadsheet)";
      todo = "unzip it, or export the sheet as CSV";
    } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
      what = "an old-style Excel or Office file";
    } else if (startsWith(head, 'P', 'A', 'R', '1')) {
      what = "a Parquet file";
    } else if (startsWith(head, '%', 'P', 'D', 'F')) {
      what = "a PDF document";
    } else if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
      what = "UTF-16 text";
      todo = "re-save it as UTF-8, or pass --encoding UTF-16";
    }
    if (what != null) {
      throw new BadInputException(path + ": this is " + what + ", not a CSV text file; " + todo);
    }
  }

  /**
   * The delimiter that splits the first lines into the most fields consistently: among the
   * candidates that occur in the header, the one whose count per line matches the header's on the
   * most lines, then the one giving more fields. A file with none of them is one column, read with
   * a comma.
   */
  static char detectDelimiter(byte[] head, int bomLength) {
    String text = new String(head, bomLength, head.length - bomLength, StandardCharsets.UTF_8);
    List<String> lines = logicalLines(text);
    if (lines.size() > 1 && head.length == SAMPLE_BYTES) {
      lines.remove(lines.size() - 1); // may be cut short by the sample
    }
    char best = ',';
    int bestAgree = -1;
    int bestCount = 0;
    for (char d : CsvOptions.CANDIDATE_DELIMITERS) {
      if (lines.isEmpty()) {
        break;
      }
      int headerCount = countOutsideQuotes(lines.get(0), d);
      if (headerCount == 0) {
        continue;
      }
      int agree = 0;
      for (String line : lines) {
        if (countOutsideQuotes(line, d) == headerCount) {
          agree++;
        }
      }
      if (agree > bestAgree || (agree == bestAgree && headerCount > bestCount)) {
        best = d;
        bestAgree = agree;
        bestCount = headerCount;
      }
    }
    return best;
  }

  /**
   * The decimal mark of a file whose delimiter is not a comma: a point when more fields of the
   * first lines look like {@code 3.14} than like {@code 3,14}, a comma otherwise (the custom of
   * semicolon-separated files).
   */
  static char detectDecimalMark(byte[] head, int bomLength, char delimiter) {
    String text = new String(head, bomLength, head.length - bomLength, StandardCharsets.UTF_8);
    int comma = 0;
    int point = 0;
    for (String line : logicalLines(text)) {
      for (String field : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
        String f = field.strip();
        if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
          f = f.substring(1, f.length() - 1).strip();
        }
        if (DECIMAL_COMMA.matcher(f).matches()) {
          comma++;
        } else if (DECIMAL_POINT.matcher(f).matches()) {
          point++;
        }
      }
    }
    return point > comma ? '.' : ',';
  }

  private static final java.util.regex.Pattern DECIMAL_COMMA =
      java.util.regex.Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");
  private static final java.util.regex.Pattern DECIMAL_POINT =
      java.util.regex.Pattern.compile("[+-]?\\d*\\.\\d+([eE][+-]?\\d+)?");

  /** Splits on line ends that are not inside double quotes; drops empty lines. */
  private static List<String> logicalLines(String text) {
    List<String> lines = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length() && lines.size() < SAMPLE_LINES; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if ((c == '\n' || c == '\r') && !quoted) {
        if (i > start) {
          lines.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    if (start < text.length() && lines.size() < SAMPLE_LINES) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static int countOutsideQuotes(String line, char d) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == d && !quoted) {
        n++;
      }
    }
    return n;
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    int[] actual = new int[magic.length];
    for (int i = 0; i < magic.length; i++) {
      actual[i] = head[i] & 0xFF;
    }
    return Arrays.equals(actual, magic);
  }
}
