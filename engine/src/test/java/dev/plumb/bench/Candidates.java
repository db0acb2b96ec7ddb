package dev.plumb.bench;

import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import dev.plumb.learn.LearnerSpec;

/** Hand-made measurements for the bench tests. */
final class Candidates {
  private Candidates() {}

  /** A summary with this mean, standard deviation and fold count (the interval is not read). */
  static MetricSummary summary(double mean, double std, int folds) {
    return new MetricSummary(mean, std, new Interval(mean, mean, mean, 0.95), folds);
  }

  /**
   * A candidate that ran, with a score on {@code metric} over five folds (std 0.01), a latency
   * whose p99 is {@code p99Ms} (p50 a quarter, p90 half, max twice), a size and a training time.
   */
  static CandidateMeasurement measured(String name, Metric metric, double score, double p99Ms,
      long bytes, double trainSeconds) {
    return CandidateMeasurement.of(name, LearnerSpec.parse(name))
        .withScore(metric, summary(score, 0.01, 5))
        .withLatency(new Latency(p99Ms / 4, p99Ms / 2, p99Ms, p99Ms * 2))
        .withSize(bytes, bytes / 3)
        .withTrainSeconds(trainSeconds);
  }

  /** A candidate that failed. */
  static CandidateMeasurement failed(String name, String why) {
    return CandidateMeasurement.failed(name, LearnerSpec.parse(name), why);
  }
}
