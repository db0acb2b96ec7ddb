package dev.plumb.diagnose;

import dev.plumb.evaluate.Metric;
import java.util.OptionalDouble;

/**
 * The bias/variance table of one learner, in the run's metric: the target, and the scores on
 * training, validation and (with {@code --test}) test rows. The gaps between consecutive rows
 * name the problem: target to training is avoidable bias, training to validation is variance,
 * validation to test is a shift between the data sets. Immutable.
 *
 * @param target the score aimed at: {@code --goal}, else the best validation score found
 * @param targetSource {@code goal} or {@code best validation}
 * @param train the training score at the largest size
 * @param validation the validation score at the largest size
 * @param test the score on the test file, trained on all the rows
 */
public record Decomposition(double target, String targetSource, double train, double validation,
    OptionalDouble test) {
  /** How much worse training is than the target, in score units (0 when not worse). */
  public double avoidableBias(Metric metric) {
    return worse(metric, train, target);
  }

  /** How much worse validation is than training (0 when not worse). */
  public double variance(Metric metric) {
    return worse(metric, validation, train);
  }

  /** How much worse the test score is than validation, when there is one (0 when not worse). */
  public OptionalDouble shift(Metric metric) {
    return test.isPresent() ? OptionalDouble.of(worse(metric, test.getAsDouble(), validation))
        : OptionalDouble.empty();
  }

  private static double worse(Metric metric, double a, double b) {
    double d = metric.greaterIsBetter() ? b - a : a - b;
    return Math.max(0, d);
  }
}
