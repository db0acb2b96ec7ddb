package dev.plumb.learn.tribuo;

import dev.plumb.learn.Model;
import java.util.List;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A fitted Tribuo regressor seen as a Plumb {@link Model}: the value of its one output dimension.
 * Immutable; safe to call from several threads.
 */
final class TribuoRegressor implements Model {
  private final org.tribuo.Model<Regressor> model;
  private final String[] featureNames;
  private volatile long sizeBytes = -1;

  TribuoRegressor(org.tribuo.Model<Regressor> model, String[] featureNames) {
    this.model = model;
    this.featureNames = featureNames;
  }

  @Override
  public double[] predict(double[][] x) {
    double[] y = new double[x.length];
    for (int from = 0; from < x.length; from += TribuoData.BATCH) {
      int to = Math.min(x.length, from + TribuoData.BATCH);
      List<Prediction<Regressor>> predictions = model.predict(
          TribuoData.examples(x, from, to, featureNames, RegressionFactory.UNKNOWN_REGRESSOR));
      for (int i = from; i < to; i++) {
        y[i] = predictions.get(i - from).getOutput().getValues()[0];
      }
    }
    return y;
  }

  @Override
  public double[][] predictProba(double[][] x) {
    throw new UnsupportedOperationException("a regressor has no class probabilities: use predict");
  }

  /** The byte count of Tribuo's protobuf serialization of the model (computed once, on demand). */
  @Override
  public long sizeBytes() {
    long size = sizeBytes;
    if (size < 0) {
      size = model.serialize().getSerializedSize();
      sizeBytes = size;
    }
    return size;
  }
}
