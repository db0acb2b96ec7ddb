package dev.plumb.learn.smile;

import smile.classification.Classifier;

/**
 * A Smile soft classifier on plain {@code double[]} rows (naive Bayes), predicting through Smile's
 * own {@code predict(x, posteriori)}. Smile's class {@code j} is Plumb class {@code labels[j]};
 * classes absent from training get probability 0. Thread-safe: the Smile model is read-only after
 * fitting.
 */
final class VectorClassifier extends SmileModel {
  private static final long serialVersionUID = 1L;

  private final Classifier<double[]> model;
  private final int[] labels;
  private final int numClasses;

  /**
   * @param model a soft Smile classifier
   * @param labels Plumb class index of each Smile class
   * @param numClasses the number of Plumb classes
   * @param features the feature count
   */
  VectorClassifier(Classifier<double[]> model, int[] labels, int numClasses, int features) {
    super(features, true);
    this.model = model;
    this.labels = labels.clone();
    this.numClasses = numClasses;
  }

  @Override
  double[][] proba(double[][] x) {
    double[][] out = new double[x.length][numClasses];
    double[] posteriori = new double[labels.length];
    for (int i = 0; i < x.length; i++) {
      model.predict(x[i], posteriori);
      for (int j = 0; j < labels.length; j++) {
        out[i][labels[j]] = posteriori[j];
      }
    }
    return out;
  }
}
