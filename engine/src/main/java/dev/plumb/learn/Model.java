package dev.plumb.learn;

/**
 * A fitted learner. Implementations are immutable after fitting and safe to call from several
 * threads.
 */
public interface Model {
  /**
   * Class probabilities for classification: one row per input row, one column per class of the
   * training set (in {@link TrainingSet#classNames()} order), each row summing to 1.
   *
   * @throws UnsupportedOperationException for regression models
   */
  double[][] predictProba(double[][] x);

  /**
   * Predicted values for regression.
   *
   * @throws UnsupportedOperationException for classification models
   */
  double[] predict(double[][] x);

  /** The size of the serialized model in bytes (what saving it would take). */
  long sizeBytes();
}
