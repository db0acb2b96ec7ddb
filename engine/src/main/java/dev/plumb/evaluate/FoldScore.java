package dev.plumb.evaluate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One learner's result on one fold. A metric that is undefined on a fold (ROC AUC with a single
 * class present) is absent from the map. Immutable.
 *
 * @param repeat the repetition
 * @param fold the fold within it
 * @param validation scores on the validation rows
 * @param train scores on the training rows (on a seeded sample of at most
 *     {@value CrossValidation#MAX_TRAIN_SCORING_ROWS} of them)
 * @param fitSeconds wall time of the fit
 * @param predictSecondsPer1000 wall time to predict 1,000 validation rows
 * @param confusion the validation confusion matrix, for classification
 */
public record FoldScore(
    int repeat,
    int fold,
    Map<Metric, Double> validation,
    Map<Metric, Double> train,
    double fitSeconds,
    double predictSecondsPer1000,
    java.util.Optional<ConfusionMatrix> confusion) {

  /** Copies the maps. */
  public FoldScore {
    validation = Collections.unmodifiableMap(copy(validation));
    train = Collections.unmodifiableMap(copy(train));
  }

  private static Map<Metric, Double> copy(Map<Metric, Double> m) {
    return m.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(m);
  }

  /** The validation score of {@code metric}, if defined on this fold. */
  public OptionalDouble score(Metric metric) {
    Double v = validation.get(metric);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
