package dev.plumb.bench;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Table;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.learn.ModelFile;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmark behind {@code plumb bench --jmh}, run in a JVM that JMH forks: it loads a
 * saved model file and the CSV it is measured on (paths and reading options in system
 * properties set by {@link JmhLatency}), and times the whole pipeline, encoding plus prediction,
 * on one row at a time ({@link #oneRow}, sampled) and on batches of {@value #BATCH} rows
 * ({@link #batch}, throughput; a smaller file's rows repeated to fill one).
 */
@State(Scope.Thread)
public class PipelineBenchmark {
  static final String MODEL = "plumb.jmh.model";
  static final String DATA = "plumb.jmh.data";
  static final String OPTIONS = "plumb.jmh.csv";
  static final int BATCH = 1_000;

  private FittedPipeline.Bound bound;
  private boolean classes;
  private int[] rows;
  private int[] batch;
  private int next;

  /** Loads the model and the data. */
  @Setup
  public void load() {
    FittedPipeline pipeline = ModelFile.load(Path.of(System.getProperty(MODEL)));
    Table table = CsvTableReader.read(Path.of(System.getProperty(DATA)),
        options(System.getProperty(OPTIONS))).table();
    bound = pipeline.bind(table);
    classes = pipeline.task().isClassification();
    rows = new int[Math.min(table.rowCount(), 10_000)];
    Arrays.setAll(rows, i -> i);
    batch = batchOf(rows);
  }

  /**
   * {@value #BATCH} rows, those given repeated when there are fewer: {@link JmhLatency} counts
   * {@value #BATCH} rows per {@link #batch} call.
   */
  static int[] batchOf(int[] rows) {
    int[] out = new int[BATCH];
    Arrays.setAll(out, i -> rows[i % rows.length]);
    return out;
  }

  /** One row, encoded and predicted; the rows are taken in turn. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double oneRow() {
    int row = rows[next];
    next = next + 1 == rows.length ? 0 : next + 1;
    int[] one = {row};
    return classes ? bound.predictProba(one)[0][0] : bound.predict(one)[0];
  }

  /** A batch of rows, encoded and predicted. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public double batch() {
    return classes ? bound.predictProba(batch)[0][0] : bound.predict(batch)[0];
  }

  /** The reading options as one property value (see {@link #encode}). */
  static CsvOptions options(String text) {
    String[] p = text.split("\u0001", -1);
    LinkedHashSet<String> na = new LinkedHashSet<>(Arrays.asList(p[1].split("\u0002", -1)));
    return new CsvOptions(p[0].isEmpty() ? Optional.empty() : Optional.of(p[0].charAt(0)), na,
        CsvOptions.BadRowPolicy.valueOf(p[2]), CsvOptions.DuplicateColumnPolicy.valueOf(p[3]),
        CsvOptions.DecimalMark.valueOf(p[4]), Charset.forName(p[5]));
  }

  /** Encodes reading options for {@link #options}. */
  static String encode(CsvOptions o) {
    return o.delimiter().map(String::valueOf).orElse("") + "\u0001"
        + String.join("\u0002", o.naTokens()) + "\u0001" + o.badRows().name() + "\u0001"
        + o.duplicateColumns().name() + "\u0001" + o.decimalMark().name() + "\u0001"
        + o.encoding().name();
  }
}
