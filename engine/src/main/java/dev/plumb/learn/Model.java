package dev.plumb.learn;

import java.io.Serializable;

/**
 * A fitted learner. Implementations are immutable after fitting and safe to call from several
 * threads.
 *
 * <p>Models are serializable, so that {@link ModelFile} can save them with their preprocessing. An
 * implementation's serialized form holds only what predicting needs, never off-heap memory or
 * other runtime state (rebuild that on load with a serialization proxy), and consists only of
 * classes on {@link ModelFile}'s allow-list; models of other libraries may store those libraries'
 * own portable format as bytes (Tribuo models keep their protobuf form).
 */
public interface Model extends Serializable {
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

  /**
   * The size of the serialized model in bytes: exactly what it takes in a {@link ModelFile}. By
   * default the model is serialized to count them; large models compute it once and keep it.
   */
  default long sizeBytes() {
    return ModelSize.javaSerialized(this);
  }
}
