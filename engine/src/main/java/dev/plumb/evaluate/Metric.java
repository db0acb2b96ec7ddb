package dev.plumb.evaluate;

import dev.plumb.data.BadInputException;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A score that compares a fold's predictions with its true targets. The definitions follow
 * scikit-learn (the values are pinned against scikit-learn 1.2.1 in the tests) except where a
 * constant says otherwise, so that numbers in a Plumb report can be checked with the tool most
 * readers already use.
 *
 * <p>Classification metrics read class probabilities: {@code proba[i]} holds one column per
 * class, {@code actual[i]} is the index of the true class in {@code [0, k)}, and the predicted
 * class is the column with the largest probability (ties go to the lowest index, as NumPy's
 * {@code argmax}). Two columns mean a binary problem whose positive class is index 1. Regression
 * metrics read predicted values.
 *
 * <p>A metric that is undefined on a fold (ROC AUC with one class present, R² of a constant
 * target) returns an empty {@link OptionalDouble}; no result is ever {@code NaN}. The computations
 * make no per-row allocation and no boxing: they run for every (learner, fold) pair on folds of
 * up to 100,000 rows. Stateless, so safe to use from several threads.
 */
public enum Metric {
  /** Fraction of rows whose predicted class is the true class. Greater is better. */
  ACCURACY(Family.CLASSIFICATION, true),
  /**
   * Mean recall over the classes present in the true targets (scikit-learn's {@code
   * balanced_accuracy_score}); classes that are only predicted do not count. Greater is better.
   */
  BALANCED_ACCURACY(Family.CLASSIFICATION, true),
  /**
   * Unweighted mean of the per-class F1 scores over the classes present in the true targets or
   * the predictions (scikit-learn's {@code f1_score(average='macro')} with its default labels).
   * A class that is predicted but never true, or true but never predicted, scores 0. Greater is
   * better.
   */
  F1_MACRO(Family.CLASSIFICATION, true),
  /**
   * Mean negative natural log of the probability given to the true class. Probabilities are first
   * clipped to {@code [1e-15, 1 - 1e-15]} and each row renormalized to sum to 1, as scikit-learn's
   * {@code log_loss(eps=1e-15)} does (its 1.2 default {@code eps='auto'} clips at 2.2e-16
   * instead; the two differ only for probabilities below 1e-15). Lower is better.
   */
  LOG_LOSS(Family.CLASSIFICATION, false),
  /**
   * Area under the ROC curve, from the Mann–Whitney U statistic with midranks for tied scores.
   * Binary: the AUC of the class-1 probability. Multiclass: the unweighted mean of the
   * one-vs-rest AUCs (scikit-learn's {@code roc_auc_score(multi_class='ovr', average='macro')})
   * over the classes present in the true targets. scikit-learn refuses a class that has a column
   * but no true row; Plumb skips it, so that a fold missing a rare class still gets a score. With
   * fewer than two classes present the AUC is undefined (empty). Greater is better.
   */
  ROC_AUC(Family.CLASSIFICATION, true),
  /**
   * Brier score. Binary: the mean squared difference between the class-1 probability and the 0/1
   * outcome (scikit-learn's {@code brier_score_loss}), in {@code [0, 1]}. Multiclass (three or
   * more columns): Brier's original definition, the mean over rows of {@code sum_k (p_k - y_k)^2}
   * with {@code y_k} the one-hot outcome, in {@code [0, 2]}; on two classes that definition is
   * twice the binary one, so the two are not comparable. Lower is better.
   */
  BRIER(Family.CLASSIFICATION, false),
  /** Root mean squared error, in the target's units. Lower is better. */
  RMSE(Family.REGRESSION, false),
  /** Mean absolute error, in the target's units. Lower is better. */
  MAE(Family.REGRESSION, false),
  /**
   * Coefficient of determination, {@code 1 - SS_res / SS_tot}. Undefined (empty) when the true
   * targets are all equal ({@code SS_tot = 0}); scikit-learn returns 1 or 0 there instead. Greater
   * is better.
   */
  R2(Family.REGRESSION, true);

  /** Which kind of prediction a metric reads. */
  private enum Family {
    CLASSIFICATION,
    REGRESSION
  }

  private final Family family;
  private final boolean greaterIsBetter;

  Metric(Family family, boolean greaterIsBetter) {
    this.family = family;
    this.greaterIsBetter = greaterIsBetter;
  }

  /** The lower-case name used in JSON and on the command line, e.g. {@code roc_auc}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this metric can score predictions for the task. */
  public boolean appliesTo(Task task) {
    return task.isClassification() == (family == Family.CLASSIFICATION);
  }

  /** Whether this metric reads class probabilities (else predicted values). */
  public boolean isClassification() {
    return family == Family.CLASSIFICATION;
  }

  /** The smallest value this metric can take (minus infinity for R²). */
  public double lowest() {
    return this == R2 ? Double.NEGATIVE_INFINITY : 0;
  }

  /** The largest value this metric can take (infinite for unbounded losses). */
  public double highest() {
    return switch (this) {
      case ACCURACY, BALANCED_ACCURACY, F1_MACRO, ROC_AUC, R2 -> 1;
      case BRIER -> 2;
      case LOG_LOSS, RMSE, MAE -> Double.POSITIVE_INFINITY;
    };
  }

  /** Whether a greater value is a better score (false for log loss, Brier, RMSE and MAE). */
  public boolean greaterIsBetter() {
    return greaterIsBetter;
  }

