package dev.plumb.learn.tribuo;

import dev.plumb.learn.Model;
import dev.plumb.learn.ModelSize;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A fitted Tribuo classifier seen as a Plumb {@link Model}: Tribuo's per-label scores become
 * probabilities in {@code TrainingSet.classNames()} order, zero for classes the training rows did
 * not contain. Serialized as Tribuo's protobuf form of the model ({@link TribuoBytes}), never
 * by Java serialization of Tribuo's objects. Immutable; safe to call from several threads (the
 * Tribuo models used here predict without shared mutable state).
 */
final class TribuoClassifier implements Model {
  private static final long serialVersionUID = 1L;

  private final org.tribuo.Model<Label> model;
  private final String[] featureNames;
  private final List<String> classNames;
  private final Map<String, Integer> classIndex;
  private final int numClasses;
  /** The serialized size, 0 until computed (also after loading). */
  private transient volatile long sizeBytes;

  TribuoClassifier(org.tribuo.Model<Label> model, String[] featureNames, List<String> classNames) {
    this.model = model;
    this.featureNames = featureNames.clone();
    this.classNames = List.copyOf(classNames);
    this.numClasses = classNames.size();
    this.classIndex = new HashMap<>();
    for (int c = 0; c < numClasses; c++) {
      classIndex.put(classNames.get(c), c);
    }
  }

  @Override
  public double[][] predictProba(double[][] x) {
    double[][] proba = new double[x.length][];
    for (int from = 0; from < x.length; from += TribuoData.BATCH) {
      int to = Math.min(x.length, from + TribuoData.BATCH);
      List<Prediction<Label>> predictions = model.predict(
          TribuoData.examples(x, from, to, featureNames, LabelFactory.UNKNOWN_LABEL));
      for (int i = from; i < to; i++) {
        proba[i] = toProbabilities(predictions.get(i - from));
      }
    }
    return proba;
  }

  /**
   * Tribuo's scores, keyed by label name, into class-index order. Liblinear's logistic scores and
   * the k-NN vote shares already sum to 1 up to rounding; dividing by the sum makes it exact. A
   * degenerate row (all scores zero or not finite) falls back to the predicted label.
   */
  private double[] toProbabilities(Prediction<Label> prediction) {
    double[] p = new double[numClasses];
    double sum = 0;
    for (Label label : prediction.getOutputScores().values()) {
      Integer c = classIndex.get(label.getLabel());
      double score = label.getScore();
      if (c != null && score > 0 && Double.isFinite(score)) {
        p[c] = score;
        sum += score;
      }
    }
    if (sum > 0) {
      for (int c = 0; c < numClasses; c++) {
        p[c] /= sum;
      }
    } else {
      Integer c = classIndex.get(prediction.getOutput().getLabel());
      if (c == null) {
        throw new IllegalStateException("Tribuo predicted label '"
            + prediction.getOutput().getLabel() + "', which is not a class of the training set");
      }
      p[c] = 1;
    }
    return p;
  }

  @Override
  public double[] predict(double[][] x) {
    throw new UnsupportedOperationException(
        "a classifier predicts probabilities: use predictProba");
  }

  /**
   * The byte count of this model's serialized form: Tribuo's protobuf bytes and the names
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
    return new SerialForm(TribuoBytes.of(model), featureNames, classNames.toArray(new String[0]));
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Tribuo classifier is read through its serial form");
  }

  /**
   * What a saved classifier holds.
   *
   * @param model Tribuo's protobuf form of the model
   * @param featureNames the Tribuo feature names, in column order
   * @param classNames Plumb's class names, in class-index order
   */
  private record SerialForm(byte[] model, String[] featureNames, String[] classNames)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() throws InvalidObjectException {
      org.tribuo.Model<?> loaded = TribuoBytes.read(model);
      if (!loaded.validate(Label.class)) {
        throw new InvalidObjectException("the Tribuo model does not predict class labels");
      }
      @SuppressWarnings("unchecked")
      org.tribuo.Model<Label> labels = (org.tribuo.Model<Label>) loaded;
      return new TribuoClassifier(labels, featureNames, List.of(classNames));
    }
  }
}
