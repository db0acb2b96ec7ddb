package dev.plumb.diagnose;

import java.util.Arrays;
import java.util.Optional;

/**
 * Scores of one learner setting at one training size, one entry per fold (NaN where the fit
 * failed or the metric is undefined). Immutable (the arrays are copied in and out).
 *
 * @param trainSize training rows used on every fold
 * @param setting the swept parameter's value, or empty on a learning curve
 * @param train scores on the training rows (a seeded sample of at most 10,000 of them)
 * @param validation scores on the fold's validation rows
 * @param fitSeconds fit wall time per fold
 * @param error why a fit failed, if one did
 */
public record CurvePoint(int trainSize, Optional<String> setting, double[] train,
    double[] validation, double[] fitSeconds, Optional<String> error) {
  /** Copies the arrays. */
  public CurvePoint {
    train = train.clone();
    validation = validation.clone();
    fitSeconds = fitSeconds.clone();
  }

  @Override
  public double[] train() {
    return train.clone();
  }

  @Override
  public double[] validation() {
    return validation.clone();
  }

  @Override
  public double[] fitSeconds() {
    return fitSeconds.clone();
  }

  /** Mean training score over the folds where it is defined (NaN if none). */
  public double trainMean() {
    return mean(train);
  }

  /** Standard deviation of the training score over folds (0 with one fold). */
  public double trainStd() {
    return std(train);
  }

  /** Mean validation score. */
  public double validationMean() {
    return mean(validation);
  }

  /** Standard deviation of the validation score over folds. */
  public double validationStd() {
    return std(validation);
  }

  /** Mean fit seconds. */
  public double fitSecondsMean() {
    return mean(fitSeconds);
  }

  /** Whether every fold gave a validation score. */
  public boolean complete() {
    return Arrays.stream(validation).allMatch(Double::isFinite);
  }

  static double mean(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN);
  }

  static double std(double[] v) {
    double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
    if (f.length < 2) {
      return f.length == 1 ? 0 : Double.NaN;
    }
    double m = mean(f);
    double ss = 0;
    for (double x : f) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (f.length - 1));
  }
}
