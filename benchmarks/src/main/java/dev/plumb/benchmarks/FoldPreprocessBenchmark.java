package dev.plumb.benchmarks;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Preprocessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The question: how long does one fold's preprocessing take, the {@link Preprocessor} fitted on a
 * training fold and applied to it, as {@code CrossValidation} does once per fold before any
 * learner runs?
 *
 * <p>The table is a {@link GenerateCsv} file of {@code rows} rows (20 numbers, 2 categories, a
 * yes/no target), read once per trial with {@code CsvTableReader}; the training fold is the first
 * fold of the default stratified 5-fold split: 80,000 rows of 100,000. The encoded matrix has 46
 * columns (20 standardized numbers, 5 region levels, 20 product levels and "other").
 *
 * <ul>
 *   <li>{@link #baseline()}: the floor of any encoding, the same 80,000 × 46 matrix allocated and
 *       filled straight from the columns (raw numbers, a 1 at each category's code) with no
 *       statistics, no imputation and no scaling.
 *   <li>{@link #fit()}: {@link Preprocessor#fit} alone (medians, means, standard deviations, level
 *       counts).
 *   <li>{@link #transform()}: {@link Preprocessor.Fitted#transform} alone, with encoders fitted in
 *       setup.
 *   <li>{@link #fitAndTransform()}: both, the whole per-fold cost on the training rows.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class FoldPreprocessBenchmark {
  /** Rows of the table; the training fold holds four fifths of them. */
  @Param({"100000"})
  public int rows;

  private List<Column> features;
  private int[] trainRows;
  private Preprocessor.Fitted fitted;
  private int width;

  /** Creates the benchmark state; JMH calls it. */
  public FoldPreprocessBenchmark() {}

  /** Generates and reads the table, picks the training fold and fits the encoders once. */
  @Setup(Level.Trial)
  public void setUp() {
    Table table = BaselineData.table(rows, GenerateCsv.DEFAULT_SEED);
    Problem problem = BaselineData.problem(table);
    features = problem.features().features();
    trainRows = problem.rows(BaselineData.firstFold(problem).train());
    fitted = Preprocessor.fit(features, trainRows);
    width = fitted.width();
    if (baseline().length != fitted.transform(trainRows).length) {
      throw new IllegalStateException("baseline and transform disagree on the row count");
    }
  }

  /**
   * The floor: the matrix allocated and filled from the columns without any statistic.
   *
   * @return the matrix, so that the work cannot be optimized away
   */
  @Benchmark
  public double[][] baseline() {
    int[] rs = trainRows;
    double[][] out = new double[rs.length][width];
    int offset = 0;
    for (Column c : features) {
      if (c instanceof NumericColumn num) {
        for (int i = 0; i < rs.length; i++) {
          out[i][offset] = num.get(rs[i]);
        }
        offset++;
      } else {
        CategoricalColumn cat = (CategoricalColumn) c;
        int levels = Math.min(cat.levelCount(), Preprocessor.MAX_LEVELS + 1);
        for (int i = 0; i < rs.length; i++) {
          int code = cat.code(rs[i]);
          if (code >= 0) {
            out[i][offset + Math.min(code, levels - 1)] = 1;
          }
        }
        offset += levels;
      }
    }
    return out;
  }

  /**
   * The encoders fitted on the training fold.
   *
   * @return the fitted encoders
   */
  @Benchmark
  public Preprocessor.Fitted fit() {
    return Preprocessor.fit(features, trainRows);
  }

  /**
   * The training fold encoded by encoders fitted in setup.
   *
   * @return the matrix
   */
  @Benchmark
  public double[][] transform() {
    return fitted.transform(trainRows);
  }

  /**
   * Fit and transform, the per-fold cost on the training rows.
   *
   * @return the matrix
   */
  @Benchmark
  public double[][] fitAndTransform() {
    return Preprocessor.fit(features, trainRows).transform(trainRows);
  }
}
