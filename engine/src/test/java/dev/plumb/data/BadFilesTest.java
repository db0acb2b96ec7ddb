package dev.plumb.data;

import static dev.plumb.data.TestData.BAD;
import static dev.plumb.data.TestData.DATASETS;
import static dev.plumb.data.TestData.cat;
import static dev.plumb.data.TestData.col;
import static dev.plumb.data.TestData.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file in resources/bad/, and other inputs that are not a usable CSV. */
class BadFilesTest {
  @TempDir Path dir;

  private static BadInputException fails(Path path, CsvOptions options) {
    return assertThrows(BadInputException.class, () -> CsvTableReader.read(path, options));
  }

  private static BadInputException fails(Path path) {
    return fails(path, CsvOptions.defaults());
  }

  @Test
  void rejectsEmptyFile() {
    Path p = BAD.resolve("empty.csv");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .startsWith(p.toString())
        .contains("empty (0 bytes)")
        .contains("expected a header line");
  }

  @Test
  void rejectsFileWithOnlyBlankLines(@TempDir Path tmp) {
    Path p = TestData.write(tmp, "blank.csv", "\n\r\n\n");

    BadInputException e = fails(p);

    assertThat(e.getMessage()).contains(p.toString()).contains("no header line");
  }

  @Test
  void rejectsHeaderWithoutRows() {
    Path p = BAD.resolve("header_only.csv");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("sepal_length_cm")
        .contains("no data rows")
        .contains("add data rows");
  }

  @Test
  void raggedRowsFailNamingEachLine() {
    Path p = BAD.resolve("ragged_rows.csv");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("4 rows have a different number of fields than the header's 5")
        .contains("line 6 has 3 fields", "line 10 has 7 fields", "line 18 has 3 fields",
            "line 31 has 7 fields")
        .contains("--bad-rows skip");
    // the blank line 23 is skipped, not reported
    assertThat(e.getMessage()).doesNotContain("line 23");
  }

  @Test
  void raggedRowsCanBeSkipped() {
    Dataset ds = CsvTableReader.read(BAD.resolve("ragged_rows.csv"),
        CsvOptions.defaults().withBadRows(CsvOptions.BadRowPolicy.SKIP));

    // 40 lines after the header: 1 blank, 4 ragged, so 35 rows remain.
    assertThat(ds.table().rowCount()).isEqualTo(35);
    assertThat(ds.table().columnCount()).isEqualTo(5);
    assertThat(ds.info().skippedRows()).isEqualTo(4);
    assertThat(ds.info().skippedLines()).containsExactly(6L, 10L, 18L, 31L);
    // the kept rows are the right ones: line 7 (after the first bad line) is 5.4,3.9,1.7,0.4
    NumericColumn sepal = num(ds.table(), "sepal_length_cm");
    assertThat(sepal.get(4)).isEqualTo(5.4);
    assertThat(num(ds.table(), "petal_width_cm").get(4)).isEqualTo(0.4);
    assertThat(sepal.get(34)).isEqualTo(5.1);
    assertThat(cat(ds.table(), "species").levels()).containsExactly("setosa");
  }

  @Test
  void skippedRowsBeyondTheListedOnesAreCounted(@TempDir Path tmp) {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 8; i++) {
      sb.append("1,2\n3\n");
    }
    Path p = TestData.write(tmp, "many.csv", sb.toString());

    BadInputException e = fails(p);

