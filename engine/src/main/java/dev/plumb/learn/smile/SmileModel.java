package dev.plumb.learn.smile;

import dev.plumb.learn.Model;
import dev.plumb.learn.ModelSize;
import java.io.Serializable;

/**
 * What every fitted model of this package shares: the Smile object whose Java serialization is the
 * model's size, the feature count that every input row must match, and the half of
 * {@link Model} that does not apply to its task. Immutable after construction (the size is
 * computed once, on first request) and so safe to use from several threads.
 */
abstract class SmileModel implements Model {
  private final Serializable fitted;
  private final int features;
  private final boolean classifier;
  private volatile long size = -1;

  /**
   * @param fitted the Smile model, serialized to measure the size
   * @param features how many features each row must have
   * @param classifier whether this model predicts classes
   */
  SmileModel(Serializable fitted, int features, boolean classifier) {
    this.fitted = fitted;
    this.features = features;
    this.classifier = classifier;
  }

  @Override
  public double[][] predictProba(double[][] x) {
    if (!classifier) {
      throw new UnsupportedOperationException("a regression model has no class probabilities");
    }
    check(x);
    return proba(x);
  }

  @Override
  public double[] predict(double[][] x) {
    if (classifier) {
      throw new UnsupportedOperationException("a classification model predicts probabilities");
    }
    check(x);
    return values(x);
  }

  /** Class probabilities of rows already checked; classifiers override it. */
  double[][] proba(double[][] x) {
    throw new UnsupportedOperationException();
  }

  /** Values of rows already checked; regressors override it. */
  double[] values(double[][] x) {
    throw new UnsupportedOperationException();
  }

  /** Bytes of the Java serialization of the Smile model; computed on first call. */
  @Override
  public long sizeBytes() {
    long s = size;
    if (s < 0) {
      s = ModelSize.javaSerialized(fitted);
      size = s;
    }
    return s;
  }

  private void check(double[][] x) {
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != features) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length
            + " values; the model was fitted on " + features + " features");
      }
    }
  }
}
