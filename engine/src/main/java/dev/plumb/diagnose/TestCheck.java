package dev.plumb.diagnose;

import dev.plumb.data.Column;
import dev.plumb.data.NumericColumn;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.Preprocessor;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Seeds;
import dev.plumb.plan.Splits;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * What a separate test file says: each learner's score on it (trained on every training row), and
 * whether the test rows come from the same distribution as the training rows.
 *
 * <p>The shift check is adversarial validation: a random forest learns to tell training rows
 * from test rows, and its out-of-fold ROC AUC over 5 stratified folds says how well it can (0.5:
 * indistinguishable). Each feature column is also tested on its own: two-sample
 * Kolmogorov–Smirnov for numbers, chi-squared on the value counts for everything else (both from
 * Commons Math); the columns with the strongest evidence of a difference are the ones that give
 * the shift away. Stateless.
 */
public final class TestCheck {
  /** Columns listed as giving the shift away, at most. */
  static final int TOP_FEATURES = 5;
  /** An AUC above this counts as a shift worth reporting. */
  public static final double SHIFT_AUC = 0.6;
  private static final String SHIFT_LEARNER = "random_forest(trees=50)";

  private TestCheck() {}

  /**
   * One feature column's two-sample test.
   *
   * @param column the column
   * @param test {@code ks} or {@code chi2}
   * @param statistic the KS distance, or Cramér's V for chi-squared (both in [0, 1])
   * @param pValue the test's p-value
   */
  public record ShiftedFeature(String column, String test, double statistic, double pValue) {}

  /**
   * The findings.
   *
   * @param testRows labelled rows in the test file
   * @param scores each learner's test score, in the order given (NaN where it failed)
   * @param shiftAuc the train-vs-test classifier's out-of-fold ROC AUC
   * @param features the columns that differ most, strongest first
   */
  public record Report(int testRows, double[] scores, double shiftAuc,
      List<ShiftedFeature> features) {
    /** Copies. */
    public Report {
      scores = scores.clone();
      features = List.copyOf(features);
    }

    @Override
    public double[] scores() {
      return scores.clone();
    }

    /** Whether the classifier tells the files apart well enough to call it a shift. */
    public boolean shifted() {
      return shiftAuc > SHIFT_AUC;
    }
  }

  /**
   * Runs the check on a table holding the training rows first, then the test rows.
   *
   * @param combined the problem over both files' rows (same target, same task)
   * @param trainRows how many table rows come from the training file
   */
  public static Report run(Problem combined, int trainRows, List<Learner> learners,
      Metric metric, long seed) {
    int[] trainPos = IntStream.range(0, combined.size())
        .filter(i -> combined.row(i) < trainRows).toArray();
    int[] testPos = IntStream.range(0, combined.size())
        .filter(i -> combined.row(i) >= trainRows).toArray();
    if (testPos.length == 0) {
      throw new dev.plumb.data.BadInputException("the test file has no row with a value for '"
          + combined.target() + "'; it needs labelled rows to score on");
    }
    List<Column> features = combined.features().features();
    Preprocessor.Fitted pre = Preprocessor.fit(features, combined.rows(trainPos));
    double[][] x = pre.transform(combined.rows(trainPos));
    double[][] tx = pre.transform(combined.rows(testPos));
    double[] scores = new double[learners.size()];
    for (int l = 0; l < learners.size(); l++) {
      Learner learner = learners.get(l);
      long fitSeed = Seeds.derive(seed, Seeds.of(learner.spec().text()), 0x74657374L);
      try {
        if (combined.task().isClassification()) {
          Model m = learner.fit(TrainingSet.classification(combined.task(), x,
              combined.classes(trainPos), combined.classNames(), pre.featureNames(),
              pre.groups()), fitSeed);
          scores[l] = metric.compute(combined.classes(testPos), m.predictProba(tx))
              .orElse(Double.NaN);
        } else {
          Model m = learner.fit(TrainingSet.regression(x, combined.values(trainPos),
              pre.featureNames(), pre.groups()), fitSeed);
          scores[l] = metric.compute(combined.values(testPos), m.predict(tx)).orElse(Double.NaN);
        }
      } catch (RuntimeException e) {
        scores[l] = Double.NaN;
      }
    }
    return new Report(testPos.length, scores, shiftAuc(combined, trainPos, testPos, seed),
        shiftedFeatures(features, combined.rows(trainPos), combined.rows(testPos)));
  }

