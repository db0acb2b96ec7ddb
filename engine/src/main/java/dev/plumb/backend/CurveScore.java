package dev.plumb.backend;

import dev.plumb.evaluate.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One learning-curve fit: a learner trained on the hash-ordered subset of one fold's training
 * rows, scored on that subset and on the fold's whole validation part. Immutable.
 *
 * @param fraction the requested fraction of the fold's training rows
 * @param repeat the repetition
 * @param fold the fold within it
 * @param trainRows the subset's size
 * @param train scores on the subset (on at most the first 10,000 of its rows)
 * @param validation scores on the validation rows
 * @param fitSeconds wall time of the fit
 */
public record CurveScore(double fraction, int repeat, int fold, int trainRows,
    Map<Metric, Double> train, Map<Metric, Double> validation, double fitSeconds) {
  /** Copies the maps. */
  public CurveScore {
    train = Collections.unmodifiableMap(copy(train));
    validation = Collections.unmodifiableMap(copy(validation));
  }

  private static Map<Metric, Double> copy(Map<Metric, Double> m) {
    return m.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(m);
  }
}
