package dev.plumb.learn.smile;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import dev.plumb.learn.FeatureGroup;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Training sets built from arrays, and iris, for the Smile adapter tests. */
final class Fixtures {
  private Fixtures() {}

  static Learner learner(String spec, Task task) {
    return new SmileLearners().create(LearnerSpec.parse(spec), task);
  }

  static TrainingSet classes(double[][] x, int[] y, int numClasses) {
    List<String> names = IntStream.range(0, numClasses).mapToObj(c -> "c" + c).toList();
    Task task = numClasses == 2 ? Task.BINARY : Task.MULTICLASS;
    return TrainingSet.classification(task, x, y, names, featureNames(x), List.of());
  }

  static TrainingSet numbers(double[][] x, double[] y) {
    return TrainingSet.regression(x, y, featureNames(x), List.of());
  }

  private static List<String> featureNames(double[][] x) {
    return IntStream.range(0, x[0].length).mapToObj(j -> "x" + j).toList();
  }

  /**
   * Rows of {@code numbers} followed by a one-hot block of {@code levels} features, as the
   * preprocessor writes a category: row {@code i} has level {@code level[i]}, or no feature set
   * when {@code level[i]} is -1.
   */
  static double[][] withCategory(double[][] numbers, int[] level, int levels) {
    double[][] x = new double[numbers.length][];
    for (int i = 0; i < x.length; i++) {
      int p = numbers[i].length;
      x[i] = Arrays.copyOf(numbers[i], p + levels);
      if (level[i] >= 0) {
        x[i][p + level[i]] = 1;
      }
    }
    return x;
  }

  /** Names {@code x0, x1, ...} for the numbers, then {@code c=0, c=1, ...} for the category. */
  static List<String> categoryNames(int numbers, int levels) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < numbers; j++) {
      names.add("x" + j);
    }
    for (int l = 0; l < levels; l++) {
      names.add("c=" + l);
    }
    return names;
  }

  /** Groups of {@link #withCategory} rows: one per number, one one-hot group {@code c}. */
  static List<FeatureGroup> categoryGroups(int numbers, int levels) {
    List<FeatureGroup> groups = new ArrayList<>();
    for (int j = 0; j < numbers; j++) {
      groups.add(new FeatureGroup("x" + j, FeatureGroup.Kind.NUMERIC, j, 1));
    }
    groups.add(new FeatureGroup("c", FeatureGroup.Kind.ONE_HOT, numbers, levels));
    return groups;
  }

  /** A classification set of {@link #withCategory} rows with {@code numbers} numbers. */
  static TrainingSet classesWithCategory(double[][] x, int[] y, int numClasses, int numbers) {
    int levels = x[0].length - numbers;
    List<String> names = IntStream.range(0, numClasses).mapToObj(c -> "c" + c).toList();
    Task task = numClasses == 2 ? Task.BINARY : Task.MULTICLASS;
    return TrainingSet.classification(task, x, y, names, categoryNames(numbers, levels),
        categoryGroups(numbers, levels));
  }

  /** A regression set of {@link #withCategory} rows with {@code numbers} numbers. */
  static TrainingSet numbersWithCategory(double[][] x, double[] y, int numbers) {
    int levels = x[0].length - numbers;
    return TrainingSet.regression(x, y, categoryNames(numbers, levels),
        categoryGroups(numbers, levels));
  }

  /** Iris: the four measurements, and the species as classes 0..2 (alphabetical order). */
  static TrainingSet iris() {
    Table t = CsvTableReader.read(Path.of("../datasets/iris.csv"), CsvOptions.defaults()).table();
    int n = t.rowCount();
    double[][] x = new double[n][4];
    for (int j = 0; j < 4; j++) {
      NumericColumn c = (NumericColumn) t.column(j);
      for (int i = 0; i < n; i++) {
        x[i][j] = c.get(i);
      }
    }
    CategoricalColumn species = (CategoricalColumn) t.column(4);
    int[] y = IntStream.range(0, n).map(species::code).toArray();
    return TrainingSet.classification(Task.MULTICLASS, x, y, species.levels(),
        List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), List.of());
  }

  /** {@code n} rows of {@code p} uniform features in [0, 1). */
  static double[][] uniform(int n, int p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        row[j] = r.nextDouble();
      }
    }
    return x;
  }

  /** A noisy two-class problem: class 1 when x0 + x1 plus noise exceeds 1. */
  static TrainingSet noisyBinary(int n, int p, long seed) {
    double[][] x = uniform(n, p, seed);
    SplittableRandom r = new SplittableRandom(seed + 1);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i][0] + x[i][1] + 0.3 * r.nextGaussian() > 1 ? 1 : 0;
    }
    return classes(x, y, 2);
  }

  static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  static double accuracy(double[][] proba, int[] y) {
    int right = 0;
    for (int i = 0; i < y.length; i++) {
      if (argmax(proba[i]) == y[i]) {
        right++;
      }
    }
    return (double) right / y.length;
  }
}
