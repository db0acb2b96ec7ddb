package dev.plumb.evaluate;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import dev.plumb.learn.FeatureSelection;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.learn.Learner;
import dev.plumb.learn.Model;
import dev.plumb.learn.Preprocessor;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A supervised problem on a table: the target, the task, the labelled rows (rows with a missing
 * target are left out and counted), the target encoded per labelled row, and the feature columns.
 * Folds index labelled rows by position {@code 0..size()-1}; {@link #row(int)} maps a position to
 * the table row. Immutable by contract (arrays are not exposed).
 */
public final class Problem {
  private final Table table;
  private final String target;
  private final Task task;
  private final int[] rows;
  private final int[] classes;
  private final double[] values;
  private final List<String> classNames;
  private final FeatureSelection features;
  private final int droppedRows;

  private Problem(Table table, String target, Task task, int[] rows, int[] classes, double[] values,
      List<String> classNames, FeatureSelection features, int droppedRows) {
    this.table = table;
    this.target = target;
    this.task = task;
    this.rows = rows;
    this.classes = classes;
    this.values = values;
    this.classNames = List.copyOf(classNames);
    this.features = features;
    this.droppedRows = droppedRows;
  }

  /**
   * The problem of predicting {@code target} in {@code table}; the task is detected unless given.
   *
   * @throws BadInputException when the target is missing everywhere, constant, has one class, or
   *     cannot be used for the requested task, or when no feature column is usable
   */
  public static Problem of(Table table, String target, Optional<Task> requested) {
    Column t = table.require(target, "target");
    int[] labelled = IntStream.range(0, table.rowCount()).filter(r -> !t.isMissing(r)).toArray();
    if (labelled.length == 0) {
      throw new BadInputException("target '" + target + "' is missing in every row; choose"
          + " another target column");
    }
    Task detected = Task.detect(t);
    Task task = requested.orElse(detected);
    if (task == Task.REGRESSION && !(t instanceof NumericColumn)) {
      throw new BadInputException("target '" + target + "' is " + t.type().label()
          + ", not numeric, so it cannot be a regression target; use --task classification");
    }
    if (t.type() == ColumnType.DATETIME) {
      throw new BadInputException("target '" + target + "' holds date-times; predict a number or a"
          + " class derived from it instead");
    }
    FeatureSelection features = FeatureSelection.of(table, target);
    if (features.features().isEmpty()) {
      throw new BadInputException("no usable feature columns besides the target '" + target + "' ("
          + String.join("; ", features.notes()) + "); add feature columns");
    }
    int dropped = table.rowCount() - labelled.length;
    if (task.isClassification()) {
      List<String> names = classNames(t, labelled);
      if (names.size() < 2) {
        throw new BadInputException("target '" + target + "' has a single class ('" + names.get(0)
            + "'); there is nothing to predict");
      }
      task = names.size() == 2 ? Task.BINARY : Task.MULTICLASS;
      int[] classes = new int[labelled.length];
      for (int i = 0; i < labelled.length; i++) {
        classes[i] = names.indexOf(label(t, labelled[i]));
      }
      return new Problem(table, target, task, labelled, classes, null, names, features, dropped);
    }
    NumericColumn num = (NumericColumn) t;
    double[] values = IntStream.of(labelled).mapToDouble(num::get).toArray();
    if (Arrays.stream(values).distinct().count() == 1) {
      throw new BadInputException("target '" + target + "' has the same value (" + values[0]
          + ") in every row; there is nothing to predict");
    }
    return new Problem(table, target, Task.REGRESSION, labelled, null, values, List.of(), features,
        dropped);
  }

  private static List<String> classNames(Column t, int[] rows) {
    if (t instanceof NumericColumn num) {
      TreeSet<Double> distinct = new TreeSet<>();
      for (int r : rows) {
        distinct.add(num.get(r));
      }
      List<String> out = new ArrayList<>();
      for (double d : distinct) {
        out.add(NumericColumn.formatNumber(d));
      }
      return out;
    }
    CategoricalColumn cat = (CategoricalColumn) t;
    boolean[] seen = new boolean[cat.levelCount()];
    for (int r : rows) {
      seen[cat.code(r)] = true;
    }
    List<String> out = new ArrayList<>();
    for (int l = 0; l < seen.length; l++) {
      if (seen[l]) {
        out.add(cat.level(l));
      }
    }
    return out;
  }

  private static String label(Column t, int row) {
    return t instanceof NumericColumn num ? NumericColumn.formatNumber(num.get(row)) : t.text(row);
  }

  /** The table. */
  public Table table() {
    return table;
  }

  /** The target column name. */
  public String target() {
    return target;
  }

  /** The task. */
  public Task task() {
    return task;
  }

  /** Number of labelled rows. */
  public int size() {
    return rows.length;
  }

  /** The table row of labelled position {@code i}. */
  public int row(int i) {
    return rows[i];
  }

  /** The table rows of the given labelled positions. */
  public int[] rows(int[] positions) {
    int[] out = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = rows[positions[i]];
    }
    return out;
  }

  /** Class index per labelled position (a copy), for classification. */
  public int[] classes() {
    return classes.clone();
  }

  /** Class indices of the given positions. */
  public int[] classes(int[] positions) {
    int[] out = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = classes[positions[i]];
    }
    return out;
  }

  /** Target values of the given positions, for regression. */
  public double[] values(int[] positions) {
    double[] out = new double[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = values[positions[i]];
    }
    return out;
  }

  /** Class names in class-index order (empty for regression). */
  public List<String> classNames() {
    return classNames;
  }

  /** Rows of each class, in class-index order. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int c : classes) {
      counts[c]++;
    }
    return counts;
  }

  /** The feature columns and the notes on the excluded ones. */
  public FeatureSelection features() {
    return features;
  }

  /**
   * A pipeline fitted on the labelled positions {@code positions}: the preprocessing fitted on
   * their rows, and {@code learner} fitted on the result with {@code seed}.
   *
   * @throws IllegalArgumentException when the learner cannot fit the rows
   */
  public FittedPipeline fitPipeline(Learner learner, int[] positions, long seed) {
    int[] tableRows = rows(positions);
    Preprocessor.Fitted pre = Preprocessor.fit(features.features(), tableRows);
    double[][] x = pre.transform(tableRows);
    TrainingSet set = task.isClassification()
        ? TrainingSet.classification(task, x, classes(positions), classNames, pre.featureNames(),
            pre.groups())
        : TrainingSet.regression(x, values(positions), pre.featureNames(), pre.groups());
    Model model = learner.fit(set, seed);
    return new FittedPipeline(learner.spec(), task, target, classNames, pre, model);
  }

  /** A pipeline fitted on every labelled row; see {@link #fitPipeline(Learner, int[], long)}. */
  public FittedPipeline fitPipeline(Learner learner, long seed) {
    return fitPipeline(learner, IntStream.range(0, rows.length).toArray(), seed);
  }

  /** Rows left out because their target was missing. */
  public int droppedRows() {
    return droppedRows;
  }
}
