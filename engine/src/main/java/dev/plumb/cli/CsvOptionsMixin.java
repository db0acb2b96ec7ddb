package dev.plumb.cli;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CsvOptions;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options that say how to read a CSV file, shared by every command that reads one. */
final class CsvOptionsMixin {
  @Option(names = "--delimiter", paramLabel = "CHAR",
      description = "Field separator: , ; | or tab (default: detected among those).")
  String delimiter;

  @Option(names = "--na", paramLabel = "TOKENS", split = ",",
      description = "Values that mean missing, comma-separated (default: NA,N/A,null,NaN,?,-;"
          + " an empty field is always missing).")
  String[] naTokens;

  @Option(names = "--bad-rows", paramLabel = "POLICY",
      description = "Rows with the wrong number of fields: ${COMPLETION-CANDIDATES}"
          + " (default: ${DEFAULT-VALUE}).")
  CsvOptions.BadRowPolicy badRows = CsvOptions.BadRowPolicy.FAIL;

  @Option(names = "--duplicate-columns", paramLabel = "POLICY",
      description = "Repeated header names: ${COMPLETION-CANDIDATES} (rename adds _2, _3;"
          + " default: ${DEFAULT-VALUE}).")
  CsvOptions.DuplicateColumnPolicy duplicateColumns = CsvOptions.DuplicateColumnPolicy.FAIL;

  @Option(names = "--decimal", paramLabel = "MARK",
      description = "Decimal mark: auto, . or , (default: auto: a point, or a comma in a ;-delimited"
          + " file whose numbers are written 3,14).")
  String decimal = "auto";

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "Character set of the file (default: UTF-8).")
  String encoding = "UTF-8";

  CsvOptions toOptions() {
    CsvOptions o = CsvOptions.defaults()
        .withBadRows(badRows)
        .withDuplicateColumns(duplicateColumns)
        .withDecimalMark(decimalMark())
        .withEncoding(charset());
    if (delimiter != null) {
      o = o.withDelimiter(delimiterChar());
    }
    if (naTokens != null) {
      Set<String> tokens = new LinkedHashSet<>(Arrays.asList(naTokens));
      o = o.withNaTokens(tokens);
    }
    return o;
  }

  private char delimiterChar() {
    String d = delimiter;
    if (d.equalsIgnoreCase("tab") || d.equals("\\t") || d.equals("\t")) {
      return '\t';
    }
    if (d.length() != 1) {
      throw new BadInputException("--delimiter takes one character (, ; | or tab), got '" + d + "'");
    }
    return d.charAt(0);
  }

  private CsvOptions.DecimalMark decimalMark() {
    return switch (decimal.toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> CsvOptions.DecimalMark.AUTO;
      case ".", "point" -> CsvOptions.DecimalMark.POINT;
      case ",", "comma" -> CsvOptions.DecimalMark.COMMA;
      default -> throw new BadInputException(
          "--decimal takes auto, . or , (got '" + decimal + "')");
    };
  }

  private Charset charset() {
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new BadInputException("--encoding: unknown character set '" + encoding
          + "'; use e.g. UTF-8, ISO-8859-1, windows-1252", e);
    }
  }
}
