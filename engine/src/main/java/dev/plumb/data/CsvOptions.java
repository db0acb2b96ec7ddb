package dev.plumb.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to read a CSV file. Immutable; build with {@link #defaults()} and the {@code with} methods.
 *
 * @param delimiter the field separator, or empty to detect it among {@code , ; TAB |}
 * @param naTokens values that mean "missing" (compared after trimming, case-insensitively)
 * @param badRows what to do with a row whose field count differs from the header's
 * @param duplicateColumns what to do with repeated header names
 * @param decimalMark the decimal separator of numbers
 * @param encoding the character set of the file
 */
public record CsvOptions(
    Optional<Character> delimiter,
    Set<String> naTokens,
    BadRowPolicy badRows,
    DuplicateColumnPolicy duplicateColumns,
    DecimalMark decimalMark,
    Charset encoding) {

  /** The missing-value tokens used when none are given. The empty field is always missing. */
  public static final List<String> DEFAULT_NA_TOKENS =
      List.of("", "NA", "N/A", "null", "NaN", "?", "-");

  /** Delimiters that detection considers, in order of preference on a tie. */
  public static final List<Character> CANDIDATE_DELIMITERS = List.of(',', ';', '\t', '|');

  /** What to do with ragged rows. */
  public enum BadRowPolicy {
    /** Stop with an error naming the offending lines. */
    FAIL,
    /** Leave those rows out and count them. */
    SKIP
  }

  /** What to do when two header names are the same. */
  public enum DuplicateColumnPolicy {
    /** Stop with an error naming the columns. */
    FAIL,
    /** Keep both, renaming the later ones {@code name_2}, {@code name_3}, ... */
    RENAME
  }

  /** The decimal separator of numbers. */
  public enum DecimalMark {
    /**
     * A point, except with a semicolon delimiter, where it is a comma unless the first lines hold
     * more numbers written with a decimal point ({@code 3.14}) than with a comma.
     */
    AUTO,
    /** {@code 3.14}. */
    POINT,
    /** {@code 3,14}. */
    COMMA
  }

  /** Validates and normalizes the settings. */
  public CsvOptions {
    delimiter.ifPresent(
        d -> {
          if (d == '"' || d == '\r' || d == '\n') {
            throw new BadInputException(
                "delimiter " + printable(d) + " is not allowed; use one of , ; TAB |");
          }
        });
    Set<String> normalized = new TreeSet<>();
    normalized.add("");
    for (String t : naTokens) {
      normalized.add(t.strip().toLowerCase(Locale.ROOT));
    }
    naTokens = Set.copyOf(normalized);
    if (delimiter.isPresent() && decimalMark == DecimalMark.COMMA && delimiter.get() == ',') {
      throw new BadInputException(
          "decimal mark ',' cannot be used with delimiter ','; pass --delimiter ';' or --decimal .");
    }
  }

  /** Detected delimiter, the default missing tokens, failing on bad rows, UTF-8. */
  public static CsvOptions defaults() {
    return new CsvOptions(
        Optional.empty(),
        Set.copyOf(DEFAULT_NA_TOKENS),
        BadRowPolicy.FAIL,
        DuplicateColumnPolicy.FAIL,
        DecimalMark.AUTO,
        StandardCharsets.UTF_8);
  }

  /** The same options with a fixed delimiter. */
  public CsvOptions withDelimiter(char d) {
    return new CsvOptions(
        Optional.of(d), naTokens, badRows, duplicateColumns, decimalMark, encoding);
  }

  /** The same options with other missing-value tokens. */
  public CsvOptions withNaTokens(Set<String> tokens) {
    return new CsvOptions(delimiter, tokens, badRows, duplicateColumns, decimalMark, encoding);
  }

  /** The same options with another bad-row policy. */
  public CsvOptions withBadRows(BadRowPolicy policy) {
    return new CsvOptions(delimiter, naTokens, policy, duplicateColumns, decimalMark, encoding);
  }

  /** The same options with another duplicate-column policy. */
  public CsvOptions withDuplicateColumns(DuplicateColumnPolicy policy) {
    return new CsvOptions(delimiter, naTokens, badRows, policy, decimalMark, encoding);
  }

  /** The same options with another decimal mark. */
  public CsvOptions withDecimalMark(DecimalMark mark) {
    return new CsvOptions(delimiter, naTokens, badRows, duplicateColumns, mark, encoding);
  }

  /** The same options with another encoding. */
  public CsvOptions withEncoding(Charset charset) {
    return new CsvOptions(delimiter, naTokens, badRows, duplicateColumns, decimalMark, charset);
  }

  /** A delimiter as a person would name it. */
  public static String printable(char d) {
    return switch (d) {
      case '\t' -> "TAB";
      case ' ' -> "SPACE";
      case '\r' -> "CR";
      case '\n' -> "LF";
      default -> "'" + d + "'";
    };
  }
}
