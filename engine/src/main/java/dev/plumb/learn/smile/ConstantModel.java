package dev.plumb.learn.smile;

import dev.plumb.learn.Model;
import java.util.Arrays;

/**
 * A prediction that ignores the features, for training sets Smile refuses: rows of a single class
 * (Smile throws {@code "Only one class."}, yet a cross-validation fold of a rare-class problem can
 * have one) get that class with probability 1; a ridge regression whose every feature is constant
 * gets the training mean, which is what its intercept would be. Immutable and thread-safe.
 */
final class ConstantModel implements Model {
  private static final long serialVersionUID = 1L;

  /** The class probabilities, or the one predicted value for regression. */
  private final double[] output;
  private final boolean classifier;

  private ConstantModel(double[] output, boolean classifier) {
    this.output = output;
    this.classifier = classifier;
  }

  /** Class {@code label} of {@code numClasses}, always. */
  static ConstantModel oneClass(int label, int numClasses) {
    double[] proba = new double[numClasses];
    proba[label] = 1;
    return new ConstantModel(proba, true);
  }

  /** {@code value}, always. */
  static ConstantModel value(double value) {
    return new ConstantModel(new double[] {value}, false);
  }

  @Override
  public double[][] predictProba(double[][] x) {
    if (!classifier) {
      throw new UnsupportedOperationException("a regression model has no class probabilities");
    }
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = output.clone();
    }
    return out;
  }

  @Override
  public double[] predict(double[][] x) {
    if (classifier) {
      throw new UnsupportedOperationException("a classification model predicts probabilities");
    }
    double[] out = new double[x.length];
    Arrays.fill(out, output[0]);
    return out;
  }
}
