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
 * The question: how long does the k-NN learner of the baseline ladder take to predict, and how
 * far is it from a plain brute-force search over the same numbers? A k-NN fit only stores the
 * rows, so in {@code plumb baseline} its whole cost is prediction: every validation row and up to
 * 10,000 training rows (for the training score) against every training row, on each fold.
 *
 * <p>Data: a {@link GenerateCsv} table of {@code trainRows + queryRows} rows (20 numbers, 2
 * categories), read from CSV; the preprocessing is fitted on the first {@code trainRows} rows and
 * encodes both parts into 46 features. The model is {@code knn} resolved through {@link
 * LearnerCatalog#resolve} for a binary task (Tribuo, k=5, Euclidean, brute force, one thread), as
 * the baseline runs it.
 *
 * <ul>
 *   <li>{@link #baseline()}: the same search written plainly: for each query row, the squared
 *       Euclidean distance to every training row in a double loop over the {@code double[][]}
 *       rows, the five smallest kept by insertion, their classes counted into vote shares. One
 *       thread, no allocation per distance.
 *   <li>{@link #predictProba()}: {@link Model#predictProba} of the fitted Tribuo model.
 *   <li>{@link #blockedSearch()}: what a faster kernel could do in plain Java, for comparison:
 *       the squared distance as {@code |b|^2 - 2 a.b} (the query's own norm does not change the
 *       ranking) with the training norms computed once (as a fit would), four query rows at a
 *       time against each training row, so each training row is read once per four queries and
 *       four independent sums keep the floating-point units busy. The same idea as scikit-learn's
 *       brute-force search, which computes the dot products with BLAS, without BLAS.
 * </ul>
 *
 * Setup checks that all three give the same class on at least 99% of the query rows (ties
 * between equally distant neighbours may be broken differently) and prints the agreement and the
 * accuracy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class KnnPredictBenchmark {
  /** Training rows the model holds. */
  @Param({"20000"})
  public int trainRows;

  /** Rows predicted per operation. */
  @Param({"1000"})
  public int queryRows;

  private static final int K = 5;

  private double[][] trainX;
  private int[] trainY;
  private int numClasses;
  private double[][] queryX;
  private double[] trainNorms;
  private Model model;

  /** Creates the benchmark state; JMH calls it. */
  public KnnPredictBenchmark() {}

  /** Reads the table, encodes both parts and fits the model. */
  @Setup(Level.Trial)
  public void setUp() {
    Problem problem = BaselineData.problem(
        BaselineData.table(trainRows + queryRows, GenerateCsv.DEFAULT_SEED));
    BaselineData.Split split = BaselineData.split(problem, BaselineData.range(0, trainRows),
        BaselineData.range(trainRows, trainRows + queryRows));
    trainX = split.train().x();
    trainY = split.train().classes();
    numClasses = split.train().numClasses();
    queryX = split.queryX();
    Learner knn = LearnerCatalog.resolve(LearnerSpec.parse("knn"), Task.BINARY);
    model = knn.fit(split.train(), 42);
    double[][] ours = predictProba();
    double[][] plain = baseline();
    trainNorms = new double[trainX.length];
    for (int t = 0; t < trainX.length; t++) {
      double s = 0;
      for (double v : trainX[t]) {
        s += v * v;
      }
      trainNorms[t] = s;
    }
    double[][] blocked = blockedSearch();
    double agree = BaselineData.agreement(ours, plain);
    double agreeBlocked = BaselineData.agreement(plain, blocked);
    System.out.printf(Locale.ROOT, "%n%s on %d x %d: agreement with brute force %.4f, brute"
            + " force with blocked %.4f, accuracy %.4f%n", knn.spec().text(), trainX.length,
        trainX[0].length, agree, agreeBlocked, BaselineData.accuracy(ours, split.queryClasses()));
    if (agree < 0.99 || agreeBlocked < 0.99) {
      throw new IllegalStateException("the brute-force searches disagree with the model on more"
          + " than 1% of the rows: " + agree + ", " + agreeBlocked);
    }
  }

  /**
   * The floor: brute-force k-NN over the same arrays.
   *
   * @return vote shares per query row
   */
  @Benchmark
  public double[][] baseline() {
    double[][] out = new double[queryX.length][numClasses];
    double[] bestD = new double[K];
    int[] bestI = new int[K];
    int width = trainX[0].length;
    for (int q = 0; q < queryX.length; q++) {
      double[] a = queryX[q];
      int found = 0;
      for (int t = 0; t < trainX.length; t++) {
        double[] b = trainX[t];
        double d = 0;
        for (int j = 0; j < width; j++) {
          double diff = a[j] - b[j];
          d += diff * diff;
        }
        if (found < K || d < bestD[found - 1]) {
          int pos = found < K ? found++ : K - 1;
          while (pos > 0 && bestD[pos - 1] > d) {
            bestD[pos] = bestD[pos - 1];
            bestI[pos] = bestI[pos - 1];
            pos--;
          }
          bestD[pos] = d;
          bestI[pos] = t;
        }
      }
      for (int i = 0; i < found; i++) {
        out[q][trainY[bestI[i]]] += 1.0 / found;
      }
    }
    return out;
  }

  /**
   * The Tribuo model's prediction.
   *
   * @return class probabilities per query row
   */
  @Benchmark
  public double[][] predictProba() {
    return model.predictProba(queryX);
  }

  /**
   * A blocked kernel: four queries at a time, distances from dot products and training norms.
   *
   * @return vote shares per query row
   */
  @Benchmark
  public double[][] blockedSearch() {
    int nq = queryX.length;
    int width = trainX[0].length;
    double[][] out = new double[nq][numClasses];
    double[][] bestD = new double[4][K];
    int[][] bestI = new int[4][K];
    int[] found = new int[4];
    for (int q0 = 0; q0 < nq; q0 += 4) {
      int m = Math.min(4, nq - q0);
      double[] a0 = queryX[q0];
      double[] a1 = queryX[q0 + Math.min(1, m - 1)];
      double[] a2 = queryX[q0 + Math.min(2, m - 1)];
      double[] a3 = queryX[q0 + Math.min(3, m - 1)];
      java.util.Arrays.fill(found, 0);
      for (int t = 0; t < trainX.length; t++) {
        double[] b = trainX[t];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int j = 0; j < width; j++) {
          double bj = b[j];
          s0 += a0[j] * bj;
          s1 += a1[j] * bj;
          s2 += a2[j] * bj;
          s3 += a3[j] * bj;
        }
        double nb = trainNorms[t];
        offer(bestD[0], bestI[0], found, 0, nb - 2 * s0, t);
        offer(bestD[1], bestI[1], found, 1, nb - 2 * s1, t);
        offer(bestD[2], bestI[2], found, 2, nb - 2 * s2, t);
        offer(bestD[3], bestI[3], found, 3, nb - 2 * s3, t);
      }
      for (int r = 0; r < m; r++) {
        for (int i = 0; i < found[r]; i++) {
          out[q0 + r][trainY[bestI[r][i]]] += 1.0 / found[r];
        }
      }
    }
    return out;
  }

  /** Keeps the K smallest distances, sorted, by insertion. */
  private static void offer(double[] bestD, int[] bestI, int[] found, int r, double d, int t) {
    int n = found[r];
    if (n < K || d < bestD[n - 1]) {
      int pos = n < K ? n : K - 1;
      if (n < K) {
        found[r] = n + 1;
      }
      while (pos > 0 && bestD[pos - 1] > d) {
        bestD[pos] = bestD[pos - 1];
        bestI[pos] = bestI[pos - 1];
        pos--;
      }
      bestD[pos] = d;
      bestI[pos] = t;
    }
  }
}
