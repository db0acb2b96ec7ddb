package dev.plumb.learn.smile;

import smile.regression.LinearModel;

/**
 * A Smile linear model (OLS or ridge) fitted on some of the features, predicting through Smile's
 * {@code predict(double[])}. {@code keep} lists the features the model saw, in order; the others
 * had no variance in training and so a coefficient of 0. Thread-safe: the Smile model is read-only
 * here (its online {@code update} methods are never called).
 */
final class LinearRegressor extends SmileModel {
  private static final long serialVersionUID = 1L;

  private final LinearModel model;
  private final int[] keep;

  /**
   * @param model the Smile model
   * @param keep the features it was fitted on, or {@code null} for all
   * @param features the feature count of the input rows
   */
  LinearRegressor(LinearModel model, int[] keep, int features) {
    super(features, false);
    this.model = model;
    this.keep = keep == null ? null : keep.clone();
  }

  @Override
  double[] values(double[][] x) {
    double[] out = new double[x.length];
    double[] kept = keep == null ? null : new double[keep.length];
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      if (kept != null) {
        for (int j = 0; j < keep.length; j++) {
          kept[j] = row[keep[j]];
        }
        row = kept;
      }
      out[i] = model.predict(row);
    }
    return out;
  }
}
