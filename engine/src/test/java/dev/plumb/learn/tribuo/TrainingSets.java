package dev.plumb.learn.tribuo;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Training sets for the adapter tests: from small arrays, or a real CSV standardized here. */
final class TrainingSets {
  private TrainingSets() {}

  static List<String> features(int n) {
    return IntStream.range(0, n).mapToObj(i -> "x" + i).toList();
  }

  static TrainingSet classes(double[][] x, int[] classes, String... classNames) {
    Task task = classNames.length <= 2 ? Task.BINARY : Task.MULTICLASS;
    return TrainingSet.classification(task, x, classes, List.of(classNames),
        features(x[0].length), List.of());
  }

  static TrainingSet regression(double[][] x, double[] y) {
    return TrainingSet.regression(x, y, features(x[0].length), List.of());
  }

  /**
   * A CSV whose numeric columns are the features (standardized to mean 0, standard deviation 1)
   * and whose categorical column {@code target} is the class.
   */
  static TrainingSet standardizedCsv(String file, String target) {
    Table table =
        CsvTableReader.read(Path.of("../datasets/" + file), CsvOptions.defaults()).table();
    int n = table.rowCount();
    List<String> names = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    CategoricalColumn y = null;
    for (Column c : table.columns()) {
      if (c.name().equals(target)) {
        y = (CategoricalColumn) c;
      } else {
        names.add(c.name());
        columns.add(standardized(((NumericColumn) c).toArray()));
      }
    }
    double[][] x = new double[n][columns.size()];
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < columns.size(); j++) {
        x[i][j] = columns.get(j)[i];
      }
      classes[i] = y.code(i);
    }
    Task task = y.levelCount() <= 2 ? Task.BINARY : Task.MULTICLASS;
    return TrainingSet.classification(task, x, classes, y.levels(), names, List.of());
  }

  private static double[] standardized(double[] v) {
    double mean = 0;
    for (double d : v) {
      mean += d;
    }
    mean /= v.length;
    double ss = 0;
    for (double d : v) {
      ss += (d - mean) * (d - mean);
    }
    double sd = Math.sqrt(ss / v.length);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (v[i] - mean) / sd;
    }
    return out;
  }

  static double accuracy(double[][] proba, int[] classes) {
    int right = 0;
    for (int i = 0; i < proba.length; i++) {
      int best = 0;
      for (int c = 1; c < proba[i].length; c++) {
        if (proba[i][c] > proba[i][best]) {
          best = c;
        }
      }
      right += best == classes[i] ? 1 : 0;
    }
    return right / (double) proba.length;
  }
}