    assertThat(e.getMessage()).contains("8 rows have").contains("and 3 more");
  }

  @Test
  void skippingEveryRowLeavesNoData(@TempDir Path tmp) {
    Path p = TestData.write(tmp, "allbad.csv", "a,b\n1\n2\n");

    BadInputException e = fails(p, CsvOptions.defaults().withBadRows(CsvOptions.BadRowPolicy.SKIP));

    assertThat(e.getMessage()).contains("no data rows left after skipping 2 bad rows");
  }

  @Test
  void unclosedQuoteFailsNamingTheRecordsFirstLine() {
    Path p = BAD.resolve("quote_chaos.csv");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("line 5")
        .contains("check the quoting");
  }

  @Test
  void latin1FileFailsAsUtf8WithLineAndOffset() {
    Path p = BAD.resolve("non_utf8_latin1.csv");

    BadInputException e = fails(p);

    // "city,temp_c,label\n" is 18 bytes, then 'Z' at 18 and the Latin-1 'ü' (0xFC) at 19.
    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("invalid UTF-8 at line 2 (byte offset 19)")
        .contains("--encoding ISO-8859-1");
  }

  @Test
  void latin1FileReadAsLatin1StopsAtTheNulByte() throws IOException {
    Path p = BAD.resolve("non_utf8_latin1.csv");
    byte[] bytes = Files.readAllBytes(p);
    int nul = indexOf(bytes, (byte) 0);
    int line = 1;
    for (int i = 0; i < nul; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }

    BadInputException e =
        fails(p, CsvOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1));

    assertThat(line).isEqualTo(33);
    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("line " + line + " (byte offset " + nul + ")")
        .contains("NUL byte");
  }

  @Test
  void latin1TextDecodesWithTheRightEncoding(@TempDir Path tmp) {
    Path p = TestData.writeBytes(tmp, "latin1.csv",
        "city,t\nZürich,1\nSão Paulo,2\n".getBytes(StandardCharsets.ISO_8859_1));

    Dataset ds =
        CsvTableReader.read(p, CsvOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1));

    assertThat(TestData.texts(col(ds.table(), "city"))).containsExactly("Zürich", "São Paulo");
    assertThat(ds.info().encoding()).isEqualTo("ISO-8859-1");
  }

  @Test
  void truncatedUtf8SequenceAtEndIsInvalid(@TempDir Path tmp) {
    byte[] body = "a\nx\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = java.util.Arrays.copyOf(body, body.length + 1);
    bytes[body.length] = (byte) 0xC3; // first byte of a two-byte sequence, then end of file
    Path p = TestData.writeBytes(tmp, "cut.csv", bytes);

    BadInputException e = fails(p);

    assertThat(e.getMessage()).contains("invalid UTF-8 at line 3");
  }

  @Test
  void duplicateColumnFailsNamingIt() {
    Path p = BAD.resolve("bom_crlf_dupcols_na_tokens.csv");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("'sepal_length' twice (columns 1 and 2)")
        .contains("--duplicate-columns rename");
  }

  @Test
  void duplicateColumnsCanBeRenamed() {
    Dataset ds = CsvTableReader.read(BAD.resolve("bom_crlf_dupcols_na_tokens.csv"),
        CsvOptions.defaults().withDuplicateColumns(CsvOptions.DuplicateColumnPolicy.RENAME));
    Table t = ds.table();

    assertThat(t.rowCount()).isEqualTo(40);
    assertThat(t.columnNames())
        .containsExactly(
            "sepal_length", "sepal_length_2", "petal_length", "petal_width", "species");
    assertThat(t.columnNames().get(0)).doesNotStartWith("\uFEFF");
    assertThat(ds.info().byteOrderMark()).isTrue();
    assertThat(ds.info().lineEnding()).isEqualTo("CRLF");
    // NA ? null NaN '' ' ' - N/A: the eight missing spellings in petal_length
    NumericColumn petalLength = num(t, "petal_length");
    assertThat(petalLength.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(petalLength.missingCount()).isEqualTo(8);
    assertThat(petalLength.isMissing(0)).isTrue();
    assertThat(petalLength.get(1)).isEqualTo(1.4);
    // "  0.2 " is read as a number
    NumericColumn petalWidth = num(t, "petal_width");
    assertThat(petalWidth.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(petalWidth.missingCount()).isZero();
    assertThat(petalWidth.get(0)).isEqualTo(0.2);
    assertThat(ds.info().columns().get(3).texts()).isZero();
    // the renamed copy holds the same values; the last cell has no stray CR
    assertThat(num(t, "sepal_length_2").toArray())
        .containsExactly(num(t, "sepal_length").toArray());
    assertThat(col(t, "species").text(39)).isEqualTo("setosa");
  }

  @Test
  void renamingAvoidsNamesAlreadyTaken(@TempDir Path tmp) {
    Path p = TestData.write(tmp, "dups.csv", "a,a_2,a,a\n1,2,3,4\n");

    Table t = CsvTableReader.read(p,
            CsvOptions.defaults().withDuplicateColumns(CsvOptions.DuplicateColumnPolicy.RENAME))
        .table();

    assertThat(t.columnNames()).containsExactly("a", "a_2", "a_3", "a_4");
    assertThat(num(t, "a_3").get(0)).isEqualTo(3.0);
  }

  @Test
  void semicolonFileWithDecimalCommaReadsAsNumbers() throws IOException {
    Dataset ds = CsvTableReader.read(BAD.resolve("semicolon_decimal_comma.csv"),
        CsvOptions.defaults());
    Table t = ds.table();

    assertThat(t.rowCount()).isEqualTo(50);
    assertThat(t.columnCount()).isEqualTo(14);
    assertThat(ds.info().delimiter()).isEqualTo(';');
    assertThat(ds.info().decimalMark()).isEqualTo(',');
    assertThat(ds.info().lineEnding()).isEqualTo("CRLF");
    assertThat(num(t, "alcohol").type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(num(t, "alcohol").get(0)).isEqualTo(14.23);
    assertThat(num(t, "magnesium").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(num(t, "proline").get(0)).isEqualTo(1065.0);
    assertThat(cat(t, "cultivar").levels()).containsExactly("class_0");
    // the same 50 rows as the first 50 of datasets/wine.csv
    Table wine = CsvTableReader.read(DATASETS.resolve("wine.csv"), CsvOptions.defaults()).table();
    for (int c = 0; c < 13; c++) {
      NumericColumn ours = (NumericColumn) t.column(c);
      NumericColumn theirs = (NumericColumn) wine.column(c);
      assertThat(ours.name()).isEqualTo(theirs.name());
      assertThat(ours.toArray())
          .as(ours.name())
          .containsExactly(java.util.Arrays.copyOf(theirs.toArray(), 50));
    }
  }

  @Test
  void rejectsMissingPath() {
    Path p = dir.resolve("no-such-file.csv");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("no such file")
        .contains("check the path");
  }

  @Test
  void rejectsDirectory() {
    BadInputException e = fails(dir);

    assertThat(e.getMessage()).contains(dir.toString()).contains("is a directory")
        .contains("give the path of a CSV file");
  }

  @Test
  void rejectsGzipFile() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    Path p = TestData.writeBytes(dir, "data.csv.gz", buf.toByteArray());

    BadInputException e = fails(p);

    assertThat(e.getMessage()).contains(p.toString()).contains("gzip").contains("gunzip");
  }

  @Test
  void rejectsZipAndUtf16() {
    Path zip = TestData.writeBytes(dir, "book.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0});
    Path utf16 =
        TestData.writeBytes(dir, "u16.csv", "\uFEFFa,b\n".getBytes(StandardCharsets.UTF_16LE));

    assertThat(fails(zip).getMessage()).contains("zip archive").contains("export the sheet as CSV");
    assertThat(fails(utf16).getMessage()).contains("UTF-16").contains("--encoding");
  }

  @Test
  void rejectsEmptyHeaderName() {
    Path p = TestData.write(dir, "noname.csv", "a,,c\n1,2,3\n");

    BadInputException e = fails(p);

    assertThat(e.getMessage())
        .contains(p.toString())
        .contains("line 1, column 2")
        .contains("empty column name")
        .contains("name every column");
  }

  @Test
  void rejectsBinaryFileWithNulBytes() {
    Path p =
        TestData.writeBytes(dir, "bin.csv", new byte[] {'a', ',', 'b', '\n', '1', 0, '2', '\n'});

    BadInputException e = fails(p);

    assertThat(e.getMessage()).contains(p.toString()).contains("line 2 (byte offset 5)")
        .contains("NUL byte");
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
