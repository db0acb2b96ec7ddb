package dev.plumb.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading in parallel chunks gives exactly what one sequential pass gives. */
class ChunkedParseTest {
  @TempDir Path dir;
  private long saved;

  @BeforeEach
  void everyFileIsLarge() {
    saved = CsvTableReader.parallelMinBytes;
  }

  @AfterEach
  void restore() {
    CsvTableReader.parallelMinBytes = saved;
  }

  private static Dataset read(Path f, CsvOptions o, boolean chunked) {
    CsvTableReader.parallelMinBytes = chunked ? 0 : Long.MAX_VALUE;
    return CsvTableReader.read(f, o, CsvTableReader.Progress.NONE);
  }

  private static void assertSame(Dataset a, Dataset b) {
    assertThat(a.version()).isEqualTo(b.version());
    assertThat(a.info()).isEqualTo(b.info());
    for (int c = 0; c < a.table().columnCount(); c++) {
      Column x = a.table().column(c);
      Column y = b.table().column(c);
      assertThat(x.type()).isEqualTo(y.type());
      for (int r = 0; r < x.size(); r++) {
        assertThat(x.text(r)).isEqualTo(y.text(r));
      }
    }
  }

  private Path generate(int rows, boolean mixedLate, boolean ragged) throws IOException {
    StringBuilder sb = new StringBuilder("id,x,cat,flag,when,late\n");
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < rows; i++) {
      if (ragged && i % 997 == 500) {
        sb.append("1,2\n");
        continue;
      }
      if (i % 1000 == 0) {
        sb.append('\n');
      }
      sb.append(i).append(',')
          .append(i % 13 == 0 ? "NA" : String.format(java.util.Locale.ROOT, "%.3f", rnd.nextGaussian()))
          .append(',').append("level").append(rnd.nextInt(7)).append(',')
          .append(rnd.nextBoolean() ? "yes" : "no").append(',')
          .append("2024-01-").append(String.format("%02d", 1 + rnd.nextInt(28))).append(',')
          .append(mixedLate && i == rows - 10 ? "oops" : String.valueOf(rnd.nextInt(100)))
          .append('\n');
    }
    Path f = dir.resolve("big.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void chunksMatchASequentialRead() throws IOException {
    Path f = generate(20_000, false, false);
    assertSame(read(f, CsvOptions.defaults(), true), read(f, CsvOptions.defaults(), false));
  }

  @Test
  void aTextValueInALateChunkFallsBackAndStillMatches() throws IOException {
    Path f = generate(20_000, true, false);
    Dataset chunked = read(f, CsvOptions.defaults(), true);
    assertThat(chunked.table().find("late").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
    assertSame(chunked, read(f, CsvOptions.defaults(), false));
    ReadInfo.ColumnReadStats late = chunked.info().columns().get(5);
    assertThat(late.textExamples()).containsExactly("oops");
    assertThat(late.textExampleLines()).containsExactly(read(f, CsvOptions.defaults(), false)
        .info().columns().get(5).textExampleLines().get(0));
  }

  @Test
  void skippedRowsKeepTheirLineNumbers() throws IOException {
    Path f = generate(20_000, false, true);
    CsvOptions skip = CsvOptions.defaults().withBadRows(CsvOptions.BadRowPolicy.SKIP);
    Dataset chunked = read(f, skip, true);
    assertThat(chunked.info().skippedRows()).isGreaterThan(10);
    assertSame(chunked, read(f, skip, false));
  }

  @Test
  void aQuoteAnywhereFallsBackToOneSequentialPass() throws IOException {
    Path f = generate(20_000, false, false);
    String text = Files.readString(f);
    int cut = text.length() - 200;
    int lineStart = text.lastIndexOf('\n', cut) + 1;
    // a quoted field holding a line break, late in the file
    text = text.substring(0, lineStart) + "77777,1.5,\"level\nnine\",yes,2024-01-02,3\n"
        + text.substring(lineStart);
    Files.writeString(f, text);
    Dataset chunked = read(f, CsvOptions.defaults(), true);
    assertThat(chunked.table().find("cat").orElseThrow().text(chunked.table().rowCount() - 4))
        .isIn("level\nnine", "level0", "level1", "level2", "level3", "level4", "level5", "level6");
    assertSame(chunked, read(f, CsvOptions.defaults(), false));
  }
}
