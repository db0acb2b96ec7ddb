package dev.plumb.learn.tribuo;

import dev.plumb.learn.Model;
import dev.plumb.learn.ModelSize;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A fitted Tribuo regressor seen as a Plumb {@link Model}: the value of its one output dimension.
 * Serialized as Tribuo's protobuf form of the model, like {@link TribuoClassifier}. Immutable;
 * safe to call from several threads.
 */
final class TribuoRegressor implements Model {
  private static final long serialVersionUID = 1L;

  private final org.tribuo.Model<Regressor> model;
  private final String[] featureNames;
  /** The serialized size, 0 until computed (also after loading). */
  private transient volatile long sizeBytes;

  TribuoRegressor(org.tribuo.Model<Regressor> model, String[] featureNames) {
    this.model = model;
    this.featureNames = featureNames.clone();
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

  /**
   * The byte count of this model's serialized form: Tribuo's protobuf bytes and the feature names
   * (computed once, on demand).
   */
  @Override
  public long sizeBytes() {
    long size = sizeBytes;
    if (size == 0) {
      size = ModelSize.javaSerialized(this);
      sizeBytes = size;
    }
    return size;
  }

  private Object writeReplace() {
    return new SerialForm(TribuoBytes.of(model), featureNames);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Tribuo regressor is read through its serial form");
  }

  /**
   * What a saved regressor holds.
   *
   * @param model Tribuo's protobuf form of the model
   * @param featureNames the Tribuo feature names, in column order
   */
  private record SerialForm(byte[] model, String[] featureNames) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() throws InvalidObjectException {
      org.tribuo.Model<?> loaded = TribuoBytes.read(model);
      if (!loaded.validate(Regressor.class)) {
        throw new InvalidObjectException("the Tribuo model does not predict numbers");
      }
      @SuppressWarnings("unchecked")
      org.tribuo.Model<Regressor> values = (org.tribuo.Model<Regressor>) loaded;
      return new TribuoRegressor(values, featureNames);
    }
  }
}
