package dev.plumb.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plumb.data.BadInputException;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Metric values pinned against scikit-learn, undefined cases, label parsing, and properties of
 * ROC AUC checked by brute force.
 *
 * <p>The pinned values come from scikit-learn 1.2.1 (NumPy 1.24.2, Debian's python3-sklearn),
 * printed with {@code repr} by this script, whose arrays are the ones below:
 *
 * <pre>{@code
 * import numpy as np
 * from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score, log_loss,
 *     roc_auc_score, brier_score_loss, mean_squared_error, mean_absolute_error, r2_score)
 * # binary: y, p1 are BINARY_ACTUAL, BINARY_P1 below
 * y = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0])
 * p1 = np.array([0.1, 0.3, 0.7, 0.3, 0.5, 0.9, 0.7, 0.6, 0.3, 0.2, 0.4, 0.8, 0.5, 0.3, 0.7, 0.05])
 * P = np.column_stack([1 - p1, p1]); pred = P.argmax(axis=1)
 * accuracy_score(y, pred); balanced_accuracy_score(y, pred); f1_score(y, pred, average='macro')
 * log_loss(y, P, eps=1e-15, labels=[0, 1]); roc_auc_score(y, p1); brier_score_loss(y, p1)
 * # three classes: y3, P3 are MULTI_ACTUAL, MULTI_PROBA below
 * pred3 = P3.argmax(axis=1)
 * accuracy_score(y3, pred3); balanced_accuracy_score(y3, pred3)
 * f1_score(y3, pred3, average='macro'); log_loss(y3, P3, eps=1e-15, labels=[0, 1, 2])
 * roc_auc_score(y3, P3, multi_class='ovr', average='macro')
 * np.mean(np.sum((P3 - np.eye(3)[y3]) ** 2, axis=1))      # Brier's multiclass definition
 * # four columns, class 3 never true: y4, P4 are GAP_ACTUAL, GAP_PROBA below
 * pred4 = P4.argmax(axis=1)
 * accuracy_score(y4, pred4); balanced_accuracy_score(y4, pred4)
 * f1_score(y4, pred4, average='macro'); log_loss(y4, P4, eps=1e-15, labels=[0, 1, 2, 3])
 * np.mean([roc_auc_score(y4 == c, P4[:, c]) for c in range(3)])  # sklearn's ovr raises here
 * # regression: ya, yp are REG_ACTUAL, REG_PREDICTED below
 * mean_squared_error(ya, yp, squared=False); mean_absolute_error(ya, yp); r2_score(ya, yp)
 * }</pre>
 *
 * <p>{@code eps=1e-15} is passed to {@code log_loss} because scikit-learn 1.2's default {@code
 * eps='auto'} clips at 2.2e-16 while Plumb clips at 1e-15 (only the four-column case, with an
 * exact 0 on a true class, depends on it).
 */
class MetricTest {
  private static final double TOL = 1e-12;

  private static final int[] BINARY_ACTUAL = {0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0};
  private static final double[] BINARY_P1 = {
    0.1, 0.3, 0.7, 0.3, 0.5, 0.9, 0.7, 0.6, 0.3, 0.2, 0.4, 0.8, 0.5, 0.3, 0.7, 0.05
  };

