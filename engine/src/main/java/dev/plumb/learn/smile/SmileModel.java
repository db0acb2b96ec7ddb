package dev.plumb.learn.smile;

import dev.plumb.learn.Model;
import dev.plumb.learn.ModelSize;

/**
 * What every fitted model of this package shares: the feature count that every input row must
 * match, the half of {@link Model} that does not apply to its task, and the size, which is the
 * length of the model's Java serialization (Smile's fitted models are serializable; subclasses
 * hold only them and plain arrays). Immutable after construction (the size is computed once, on
 * first request) and so safe to use from several threads.
 */
abstract class SmileModel implements Model {
  private static final long serialVersionUID = 1L;

  private final int features;
  private final boolean classifier;
  /** The serialized size, 0 until computed (also after loading, as the field is transient). */
  private transient volatile long size;

  /**
   * @param features how many features each row must have
   * @param classifier whether this model predicts classes
   */
  SmileModel(int features, boolean classifier) {
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

  /** Bytes of the Java serialization of this model; computed on first call. */
  @Override
  public long sizeBytes() {
    long s = size;
    if (s == 0) {
      s = ModelSize.javaSerialized(this);
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
