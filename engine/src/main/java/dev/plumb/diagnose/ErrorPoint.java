package dev.plumb.diagnose;

import java.util.OptionalDouble;

/**
 * One point of a learning curve: the mean validation error of a learner trained on {@code size}
 * rows, and optionally the standard error of that mean. Immutable.
 *
 * <p>The error is whatever should fall with more data: {@code 1 − accuracy}, {@code 1 − AUC}, RMSE,
 * log loss. The standard error weights the point in {@link PowerLawFitter} ({@code 1/se²}) and sets
 * the scale of the fit's intervals; without it every point weighs the same and the scale comes from
 * the residuals.
 *
 * @param size number of training rows, at least 1 and finite
 * @param error mean validation error at that size, finite
 * @param standardError standard error of {@code error}, finite and at least 0, if known
 * @throws IllegalArgumentException if a value is out of range
 */
public record ErrorPoint(double size, double error, OptionalDouble standardError) {
  /** Checks ranges. */
  public ErrorPoint {
    if (!(size >= 1) || Double.isInfinite(size)) {
      throw new IllegalArgumentException(
          "training size must be a number of rows, at least 1 and finite, got "
              + size
              + (size > 0 && size < 1 ? " (a fraction? give the number of rows)" : ""));
    }
    if (!Double.isFinite(error)) {
      throw new IllegalArgumentException("error at size " + size + " must be finite, got " + error);
    }
    if (standardError == null) {
      throw new IllegalArgumentException("standard error must not be null; use empty if unknown");
    }
    if (standardError.isPresent()) {
      double se = standardError.getAsDouble();
      if (!(se >= 0) || Double.isInfinite(se)) {
        throw new IllegalArgumentException(
            "standard error at size " + size + " must be finite and at least 0, got " + se);
      }
    }
  }

  /** A point with no standard error. */
  public static ErrorPoint of(double size, double error) {
    return new ErrorPoint(size, error, OptionalDouble.empty());
  }

  /** A point whose mean error has a known standard error. */
  public static ErrorPoint of(double size, double error, double standardError) {
    return new ErrorPoint(size, error, OptionalDouble.of(standardError));
  }

  /**
   * A point from the errors of {@code k} folds at one size: their mean, with the standard error
   * {@code s/√k} ({@code s} the sample standard deviation, denominator {@code k − 1}).
   *
   * <p>This treats the folds as independent. Their training sets overlap, so the true standard
   * error is larger (see {@link dev.plumb.evaluate.CorrectedTTest}); {@link PowerLawFitter} widens
   * its intervals when the points scatter about the curve more than these errors allow, and callers
   * who know the split sizes may pass a corrected standard error to {@link #of(double, double,
   * double)} instead.
   *
   * @throws IllegalArgumentException if there are fewer than 2 folds or an error is not finite
   */
  public static ErrorPoint ofFolds(double size, double... foldErrors) {
    int k = foldErrors.length;
    if (k < 2) {
      throw new IllegalArgumentException(
          "a standard error needs the errors of at least 2 folds at size " + size + ", got " + k);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      if (!Double.isFinite(foldErrors[j])) {
        throw new IllegalArgumentException(
            "error of fold " + j + " at size " + size + " must be finite, got " + foldErrors[j]);
      }
      sum += foldErrors[j];
    }
    double mean = sum / k;
    double ss = 0;
    for (double e : foldErrors) {
      ss += (e - mean) * (e - mean);
    }
    return of(size, mean, Math.sqrt(ss / (k - 1) / k));
  }
}