  /** Class 2 is never the argmax; rows 2, 6 and 17 have ties that argmax breaks to the left. */
  private static final int[] MULTI_ACTUAL = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 1};

  private static final double[][] MULTI_PROBA = {
    {0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.4, 0.4, 0.2}, {0.5, 0.3, 0.2}, {0.3, 0.4, 0.3},
    {0.2, 0.5, 0.3}, {0.4, 0.4, 0.2}, {0.1, 0.8, 0.1}, {0.45, 0.2, 0.35}, {0.7, 0.2, 0.1},
    {0.5, 0.3, 0.2}, {0.3, 0.35, 0.35}, {0.2, 0.5, 0.3}, {0.25, 0.5, 0.25}, {0.6, 0.1, 0.3},
    {0.8, 0.1, 0.1}, {0.3, 0.6, 0.1}, {0.34, 0.33, 0.33}
  };

  /** Class 3 has a column and is predicted twice but is never true; row 6 gives 0 to its class. */
  private static final int[] GAP_ACTUAL = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};

  private static final double[][] GAP_PROBA = {
    {0.7, 0.1, 0.1, 0.1}, {0.1, 0.2, 0.1, 0.6}, {0.1, 0.1, 0.5, 0.3}, {0.25, 0.25, 0.25, 0.25},
    {0.0, 0.9, 0.1, 0.0}, {0.2, 0.2, 0.2, 0.4}, {0.0, 0.5, 0.5, 0.0}, {0.3, 0.3, 0.2, 0.2},
    {0.1, 0.1, 0.8, 0.0}, {0.4, 0.2, 0.1, 0.3}, {0.2, 0.3, 0.4, 0.1}, {0.0, 0.0, 1.0, 0.0}
  };

  private static final double[] REG_ACTUAL = {
    3.0, -0.5, 2.0, 7.0, 4.2, 1.1, 0.0, 5.5, 6.1, -2.3, 3.3, 8.8, 1.0, 2.2
  };
  private static final double[] REG_PREDICTED = {
    2.5, 0.0, 2.0, 8.0, 4.0, 1.5, -0.4, 5.0, 7.0, -1.0, 3.0, 8.0, 1.2, 2.2
  };

  private static double[][] binaryProba(double[] p1) {
    double[][] proba = new double[p1.length][];
    for (int i = 0; i < p1.length; i++) {
      proba[i] = new double[] {1 - p1[i], p1[i]};
    }
    return proba;
  }

  private static double value(Metric metric, int[] actual, double[][] proba) {
    OptionalDouble v = metric.compute(actual, proba);
    assertThat(v).as(metric.label()).isPresent();
    return v.getAsDouble();
  }

  private static double value(Metric metric, double[] actual, double[] predicted) {
    OptionalDouble v = metric.compute(actual, predicted);
    assertThat(v).as(metric.label()).isPresent();
    return v.getAsDouble();
  }

  @Test
  void binaryMetricsMatchScikitLearn() {
    double[][] proba = binaryProba(BINARY_P1);
    assertThat(value(Metric.ACCURACY, BINARY_ACTUAL, proba)).isCloseTo(0.75, within(TOL));
    assertThat(value(Metric.BALANCED_ACCURACY, BINARY_ACTUAL, proba)).isCloseTo(0.75, within(TOL));
    assertThat(value(Metric.F1_MACRO, BINARY_ACTUAL, proba))
        .isCloseTo(0.746031746031746, within(TOL));
    assertThat(value(Metric.LOG_LOSS, BINARY_ACTUAL, proba))
        .isCloseTo(0.5096790766072645, within(TOL));
    assertThat(value(Metric.ROC_AUC, BINARY_ACTUAL, proba)).isCloseTo(0.8203125, within(TOL));
    assertThat(value(Metric.BRIER, BINARY_ACTUAL, proba))
        .isCloseTo(0.17203124999999997, within(TOL));
  }

  @Test
  void multiclassMetricsMatchScikitLearn() {
    assertThat(value(Metric.ACCURACY, MULTI_ACTUAL, MULTI_PROBA))
        .isCloseTo(0.5555555555555556, within(TOL));
    assertThat(value(Metric.BALANCED_ACCURACY, MULTI_ACTUAL, MULTI_PROBA))
        .isCloseTo(0.5158730158730159, within(TOL));
    assertThat(value(Metric.F1_MACRO, MULTI_ACTUAL, MULTI_PROBA))
        .isCloseTo(0.4305555555555555, within(TOL));
    assertThat(value(Metric.LOG_LOSS, MULTI_ACTUAL, MULTI_PROBA))
        .isCloseTo(0.8764298561606808, within(TOL));
    assertThat(value(Metric.ROC_AUC, MULTI_ACTUAL, MULTI_PROBA))
        .isCloseTo(0.8000023125023126, within(TOL));
    assertThat(value(Metric.BRIER, MULTI_ACTUAL, MULTI_PROBA))
        .isCloseTo(0.5193555555555555, within(TOL));
  }

  @Test
  void classWithColumnButNoTrueRowMatchesScikitLearnWhereItIsDefined() {
    assertThat(value(Metric.ACCURACY, GAP_ACTUAL, GAP_PROBA))
        .isCloseTo(0.5833333333333334, within(TOL));
    // recall over the true classes only: the predicted-only class 3 does not count
    assertThat(value(Metric.BALANCED_ACCURACY, GAP_ACTUAL, GAP_PROBA))
        .isCloseTo(0.5833333333333334, within(TOL));
    // F1 over true or predicted classes: class 3 counts, with F1 = 0
    assertThat(value(Metric.F1_MACRO, GAP_ACTUAL, GAP_PROBA))
        .isCloseTo(0.4583333333333333, within(TOL));
    // an exact 0 on the true class is clipped to 1e-15, not infinite
    assertThat(value(Metric.LOG_LOSS, GAP_ACTUAL, GAP_PROBA))
        .isCloseTo(3.65387575940796, within(1e-10));
    // sklearn raises; Plumb averages the one-vs-rest AUCs of classes 0..2: (0.75+0.84375+0.875)/3
    assertThat(value(Metric.ROC_AUC, GAP_ACTUAL, GAP_PROBA))
        .isCloseTo(0.8229166666666666, within(TOL));
  }

  @Test
  void regressionMetricsMatchScikitLearn() {
    assertThat(value(Metric.RMSE, REG_ACTUAL, REG_PREDICTED))
        .isCloseTo(0.6199078272499181, within(TOL));
    assertThat(value(Metric.MAE, REG_ACTUAL, REG_PREDICTED))
        .isCloseTo(0.5000000000000001, within(TOL));
    assertThat(value(Metric.R2, REG_ACTUAL, REG_PREDICTED))
        .isCloseTo(0.9571636562172984, within(TOL));
  }

  @Test
  void rocAucIsUndefinedWithOneClassPresent() {
    double[][] two = binaryProba(new double[] {0.2, 0.5, 0.9});
    assertThat(Metric.ROC_AUC.compute(new int[] {1, 1, 1}, two)).isEmpty();
    double[][] three = {{0.5, 0.3, 0.2}, {0.1, 0.1, 0.8}};
    assertThat(Metric.ROC_AUC.compute(new int[] {2, 2}, three)).isEmpty();
  }

  @Test
  void r2IsUndefinedForConstantTarget() {
    // 0.1 three times: the computed mean is 0.10000000000000002, yet SS_tot must count as 0
    assertThat(Metric.R2.compute(new double[] {0.1, 0.1, 0.1}, new double[] {0.0, 0.1, 0.2}))
        .isEmpty();
  }

  @Test
  void logLossClipsCertainMistakesAt1e15() {
    double[][] proba = {{1.0, 0.0}, {0.0, 1.0}};
    // clipped rows are {1 - 1e-15, 1e-15} and {1e-15, 1 - 1e-15}, already summing to 1
    double expected = -(Math.log(1e-15) + Math.log(1 - 1e-15)) / 2;
    assertThat(value(Metric.LOG_LOSS, new int[] {1, 1}, proba)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void multiclassBrierRangesUpToTwo() {
    double[][] confidentlyWrong = {{0, 1, 0}, {0, 0, 1}};
    double[][] perfect = {{1, 0, 0}, {0, 1, 0}};
    assertThat(value(Metric.BRIER, new int[] {0, 1}, confidentlyWrong)).isEqualTo(2.0);
    assertThat(value(Metric.BRIER, new int[] {0, 1}, perfect)).isEqualTo(0.0);
  }

  @Test
  void argmaxTiesGoToLowestClass() {
    double[][] tied = {{0.4, 0.4, 0.2}, {0.2, 0.4, 0.4}, {0.5, 0.5, 0.0}};
    assertThat(value(Metric.ACCURACY, new int[] {0, 1, 0}, tied)).isEqualTo(1.0);
  }

  @Test
  void directionsAndTasks() {
    assertThat(Metric.values())
        .filteredOn(m -> !m.greaterIsBetter())
        .containsExactlyInAnyOrder(Metric.LOG_LOSS, Metric.BRIER, Metric.RMSE, Metric.MAE);
    assertThat(Metric.forTask(Task.BINARY)).isEqualTo(Metric.forTask(Task.MULTICLASS));
    assertThat(Metric.forTask(Task.MULTICLASS))
        .containsExactly(
            Metric.ACCURACY,
            Metric.BALANCED_ACCURACY,
            Metric.F1_MACRO,
            Metric.LOG_LOSS,
            Metric.ROC_AUC,
            Metric.BRIER);
    assertThat(Metric.forTask(Task.REGRESSION)).containsExactly(Metric.RMSE, Metric.MAE, Metric.R2);
    assertThat(Metric.RMSE.isBetter(1.0, 2.0)).isTrue();
    assertThat(Metric.R2.isBetter(1.0, 2.0)).isFalse();
    assertThat(Metric.F1_MACRO.label()).isEqualTo("f1_macro");
  }

  @Test
  void parsesLabelsIgnoringCase() {
    for (Metric m : Metric.values()) {
      assertThat(Metric.parse(m.label())).isEqualTo(m);
    }
    assertThat(Metric.parse(" ROC_AUC ")).isEqualTo(Metric.ROC_AUC);
    assertThat(Metric.parse("r2", Task.REGRESSION)).isEqualTo(Metric.R2);
  }

  @Test
  void rejectsUnknownMetricListingAllowedNames() {
    BadInputException e = assertThrows(BadInputException.class, () -> Metric.parse("auc"));
    assertThat(e.getMessage()).contains("'auc'", "roc_auc", "balanced_accuracy", "rmse", "r2");
  }

  @Test
  void rejectsMetricForWrongTaskListingNamesForTheTask() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> Metric.parse("rmse", Task.BINARY));
    assertThat(e.getMessage()).contains("'rmse'", "binary", "log_loss").doesNotContain("mae");
    BadInputException unknown =
        assertThrows(BadInputException.class, () -> Metric.parse("mape", Task.REGRESSION));
    assertThat(unknown.getMessage()).contains("Unknown metric 'mape'", "rmse, mae, r2");
  }

  @Test
  void rejectsComputeOfTheWrongKind() {
    assertThrows(
        IllegalStateException.class,
        () -> Metric.RMSE.compute(new int[] {0}, new double[][] {{1, 0}}));
    assertThrows(
        IllegalStateException.class,
        () -> Metric.ACCURACY.compute(new double[] {0}, new double[] {0}));
  }

  @Test
  void rejectsMalformedInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Metric.ACCURACY.compute(new int[] {0, 1}, new double[][] {{1, 0}}));
    assertThrows(
        IllegalArgumentException.class, () -> Metric.ACCURACY.compute(new int[0], new double[0][]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Metric.ACCURACY.compute(new int[] {2}, new double[][] {{0.5, 0.5}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Metric.ACCURACY.compute(new int[] {0, 1}, new double[][] {{1, 0}, {0.2, 0.3, 0.5}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Metric.ROC_AUC.compute(new int[] {0, 1}, new double[][] {{1, 0}, {Double.NaN, 1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Metric.MAE.compute(new double[] {1, 2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Metric.MAE.compute(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}));
  }

  // ---- properties ----------------------------------------------------------------------------

  /** Rows of {label, score}: scores on a grid of nine values, so ties are common. */
  @Provide
  Arbitrary<double[][]> labelledScores() {
    Arbitrary<Double> score =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 8).map(i -> i / 8.0),
            Arbitraries.doubles().between(0, 1));
    return Combinators.combine(Arbitraries.integers().between(0, 1), score)
        .as((y, s) -> new double[] {y, s})
        .array(double[][].class)
        .ofMinSize(2)
        .ofMaxSize(40);
  }

  /** Pairs (positive, negative) ranked correctly, plus one half per tie, over all pairs. */
  private static double bruteForceAuc(int[] actual, double[] score, int positive) {
    double correct = 0;
    long pairs = 0;
    for (int i = 0; i < actual.length; i++) {
      for (int j = 0; j < actual.length; j++) {
        if (actual[i] == positive && actual[j] != positive) {
          pairs++;
          correct += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
        }
      }
    }
    return correct / pairs;
  }

  private static int[] labels(double[][] rows) {
    int[] actual = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      actual[i] = (int) rows[i][0];
    }
    return actual;
  }

  private static double[] scores(double[][] rows, DoubleUnaryOperator f) {
    double[] s = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      s[i] = f.applyAsDouble(rows[i][1]);
    }
    return s;
  }

  @Property
  void binaryAucIsTheFractionOfCorrectlyRankedPairs(@ForAll("labelledScores") double[][] rows) {
    int[] actual = labels(rows);
    double[] p1 = scores(rows, s -> s);
    OptionalDouble auc = Metric.ROC_AUC.compute(actual, binaryProba(p1));
    boolean bothClasses = Arrays.stream(actual).distinct().count() == 2;
    assertThat(auc.isPresent()).isEqualTo(bothClasses);
    Assume.that(bothClasses);
    assertThat(auc.getAsDouble()).isCloseTo(bruteForceAuc(actual, p1, 1), within(1e-12));
  }

  @Property
  void aucIsInvariantUnderMonotoneTransformOfScores(@ForAll("labelledScores") double[][] rows) {
    int[] actual = labels(rows);
    Assume.that(Arrays.stream(actual).distinct().count() == 2);
    // A strictly increasing map into [0, 1]; the second column stays 1 - p as a valid row.
    double[] raw = scores(rows, s -> s);
    double[] transformed = scores(rows, s -> (s * s * s + s) / 2);
    assertThat(Metric.ROC_AUC.compute(actual, binaryProba(transformed)).getAsDouble())
        .isEqualTo(Metric.ROC_AUC.compute(actual, binaryProba(raw)).getAsDouble());
  }

  /** Rows of three class weights (normalized in the test) and a label in column 3. */
  @Provide
  Arbitrary<double[][]> threeClassRows() {
    Arbitrary<Integer> weight = Arbitraries.integers().between(1, 5);
    return Combinators.combine(weight, weight, weight, Arbitraries.integers().between(0, 2))
        .as((a, b, c, y) -> new double[] {a, b, c, y})
        .array(double[][].class)
        .ofMinSize(3)
        .ofMaxSize(30);
  }

  @Property
  void multiclassAucIsTheMeanOfBruteForceOneVsRestAucs(@ForAll("threeClassRows") double[][] rows) {
    int n = rows.length;
    int[] actual = new int[n];
    double[][] proba = new double[n][3];
    for (int i = 0; i < n; i++) {
      double total = rows[i][0] + rows[i][1] + rows[i][2];
      for (int c = 0; c < 3; c++) {
        proba[i][c] = rows[i][c] / total;
      }
      actual[i] = (int) rows[i][3];
    }
    double sum = 0;
    int present = 0;
    for (int c = 0; c < 3; c++) {
      final int cls = c;
      if (Arrays.stream(actual).anyMatch(y -> y == cls)) {
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
          column[i] = proba[i][c];
        }
        sum += bruteForceAuc(actual, column, c);
        present++;
      }
    }
    OptionalDouble auc = Metric.ROC_AUC.compute(actual, proba);
    if (present < 2) {
      assertThat(auc).isEmpty();
    } else {
      assertThat(auc.getAsDouble()).isCloseTo(sum / present, within(1e-12));
    }
  }

  @Test
  void countMetricsFromCountsEqualThemOnTheRows() {
    // 3 classes, 7 rows; class 2 is never true and predicted once
    int[] actual = {0, 0, 0, 1, 1, 1, 0};
    double[][] proba = {{.8, .1, .1}, {.2, .7, .1}, {.6, .3, .1}, {.1, .8, .1}, {.3, .6, .1},
      {.7, .2, .1}, {.1, .1, .8}};
    // by hand: hits per class (2, 2, 0), true rows (4, 3, 0), predicted rows (3, 3, 1)
    long[] hits = {2, 2, 0};
    long[] truth = {4, 3, 0};
    long[] predicted = {3, 3, 1};
    for (Metric m : new Metric[] {Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.F1_MACRO}) {
      assertThat(m.fromCounts(hits, truth, predicted)).as(m.label())
          .isEqualTo(m.compute(actual, proba).getAsDouble());
    }
    assertThat(Metric.ACCURACY.fromCounts(hits, truth, predicted)).isEqualTo(4.0 / 7);
    assertThat(Metric.BALANCED_ACCURACY.fromCounts(hits, truth, predicted))
        .isCloseTo((2.0 / 4 + 2.0 / 3) / 2, within(1e-15));
    // F1 per class: 4/7, 4/6, 0 (class 2 predicted once, never true)
    assertThat(Metric.F1_MACRO.fromCounts(hits, truth, predicted))
        .isCloseTo((4.0 / 7 + 4.0 / 6 + 0) / 3, within(1e-15));
    assertThrows(IllegalStateException.class,
        () -> Metric.LOG_LOSS.fromCounts(hits, truth, predicted));
  }
}
