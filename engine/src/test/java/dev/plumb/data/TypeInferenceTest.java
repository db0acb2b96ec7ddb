package dev.plumb.data;

import static dev.plumb.data.TestData.cat;
import static dev.plumb.data.TestData.col;
import static dev.plumb.data.TestData.num;
import static dev.plumb.data.TestData.read;
import static dev.plumb.data.TestData.table;
import static dev.plumb.data.TestData.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How column types are inferred from values, and what the typed values are. */
class TypeInferenceTest {
  @TempDir Path dir;

  private Column only(String text) {
    Table t = table(dir, text);
    assertThat(t.columnCount()).isEqualTo(1);
    return t.column(0);
  }

  @Test
  void wholeNumbersAreInteger() {
    Column c = only("n\n1\n-2\n30\n");

    assertThat(c.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(((NumericColumn) c).toArray()).containsExactly(1, -2, 30);
  }

  @Test
  void integralDecimalsCountAsInteger() {
    Column c = only("n\n1.0\n2.00\n3\n1e2\n");

    assertThat(c.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(texts(c)).containsExactly("1", "2", "3", "100");
  }

  @Test
  void oneFractionMakesNumeric() {
    Column c = only("n\n1\n2\n2.5\n");

    assertThat(c.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(texts(c)).containsExactly("1", "2", "2.5");
  }

  @Test
  void missingValuesDoNotChangeNumericType() {
    Column c = only("n\n1\nNA\n3\n");

    assertThat(c.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(c.missingCount()).isEqualTo(1);
    assertThat(((NumericColumn) c).get(1)).isNaN();
  }

  @Test
  void yesNoIsBoolean() {
    CategoricalColumn c = (CategoricalColumn) only("b\nyes\nno\nyes\nNA\n");

    assertThat(c.type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(c.levels()).containsExactly("no", "yes");
    assertThat(c.levelCounts()).containsExactly(1, 2);
    assertThat(c.missingCount()).isEqualTo(1);
  }

  @Test
  void yAndNIsBoolean() {
    assertThat(only("b\ny\nn\nn\n").type()).isEqualTo(ColumnType.BOOLEAN);
  }

  @Test
  void trueFalseIsBooleanIgnoringCase() {
    Column c = only("b\nTRUE\nFALSE\nTRUE\n");

    assertThat(c.type()).isEqualTo(ColumnType.BOOLEAN);
    // the values keep their spelling
    assertThat(texts(c)).containsExactly("TRUE", "FALSE", "TRUE");
  }

  @Test
  void mixedBooleanWordsAreNotBoolean() {
    // yes and false belong to different pairs
    assertThat(only("b\nyes\nfalse\n").type()).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void zeroOneIsIntegerNotBoolean() {
    assertThat(only("b\n0\n1\n1\n").type()).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void fewDistinctWordsAreCategorical() {
    StringBuilder sb = new StringBuilder("colour\n");
    String[] palette = {"red", "green", "blue"};
    for (int i = 0; i < 60; i++) {
      sb.append(palette[i % 3]).append('\n');
    }

    CategoricalColumn c = (CategoricalColumn) only(sb.toString());

    assertThat(c.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(c.levels()).containsExactly("blue", "green", "red");
    assertThat(c.levelCounts()).containsExactly(20, 20, 20);
    assertThat(c.text(0)).isEqualTo("red");
    assertThat(c.code(0)).isEqualTo(2);
  }

  @Test
  void mostlyDistinctWordsAreText() {
    StringBuilder sb = new StringBuilder("name\n");
    for (int i = 0; i < 40; i++) {
      sb.append("person_").append(i).append('\n');
    }

    Column c = only(sb.toString());

    assertThat(c.type()).isEqualTo(ColumnType.TEXT);
    assertThat(((CategoricalColumn) c).levelCount()).isEqualTo(40);
    assertThat(c.text(39)).isEqualTo("person_39");
  }

  @Test
  void twentyDistinctValuesAreStillCategorical() {
    // All distinct, but not "over 20".
    StringBuilder sb = new StringBuilder("name\n");
    for (int i = 0; i < 20; i++) {
      sb.append("v").append(i).append('\n');
    }

    assertThat(only(sb.toString()).type()).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void textNeedsMoreThanHalfDistinct() {
    // 21 distinct values: among 42 rows exactly half (categorical), among 41 rows more (text).
    assertThat(only(words(21, 42)).type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(only(words(21, 41)).type()).isEqualTo(ColumnType.TEXT);
  }

  private static String words(int distinct, int rows) {
    StringBuilder sb = new StringBuilder("w\n");
    for (int i = 0; i < rows; i++) {
      sb.append("w").append(i % distinct).append('\n');
    }
    return sb.toString();
  }

  @Test
  void isoDatesAreDatetime() {
    NumericColumn c = (NumericColumn) only("d\n2024-03-01\n1969-12-31\nNA\n2000-02-29\n");

    assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
    assertThat(c.dateOnly()).isTrue();
    assertThat(c.missingCount()).isEqualTo(1);
    assertThat(c.get(0)).isEqualTo(LocalDate.of(2024, 3, 1).toEpochDay() * 86_400.0);
    assertThat(c.get(1)).isEqualTo(-86_400.0);
    assertThat(texts(c)).containsExactly("2024-03-01", "1969-12-31", null, "2000-02-29");
  }

  @Test
  void isoDateTimesAreDatetime() {
    NumericColumn c = (NumericColumn) only(
        "t\n2024-03-01T12:30\n2024-03-01 12:30:05.5\n2024-03-01T12:30:00Z\n"
            + "2024-03-01T12:30:00+02:00\n2024-03-01T12:30:00-05:00\n");

    assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
    assertThat(c.dateOnly()).isFalse();
    long local = LocalDateTime.of(2024, 3, 1, 12, 30).toEpochSecond(ZoneOffset.UTC);
    assertThat(c.get(0)).isEqualTo((double) local);
    assertThat(c.get(1)).isEqualTo(local + 5.5);
    assertThat(c.get(2)).isEqualTo((double) local);
    assertThat(c.get(3)).isEqualTo(
        (double) OffsetDateTime.parse("2024-03-01T12:30:00+02:00").toEpochSecond());
    assertThat(c.get(3)).isEqualTo(local - 2 * 3600.0);
    assertThat(c.get(4)).isEqualTo(local + 5 * 3600.0);
    assertThat(c.text(0)).isEqualTo("2024-03-01T12:30");
    assertThat(c.text(1)).isEqualTo("2024-03-01T12:30:05.500");
    assertThat(c.text(3)).isEqualTo("2024-03-01T10:30");
  }

  @Test
  void mixedDatesAndDateTimesAreDatetimeButNotDateOnly() {
    NumericColumn c = (NumericColumn) only("t\n2024-03-01\n2024-03-02T06:00\n");

    assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
    assertThat(c.dateOnly()).isFalse();
    assertThat(c.text(0)).isEqualTo("2024-03-01T00:00");
  }

  @Test
  void oneNonDateMakesTheColumnText() {
    Column c = only("t\n2024-03-01\n2024-13-45\nsoon\n");

    assertThat(c.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(texts(c)).containsExactly("2024-03-01", "2024-13-45", "soon");
  }

  @Test
  void leadingZeroCodesStayTextWithTheirSpelling() {
    Table t = table(dir, "agent,zip,n\n007,02134,1\n042,10001,2\n100,00501,3\n");

    Column agent = col(t, "agent");
    Column zip = col(t, "zip");
    assertThat(agent.type().isNumeric()).isFalse();
    assertThat(zip.type().isNumeric()).isFalse();
    assertThat(texts(agent)).containsExactly("007", "042", "100");
    assertThat(texts(zip)).containsExactly("02134", "10001", "00501");
    assertThat(col(t, "n").type()).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void longDigitStringsAreIdentifiersNotNumbers() {
    // 16+ digits do not survive a double: 9007199254740993 would read as ...992.
    Column c = only("id\n9007199254740993\n1234567890123456789\n");

    assertThat(c.type().isNumeric()).isFalse();
    assertThat(texts(c)).containsExactly("9007199254740993", "1234567890123456789");
  }

  @Test
  void zeroAndSmallDecimalsAreNotCodes() {
    Column c = only("x\n0\n0.07\n0.5\n");

    assertThat(c.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(((NumericColumn) c).toArray()).containsExactly(0, 0.07, 0.5);
  }

  @Test
  void lateTextValueKeepsEarlierNumbersSpelledAsWritten() {
    // Rows 1..4999 are numbers (some with trailing zeros), row 5000 is text: the column becomes
    // text, and the reader must re-read the early rows instead of formatting the doubles.
    int rows = 5000;
    List<String> expected = new ArrayList<>(rows);
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 1; i <= rows; i++) {
      String x;
      if (i == rows) {
        x = "unknown";
      } else if (i % 100 == 0) {
        x = "NA";
      } else if (i % 3 == 0) {
        x = (i % 7) + ".50";
      } else if (i % 3 == 1) {
        x = Integer.toString(i % 11);
      } else {
        x = "1e" + (i % 4);
      }
      expected.add(x.equals("NA") ? null : x);
      sb.append(x).append(',').append(i).append('\n');
    }

    Dataset ds = read(dir, sb.toString(), CsvOptions.defaults());
    Column x = col(ds.table(), "x");

    assertThat(x.type().isNumeric()).isFalse();
    assertThat(x.text(2)).isEqualTo("3.50"); // row 3, not "3.5"
    assertThat(x.text(1)).isEqualTo("1e2"); // row 2, not "100"
    assertThat(texts(x)).isEqualTo(expected);
    assertThat(x.missingCount()).isEqualTo(49);
    // the neighbouring column is untouched
    NumericColumn y = num(ds.table(), "y");
    assertThat(y.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(y.get(4999)).isEqualTo(5000.0);
    // how the values parsed is reported, with the line of the text value
    ReadInfo.ColumnReadStats stats = ds.info().columns().get(0);
    assertThat(stats.numbers()).isEqualTo(rows - 1 - 49);
    assertThat(stats.texts()).isEqualTo(1);
    assertThat(stats.textExamples()).containsExactly("unknown");
    assertThat(stats.textExampleLines()).containsExactly(5001L);
  }

  @Test
  void rereadStaysAlignedWhenBadRowsAreSkipped() {
    String text = "x,y\n1.50,a\nbroken\n2.00,b\n3,c,extra\nNA,d\n4.25,e\nlate,f\n";

    Dataset ds = read(dir, text, CsvOptions.defaults().withBadRows(CsvOptions.BadRowPolicy.SKIP));

    assertThat(ds.info().skippedRows()).isEqualTo(2);
    assertThat(ds.info().skippedLines()).containsExactly(3L, 5L);
    assertThat(texts(col(ds.table(), "x"))).containsExactly("1.50", "2.00", null, "4.25", "late");
    assertThat(texts(col(ds.table(), "y"))).containsExactly("a", "b", "d", "e", "f");
  }

  @Test
  void rereadKeepsQuotedMultilineRecordsAligned() {
    String text = "note,x\n\"two\nlines\",1.0\nplain,2.10\n\"a, b\",3\nz,text\n";

    Table t = table(dir, text);

    assertThat(texts(col(t, "x"))).containsExactly("1.0", "2.10", "3", "text");
    assertThat(texts(col(t, "note"))).containsExactly("two\nlines", "plain", "a, b", "z");
  }

  @Test
  void textValuesKeepTheirInnerSpacing() {
    Column c = only("s\n\"a  b\"\nc d\n");

    assertThat(texts(c)).containsExactly("a  b", "c d");
  }

  @Test
  void allMissingColumnHasNoValues() {
    Table t = table(dir, "a,b\n1,\n2,NA\n");

    Column b = col(t, "b");
    assertThat(b.missingCount()).isEqualTo(2);
    assertThat(b.text(0)).isNull();
    assertThat(b.text(1)).isNull();
  }

  @Test
  void levelsAreSortedSoCodesIgnoreRowOrder() {
    CategoricalColumn a = cat(table(dir, "c\nb\na\nc\n"), "c");

    assertThat(a.levels()).containsExactly("a", "b", "c");
    assertThat(a.code(0)).isEqualTo(1);
    assertThat(a.code(1)).isEqualTo(0);
    assertThat(a.code(2)).isEqualTo(2);
  }
}
