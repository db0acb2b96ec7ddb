package dev.plumb.benchmarks;

import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Task;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The question: what does scoring one fold's predictions cost, per metric, on a large validation
 * fold? {@code CrossValidation} scores every (learner, fold) pair twice (validation rows and up to
 * 10,000 training rows) with every metric of the task, so a metric that is slow per row shows up
 * once per fit.
 *
 * <p>The input is {@code rows} binary predictions with a fixed seed: true classes about half and
 * half, and class-1 probabilities that lean towards the truth (a model of AUC about 0.8). With
 * {@code scores=continuous} every probability is distinct (logistic regression, naive Bayes);
 * with {@code scores=votes} they are vote shares of five neighbours (0, 0.2, ..., 1), as the
 * k-NN learner gives: few distinct values and many ties, the other extreme for ROC AUC's sort and
 * midranks.
 *
 * <ul>
 *   <li>{@link #baseline()}: the sum of every probability, one pass over the same arrays.
 *   <li>{@link #rocAuc()}, {@link #logLoss()}, {@link #balancedAccuracy()}: {@link
 *       Metric#compute(int[], double[][])}, which first checks the input (lengths, ranges,
 *       finiteness) and then computes.
 *   <li>{@link #everyMetric(Blackhole)}: the six classification metrics, as {@code
 *       CrossValidation} computes them for one fold.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MetricBenchmark {
  /** Rows scored. */
  @Param({"100000"})
  public int rows;

  /** {@code continuous} (all distinct) or {@code votes} (six distinct values). */
  @Param({"continuous", "votes"})
  public String scores;

  private int[] actual;
  private double[][] proba;
  private List<Metric> metrics;

  /** Creates the benchmark state; JMH calls it. */
  public MetricBenchmark() {}

  /** Draws the classes and probabilities with a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20_260_102L);
    actual = new int[rows];
    proba = new double[rows][];
    boolean votes = scores.equals("votes");
    if (!votes && !scores.equals("continuous")) {
      throw new IllegalArgumentException("scores must be continuous or votes, got " + scores);
    }
    for (int i = 0; i < rows; i++) {
      int y = random.nextInt(2);
      double logit = (2 * y - 1) * 1.2 + 1.5 * gauss(random);
      double p = 1 / (1 + Math.exp(-logit));
      if (votes) {
        p = Math.round(p * 5) / 5.0;
      }
      actual[i] = y;
      proba[i] = new double[] {1 - p, p};
    }
    metrics = Metric.forTask(Task.BINARY);
  }

  private static double gauss(SplittableRandom r) {
    double u1 = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /**
   * The floor: one pass summing every probability.
   *
   * @return the sum
   */
  @Benchmark
  public double baseline() {
    double sum = 0;
    for (double[] row : proba) {
      for (double p : row) {
        sum += p;
      }
    }
    return sum;
  }

  /**
   * ROC AUC: two sorts of the class-1 probabilities and a merge.
   *
   * @return the AUC
   */
  @Benchmark
  public double rocAuc() {
    return Metric.ROC_AUC.compute(actual, proba).orElseThrow();
  }

  /**
   * Log loss: a clip, a row sum and a logarithm per row.
   *
   * @return the loss
   */
  @Benchmark
  public double logLoss() {
    return Metric.LOG_LOSS.compute(actual, proba).orElseThrow();
  }

  /**
   * Balanced accuracy: an argmax and three counters per row.
   *
   * @return the balanced accuracy
   */
  @Benchmark
  public double balancedAccuracy() {
    return Metric.BALANCED_ACCURACY.compute(actual, proba).orElseThrow();
  }

  /**
   * Every classification metric of the task, as one fold's scoring in {@code CrossValidation}.
   *
   * @param bh consumes each score
   */
  @Benchmark
  public void everyMetric(Blackhole bh) {
    for (Metric m : metrics) {
      bh.consume(m.compute(actual, proba).orElse(Double.NaN));
    }
  }
}
