package dev.plumb.evaluate;

import dev.plumb.learn.LearnerSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Everything measured for one learner across the folds: per-fold scores, or the reason it failed.
 * Immutable.
 *
 * @param spec the learner, with its full hyperparameters
 * @param error why it failed, if it did (then {@code folds} may be incomplete)
 * @param folds the per-fold scores, in fold order
 * @param sizeBytes serialized size of the model fitted on the first fold
 */
public record LearnerResult(
    LearnerSpec spec, Optional<String> error, List<FoldScore> folds, OptionalLong sizeBytes) {

  /** Copies the list. */
  public LearnerResult {
    folds = List.copyOf(folds);
  }

  /** Whether every fold ran. */
  public boolean ok() {
    return error.isEmpty();
  }

  /** Validation scores of {@code metric} per fold (NaN where undefined), in fold order. */
  public double[] validationScores(Metric metric) {
    return folds.stream().mapToDouble(f -> f.validation().getOrDefault(metric, Double.NaN))
        .toArray();
  }

  /** Summary of the validation scores, if the metric is defined on any fold. */
  public Optional<MetricSummary> validation(Metric metric, CorrectedTTest test) {
    return summarize(validationScores(metric), test, metric);
  }

  /** Summary of the training scores. */
  public Optional<MetricSummary> train(Metric metric, CorrectedTTest test) {
    return summarize(folds.stream().mapToDouble(f -> f.train().getOrDefault(metric, Double.NaN))
        .toArray(), test, metric);
  }

  /** Mean fit time over folds. */
  public OptionalDouble fitSeconds() {
    return folds.stream().mapToDouble(FoldScore::fitSeconds).average();
  }

  /** Mean prediction time per 1,000 rows over folds. */
  public OptionalDouble predictSecondsPer1000() {
    return folds.stream().mapToDouble(FoldScore::predictSecondsPer1000).average();
  }

  /** Mean, std and corrected 95% interval, the interval clipped to the metric's range. */
  static Optional<MetricSummary> summarize(double[] withNaN, CorrectedTTest test, Metric metric) {
    double[] v = Arrays.stream(withNaN).filter(Double::isFinite).toArray();
    if (v.length == 0) {
      return Optional.empty();
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    if (v.length == 1) {
      return Optional.of(new MetricSummary(mean, 0, new Interval(mean, mean, mean, 0.95), 1));
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double std = Math.sqrt(ss / (v.length - 1));
    Interval raw = test.meanInterval(v, CorrectedTTest.Correction.NADEAU_BENGIO);
    double half = raw.halfWidth();
    Interval ci = new Interval(mean, Math.min(mean, Math.max(metric.lowest(), mean - half)),
        Math.max(mean, Math.min(metric.highest(), mean + half)), raw.level());
    return Optional.of(new MetricSummary(mean, std, ci, v.length));
  }
}
