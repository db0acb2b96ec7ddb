package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvAppend;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCheckTest {
  @TempDir Path dir;

  private Path write(String name, int rows, double driftMean, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("\"same\",\"drift\",y\n");
    for (int i = 0; i < rows; i++) {
      double same = r.nextGaussian();
      double drift = driftMean + r.nextGaussian();
      sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", same, drift,
          same + 0.3 * r.nextGaussian() > 0 ? "a" : "b"));
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb);
    return p;
  }

  private TestCheck.Report check(double testDrift) throws IOException {
    Path train = write("train.csv", 400, 0, 1);
    Path test = write("test.csv", 200, testDrift, 2);
    Path both = dir.resolve("both.csv");
    CsvAppend.write(train, test, both);
    Table table = CsvTableReader.read(both, CsvOptions.defaults()).table();
    assertThat(table.rowCount()).isEqualTo(600);
    Problem combined = Problem.of(table, "y", Optional.empty());
    return TestCheck.run(combined, 400, List.of(LearnerCatalog.resolve(
        LearnerSpec.parse("logistic"), Task.BINARY)), Metric.ACCURACY, 5);
  }

  @Test
  void findsAShiftedColumnAndNamesIt() throws IOException {
    TestCheck.Report report = check(1.5);

    assertThat(report.testRows()).isEqualTo(200);
    assertThat(report.shiftAuc()).isGreaterThan(0.75);
    assertThat(report.shifted()).isTrue();
    assertThat(report.features().get(0).column()).isEqualTo("drift");
    assertThat(report.features().get(0).pValue()).isLessThan(1e-6);
    // the label depends on "same" only, so the shift does not hurt the test score much
    assertThat(report.scores()[0]).isGreaterThan(0.8);
  }

  @Test
  void seesNoShiftBetweenSamplesOfOneDistribution() throws IOException {
    TestCheck.Report report = check(0);

    assertThat(report.shiftAuc()).isLessThan(TestCheck.SHIFT_AUC);
    assertThat(report.shifted()).isFalse();
  }

  @Test
  void appendsTheSecondFileWithoutItsQuotedHeaderOrByteOrderMark() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Files.writeString(a, "x,\"y\nz\"\n1,2");
    Files.write(b, ("\uFEFFx,\"y\nz\"\r\n3,4\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path out = dir.resolve("out.csv");

    CsvAppend.write(a, b, out);

    assertThat(Files.readString(out)).isEqualTo("x,\"y\nz\"\n1,2\n3,4\r\n");
  }
}
