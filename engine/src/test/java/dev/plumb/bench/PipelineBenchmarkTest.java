package dev.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the parent JVM hands the JMH benchmark, and what one batch holds. */
class PipelineBenchmarkTest {
  @Test
  void aBatchHoldsTheRowsJmhLatencyCountsEvenFromASmallFile() {
    // iris has 150 rows: JmhLatency multiplies batches per second by BATCH, so a batch of the
    // 150 would overstate the rows per second by 1000 / 150
    int[] rows = new int[150];
    Arrays.setAll(rows, i -> 1_000 + i);

    int[] batch = PipelineBenchmark.batchOf(rows);

    assertThat(batch).hasSize(PipelineBenchmark.BATCH);
    for (int i = 0; i < batch.length; i++) {
      assertThat(batch[i]).isEqualTo(1_000 + i % 150);
    }
  }

  @Test
  void aLargeFileGivesItsFirstRows() {
    int[] rows = new int[5_000];
    Arrays.setAll(rows, i -> i);

    assertThat(PipelineBenchmark.batchOf(rows)).hasSize(PipelineBenchmark.BATCH)
        .startsWith(0, 1, 2).endsWith(PipelineBenchmark.BATCH - 1);
  }

  @Test
  void readingOptionsSurviveTheTripToTheForkedJvm() {
    CsvOptions options = new CsvOptions(Optional.of(';'), Set.of("NA", "missing", "?"),
        CsvOptions.BadRowPolicy.SKIP, CsvOptions.DuplicateColumnPolicy.RENAME,
        CsvOptions.DecimalMark.COMMA, StandardCharsets.ISO_8859_1);

    assertThat(PipelineBenchmark.options(PipelineBenchmark.encode(options))).isEqualTo(options);
    assertThat(PipelineBenchmark.options(PipelineBenchmark.encode(CsvOptions.defaults())))
        .isEqualTo(CsvOptions.defaults());
  }
}