  /** Whether {@code candidate} is a strictly better score than {@code incumbent}. */
  public boolean isBetter(double candidate, double incumbent) {
    return greaterIsBetter ? candidate > incumbent : candidate < incumbent;
  }

  /** The metrics that apply to the task, in declaration order. */
  public static List<Metric> forTask(Task task) {
    return Arrays.stream(values()).filter(m -> m.appliesTo(task)).toList();
  }

  /**
   * The metric with this label (case-insensitive, surrounding blanks ignored).
   *
   * @throws BadInputException for an unknown label; the message lists the allowed labels for
   *     classification and for regression
   */
  public static Metric parse(String label) {
    Metric metric = find(label);
    if (metric == null) {
      throw new BadInputException(
          "Unknown metric '"
              + label
              + "': expected one of "
              + labels(forTask(Task.BINARY))
              + " for classification or "
              + labels(forTask(Task.REGRESSION))
              + " for regression.");
    }
    return metric;
  }

  /**
   * The metric with this label, checked against the task.
   *
   * @throws BadInputException for a label that is unknown or names a metric that does not apply to
   *     the task; the message lists the labels allowed for the task
   */
  public static Metric parse(String label, Task task) {
    Metric metric = find(label);
    if (metric == null || !metric.appliesTo(task)) {
      throw new BadInputException(
          (metric == null ? "Unknown metric '" : "Metric '")
              + label
              + (metric == null ? "'" : "' does not apply")
              + " for a "
              + task.label()
              + " target: expected one of "
              + labels(forTask(task))
              + ".");
    }
    return metric;
  }

  private static Metric find(String label) {
    if (label == null) {
      return null;
    }
    String wanted = label.strip();
    for (Metric m : values()) {
      if (m.label().equalsIgnoreCase(wanted)) {
        return m;
      }
    }
    return null;
  }

  private static String labels(List<Metric> metrics) {
    return metrics.stream().map(Metric::label).collect(Collectors.joining(", "));
  }

  /**
   * Scores class probabilities.
   *
   * @param actual true class index of each row, in {@code [0, k)}
   * @param proba one row of {@code k >= 2} class probabilities per row of {@code actual}; rows are
   *     expected to sum to 1 (log loss renormalizes them, the other metrics read them as given)
   * @return the score, or empty where this metric is undefined on these rows
   * @throws IllegalStateException if this is a regression metric
   * @throws IllegalArgumentException if there are no rows, the lengths differ, a row of {@code
   *     proba} has a different width or a non-finite value, or a class index is out of range
   */
  public OptionalDouble compute(int[] actual, double[][] proba) {
    if (family != Family.CLASSIFICATION) {
      throw new IllegalStateException(
          label() + " scores predicted values; call compute(double[], double[])");
    }
    Metrics.checkClassification(actual, proba);
    return switch (this) {
      case ACCURACY -> OptionalDouble.of(Metrics.accuracy(actual, proba));
      case BALANCED_ACCURACY -> OptionalDouble.of(Metrics.balancedAccuracy(actual, proba));
      case F1_MACRO -> OptionalDouble.of(Metrics.f1Macro(actual, proba));
      case LOG_LOSS -> OptionalDouble.of(Metrics.logLoss(actual, proba));
      case ROC_AUC -> Metrics.rocAuc(actual, proba);
      case BRIER -> OptionalDouble.of(Metrics.brier(actual, proba));
      case RMSE, MAE, R2 -> throw new AssertionError(this);
    };
  }

  /**
   * A count-based class metric (accuracy, balanced accuracy, macro F1) from per-class counts of
   * some rows: what {@link #compute(int[], double[][])} gives on those rows, for a backend that
   * only counts them (Spark's distributed metrics).
   *
   * @param hits rows of each class predicted as that class
   * @param truth rows of each true class
   * @param predicted rows predicted as each class
   * @throws IllegalStateException for a metric that needs more than counts
   */
  public double fromCounts(long[] hits, long[] truth, long[] predicted) {
    return switch (this) {
      case ACCURACY -> (double) Arrays.stream(hits).sum() / Arrays.stream(truth).sum();
      case BALANCED_ACCURACY -> Metrics.balancedAccuracy(hits, truth);
      case F1_MACRO -> Metrics.f1Macro(hits, truth, predicted);
      default -> throw new IllegalStateException(label() + " is not computed from counts");
    };
  }

  /**
   * Scores predicted values.
   *
   * @param actual true target values
   * @param predicted one prediction per row of {@code actual}
   * @return the score, or empty where this metric is undefined on these rows
   * @throws IllegalStateException if this is a classification metric
   * @throws IllegalArgumentException if there are no rows, the lengths differ or a value is not
   *     finite
   */
  public OptionalDouble compute(double[] actual, double[] predicted) {
    if (family != Family.REGRESSION) {
      throw new IllegalStateException(
          label() + " scores class probabilities; call compute(int[], double[][])");
    }
    Metrics.checkRegression(actual, predicted);
    return switch (this) {
      case RMSE -> OptionalDouble.of(Metrics.rmse(actual, predicted));
      case MAE -> OptionalDouble.of(Metrics.mae(actual, predicted));
      case R2 -> Metrics.r2(actual, predicted);
      case ACCURACY, BALANCED_ACCURACY, F1_MACRO, LOG_LOSS, ROC_AUC, BRIER ->
          throw new AssertionError(this);
    };
  }
}