  private static double shiftAuc(Problem combined, int[] trainPos, int[] testPos, long seed) {
    int n = trainPos.length + testPos.length;
    int[] positions = new int[n];
    int[] origin = new int[n];
    System.arraycopy(trainPos, 0, positions, 0, trainPos.length);
    System.arraycopy(testPos, 0, positions, trainPos.length, testPos.length);
    for (int i = trainPos.length; i < n; i++) {
      origin[i] = 1;
    }
    Splits splits = Splits.stratifiedKFold(origin, Math.min(5, Math.max(2,
        Math.min(trainPos.length, testPos.length))), 1, Seeds.derive(seed, 0x7368L));
    Learner forest = LearnerCatalog.resolve(LearnerSpec.parse(SHIFT_LEARNER), Task.BINARY);
    double[][] proba = new double[n][];
    for (Fold fold : splits.folds()) {
      int[] tr = pick(positions, fold.train());
      int[] va = pick(positions, fold.validation());
      Preprocessor.Fitted pre = Preprocessor.fit(combined.features().features(),
          combined.rows(tr));
      TrainingSet set = TrainingSet.classification(Task.BINARY, pre.transform(combined.rows(tr)),
          pick(origin, fold.train()), List.of("train", "test"), pre.featureNames(),
          pre.groups());
      double[][] p = forest.fit(set, Seeds.derive(seed, fold.index())).predictProba(
          pre.transform(combined.rows(va)));
      for (int i = 0; i < va.length; i++) {
        proba[fold.validation()[i]] = p[i];
      }
    }
    return Metric.ROC_AUC.compute(origin, proba).orElse(0.5);
  }

  private static int[] pick(int[] values, int[] at) {
    int[] out = new int[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = values[at[i]];
    }
    return out;
  }

  static List<ShiftedFeature> shiftedFeatures(List<Column> features, int[] trainRows,
      int[] testRows) {
    List<ShiftedFeature> out = new ArrayList<>();
    for (Column c : features) {
      if (c instanceof NumericColumn num) {
        double[] a = present(num, trainRows);
        double[] b = present(num, testRows);
        if (a.length < 2 || b.length < 2) {
          continue;
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        out.add(new ShiftedFeature(c.name(), "ks", ks.kolmogorovSmirnovStatistic(a, b),
            ks.kolmogorovSmirnovTest(a, b)));
      } else {
        Map<String, long[]> counts = new HashMap<>();
        for (int r : trainRows) {
          counts.computeIfAbsent(String.valueOf(c.text(r)), k -> new long[2])[0]++;
        }
        for (int r : testRows) {
          counts.computeIfAbsent(String.valueOf(c.text(r)), k -> new long[2])[1]++;
        }
        if (counts.size() < 2) {
          continue;
        }
        long[][] table = transpose(counts.values().toArray(long[][]::new));
        try {
          double chi2 = new ChiSquareTest().chiSquare(table);
          double p = new ChiSquareTest().chiSquareTest(table);
          double total = trainRows.length + testRows.length;
          out.add(new ShiftedFeature(c.name(), "chi2", Math.sqrt(chi2 / total), p));
        } catch (RuntimeException e) {
          // a degenerate table (one side empty): no test to report
        }
      }
    }
    out.sort(Comparator.comparingDouble(ShiftedFeature::pValue)
        .thenComparing(Comparator.comparingDouble(ShiftedFeature::statistic).reversed()));
    return out.subList(0, Math.min(TOP_FEATURES, out.size()));
  }

  private static long[][] transpose(long[][] rows) {
    long[][] out = new long[2][rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[0][i] = rows[i][0];
      out[1][i] = rows[i][1];
    }
    return out;
  }

  private static double[] present(NumericColumn c, int[] rows) {
    return IntStream.of(rows).filter(r -> !c.isMissing(r)).mapToDouble(c::get).toArray();
  }
}
