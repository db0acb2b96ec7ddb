package dev.plumb.benchmarks;

import dev.plumb.evaluate.Problem;
import dev.plumb.learn.FeatureGroup;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The question: how long does fitting the ladder's random forest take, and how much of it is
 * owed to the width of the one-hot encoding? The forest fit is the largest fit cost of {@code
 * plumb baseline} on tabular data (the k-NN's is prediction, see {@link KnnPredictBenchmark}).
 *
 * <p>Smile's CART keeps one sorted row order per feature and re-partitions every one of them at
 * every split, although a forest's split search only looks at {@code mtry} of them (6 of 46
 * here). So the fit should grow with the number of features, not only with {@code mtry}. The
 * {@code encoding} parameter tests that: {@code onehot} is the matrix {@code plumb baseline}
 * fits (20 standardized numbers, 5 region levels, 20 product levels and "other": 46 features);
 * {@code codes} is the same rows with each category as one integer column of level codes (22
 * features; mtry = sqrt rounds to 4 instead of 6). The two are different models, so the setup
 * prints their accuracy on 5,000 held-out rows; the point is the time.
 *
 * <p>Since the Smile tree learners pass each one-hot block to Smile as one nominal column
 * ({@code SmileColumns} in the Smile adapter), {@code onehot} reaches Smile as 22 columns too (20
 * numbers and 2 nominal columns, mtry 4), and {@code codes} as 22 numbers (the codes read as
 * ordered values). The figures in {@code benchmarks/README.md} were measured before that change.
 *
 * <ul>
 *   <li>{@link #baseline()}: sorting each feature column once, the presort that every CART fit
 *       starts from (Smile does it once per forest).
 *   <li>{@link #fitTree()}: the ladder's {@code tree} (one unpruned CART on all rows).
 *   <li>{@link #fitForest()}: {@code random_forest} (100 trees), fitted as the ladder fits it;
 *       Smile grows the trees in a parallel stream, here on the common pool (2 threads on this
 *       machine).
 * </ul>
 *
 * Single-shot: one fit per measurement, a few seconds each.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class ForestFitBenchmark {
  /** Rows the forest is fitted on. */
  @Param({"20000"})
  public int trainRows;

  /** {@code onehot} (46 features, as the ladder) or {@code codes} (22 features). */
  @Param({"onehot", "codes"})
  public String encoding;

  private static final int HELD_OUT = 5_000;

  private TrainingSet train;
  private Learner forest;
  private Learner tree;

  /** Creates the benchmark state; JMH calls it. */
  public ForestFitBenchmark() {}

  /** Reads the table and encodes it; prints the held-out accuracy of the forest. */
  @Setup(Level.Trial)
  public void setUp() {
    Problem problem = BaselineData.problem(
        BaselineData.table(trainRows + HELD_OUT, GenerateCsv.DEFAULT_SEED));
    BaselineData.Split split = BaselineData.split(problem, BaselineData.range(0, trainRows),
        BaselineData.range(trainRows, trainRows + HELD_OUT));
    double[][] heldOut = split.queryX();
    train = split.train();
    if (encoding.equals("codes")) {
      heldOut = codes(train, heldOut);
      train = codes(train);
    } else if (!encoding.equals("onehot")) {
      throw new IllegalArgumentException("encoding must be onehot or codes, got " + encoding);
    }
    forest = LearnerCatalog.resolve(LearnerSpec.parse("random_forest"), Task.BINARY);
    tree = LearnerCatalog.resolve(LearnerSpec.parse("tree"), Task.BINARY);
    long t0 = System.nanoTime();
    Model m = forest.fit(train, 42);
    System.out.printf(java.util.Locale.ROOT,
        "%n%s, %s: %d x %d, fitted in %.2f s; held-out accuracy %.4f%n", forest.spec().text(),
        encoding, train.rows(), train.features(), (System.nanoTime() - t0) / 1e9,
        BaselineData.accuracy(m.predictProba(heldOut), split.queryClasses()));
  }

  /** The same rows with every one-hot block replaced by one column of level codes. */
  private static TrainingSet codes(TrainingSet data) {
    List<String> names = new ArrayList<>();
    List<FeatureGroup> groups = new ArrayList<>();
    for (FeatureGroup g : data.groups()) {
      groups.add(new FeatureGroup(g.column(), FeatureGroup.Kind.NUMERIC, names.size(), 1));
      names.add(g.column());
    }
    return TrainingSet.classification(data.task(), codes(data, data.x()), data.classes(),
        data.classNames(), names, groups);
  }

  private static double[][] codes(TrainingSet data, double[][] x) {
    List<FeatureGroup> groups = data.groups();
    double[][] out = new double[x.length][groups.size()];
    for (int i = 0; i < x.length; i++) {
      for (int g = 0; g < groups.size(); g++) {
        FeatureGroup fg = groups.get(g);
        if (fg.kind() == FeatureGroup.Kind.ONE_HOT) {
          int code = 0;
          for (int j = 0; j < fg.count(); j++) {
            if (x[i][fg.first() + j] > 0.5) {
              code = j;
            }
          }
          out[i][g] = code;
        } else {
          out[i][g] = x[i][fg.first()];
        }
      }
    }
    return out;
  }

  /**
   * The presort floor: each feature column copied and sorted once.
   *
   * @return the sorted columns
   */
  @Benchmark
  public double[][] baseline() {
    double[][] x = train.x();
    int p = train.features();
    double[][] sorted = new double[p][x.length];
    for (int j = 0; j < p; j++) {
      double[] col = sorted[j];
      for (int i = 0; i < x.length; i++) {
        col[i] = x[i][j];
      }
      Arrays.sort(col);
    }
    return sorted;
  }

  /**
   * One unpruned CART tree on all rows.
   *
   * @return the model
   */
  @Benchmark
  public Model fitTree() {
    return tree.fit(train, 42);
  }

  /**
   * The 100-tree random forest.
   *
   * @return the model
   */
  @Benchmark
  public Model fitForest() {
    return forest.fit(train, 42);
  }
}
