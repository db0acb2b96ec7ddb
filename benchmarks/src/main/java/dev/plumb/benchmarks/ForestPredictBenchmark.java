package dev.plumb.benchmarks;

import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.plan.Task;
import java.util.Locale;
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
 * The question: how long does a fitted random forest of the baseline ladder take to turn rows
 * into class probabilities? {@code plumb baseline} calls it on every validation fold and on up to
 * 10,000 training rows per fold.
 *
 * <p>Data: a {@link GenerateCsv} table of {@code trainRows + queryRows} rows read from CSV, the
 * preprocessing fitted on the first {@code trainRows} rows (46 features). The model is {@code
 * random_forest(trees=100)} resolved through {@link LearnerCatalog#resolve} for a binary task
 * (Smile, Gini, mtry=sqrt, unlimited depth), fitted once in setup with seed 42; its predictions
 * walk Smile's trees tree by tree (Plumb's {@code LeafShareClassifier}).
 *
 * <ul>
 *   <li>{@link #baseline()}: reading the query matrix once (the sum of every value): the floor
 *       of any prediction, which must at least look at each row.
 *   <li>{@link #predictProba()}: {@link Model#predictProba} on the query rows.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class ForestPredictBenchmark {
  /** Rows the forest is fitted on. */
  @Param({"20000"})
  public int trainRows;

  /** Rows predicted per operation. */
  @Param({"10000"})
  public int queryRows;

  /** Trees in the forest. */
  @Param({"100"})
  public int trees;

  private double[][] queryX;
  private Model model;

  /** Creates the benchmark state; JMH calls it. */
  public ForestPredictBenchmark() {}

  /** Reads the table, encodes both parts and fits the forest (seconds, not measured). */
  @Setup(Level.Trial)
  public void setUp() {
    Problem problem = BaselineData.problem(
        BaselineData.table(trainRows + queryRows, GenerateCsv.DEFAULT_SEED));
    BaselineData.Split split = BaselineData.split(problem, BaselineData.range(0, trainRows),
        BaselineData.range(trainRows, trainRows + queryRows));
    queryX = split.queryX();
    Learner forest = LearnerCatalog.resolve(
        LearnerSpec.parse("random_forest(trees=" + trees + ")"), Task.BINARY);
    long t0 = System.nanoTime();
    model = forest.fit(split.train(), 42);
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%n%s fitted on %d x %d in %.2f s (setup, not measured);"
            + " accuracy on the query rows %.4f%n", forest.spec().text(), split.train().rows(),
        split.train().features(), fitSeconds,
        BaselineData.accuracy(predictProba(), split.queryClasses()));
  }

  /**
   * The floor: every value of the query matrix read once.
   *
   * @return the sum
   */
  @Benchmark
  public double baseline() {
    double sum = 0;
    for (double[] row : queryX) {
      for (double v : row) {
        sum += v;
      }
    }
    return sum;
  }

  /**
   * The forest's class probabilities for the query rows.
   *
   * @return one row of probabilities per query row
   */
  @Benchmark
  public double[][] predictProba() {
    return model.predictProba(queryX);
  }
}
