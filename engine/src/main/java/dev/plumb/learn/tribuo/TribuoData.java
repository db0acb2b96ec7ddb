package dev.plumb.learn.tribuo;

import dev.plumb.learn.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Turns Plumb's dense rows into Tribuo examples and datasets.
 *
 * <p>Tribuo identifies features by name and keeps each example's features sorted by name, so the
 * names must be unique and should sort in column order. Plumb's feature names are neither
 * guaranteed unique after sanitizing nor sorted, so each Tribuo name is the zero-padded column
 * index followed by a sanitized copy of Plumb's name ({@code 03_color=red}): unique by
 * construction, in column order, and still readable in Tribuo's provenance. Stateless.
 */
final class TribuoData {
  /** The name of the single regression output dimension. */
  static final String TARGET = "y";

  /** Rows per call to {@code Model.predict(List)}: bounds the examples alive at once. */
  static final int BATCH = 4096;

  private static final int MAX_NAME = 48;

  private TribuoData() {}

  /** The Tribuo feature names for Plumb's, in column order (see the class comment). */
  static String[] featureNames(List<String> plumbNames) {
    int width = Integer.toString(Math.max(0, plumbNames.size() - 1)).length();
    String[] names = new String[plumbNames.size()];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      sb.setLength(0);
      String index = Integer.toString(i);
      sb.append("0".repeat(width - index.length())).append(index).append('_');
      String name = plumbNames.get(i);
      for (int c = 0; c < name.length() && c < MAX_NAME; c++) {
        char ch = name.charAt(c);
        boolean plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
            || (ch >= '0' && ch <= '9') || ch == '_' || ch == '=' || ch == '.' || ch == '-';
        sb.append(plain ? ch : '_');
      }
      names[i] = sb.toString();
    }
    return names;
  }

  /** A dataset with one {@link Label} per row, named by the row's class. */
  static MutableDataset<Label> classification(TrainingSet data, String[] names) {
    checkFittable(data);
    Label[] labels = new Label[data.numClasses()];
    for (int c = 0; c < labels.length; c++) {
      labels[c] = new Label(data.classNames().get(c));
    }
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(provenance(factory), factory);
    double[][] x = data.x();
    int[] classes = data.classes();
    for (int i = 0; i < x.length; i++) {
      dataset.add(new ArrayExample<>(labels[classes[i]], names, checkRow(x, i, names.length)));
    }
    return dataset;
  }

  /** A dataset with a one-dimensional {@link Regressor} named {@value #TARGET} per row. */
  static MutableDataset<Regressor> regression(TrainingSet data, String[] names) {
    checkFittable(data);
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> dataset = new MutableDataset<>(provenance(factory), factory);
    double[][] x = data.x();
    double[] y = data.y();
    for (int i = 0; i < x.length; i++) {
      Regressor target = new Regressor(TARGET, y[i]);
      dataset.add(new ArrayExample<>(target, names, checkRow(x, i, names.length)));
    }
    return dataset;
  }

  /**
   * Unlabelled examples for rows {@code from} (inclusive) to {@code to} (exclusive).
   * {@code ArrayExample} copies the name and value arrays, so {@code x} is not aliased.
   *
   * @throws IllegalArgumentException when a row does not have one value per feature
   */
  static <T extends Output<T>> List<Example<T>> examples(double[][] x, int from, int to,
      String[] names, T unknown) {
    List<Example<T>> examples = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      examples.add(new ArrayExample<>(unknown, names, checkRow(x, i, names.length)));
    }
    return examples;
  }

  private static <T extends Output<T>> SimpleDataSourceProvenance provenance(OutputFactory<T> f) {
    return new SimpleDataSourceProvenance("plumb training set", f);
  }

  private static void checkFittable(TrainingSet data) {
    if (data.rows() == 0) {
      throw new IllegalArgumentException("the training set has no rows");
    }
    if (data.features() == 0) {
      throw new IllegalArgumentException(
          "Tribuo learners need at least one feature, and the training set has none");
    }
  }

  private static double[] checkRow(double[][] x, int i, int features) {
    if (x[i].length != features) {
      throw new IllegalArgumentException("row " + i + " has " + x[i].length
          + " feature values; the model was fitted on " + features);
    }
    return x[i];
  }
}
