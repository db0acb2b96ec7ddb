package dev.plumb.data;

import java.util.List;

/**
 * How a file was read: what was detected and what was left out. Immutable.
 *
 * @param delimiter the field separator used
 * @param encoding the character set name
 * @param byteOrderMark whether the file began with a UTF-8 byte-order mark
 * @param lineEnding {@code LF}, {@code CRLF}, {@code mixed} or {@code none}
 * @param decimalMark the decimal separator used for numbers
 * @param skippedRows rows left out because their field count differed from the header's
 * @param skippedLines the first lines of those rows
 * @param columns per column, how its present values parsed
 */
public record ReadInfo(
    char delimiter,
    String encoding,
    boolean byteOrderMark,
    String lineEnding,
    char decimalMark,
    long skippedRows,
    List<Long> skippedLines,
    List<ColumnReadStats> columns) {

  /** Defensive copies. */
  public ReadInfo {
    skippedLines = List.copyOf(skippedLines);
    columns = List.copyOf(columns);
  }

  /**
   * How the present (non-missing) values of one column parsed.
   *
   * @param name the column
   * @param numbers values that read as numbers
   * @param texts values that did not
   * @param textExamples a few of the latter, as written
   * @param textExampleLines their lines in the file
   */
  public record ColumnReadStats(
      String name, long numbers, long texts, List<String> textExamples, List<Long> textExampleLines) {
    /** Defensive copies. */
    public ColumnReadStats {
      textExamples = List.copyOf(textExamples);
      textExampleLines = List.copyOf(textExampleLines);
    }
  }
}
