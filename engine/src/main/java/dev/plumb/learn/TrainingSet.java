package dev.plumb.learn;

import dev.plumb.plan.Task;
import java.util.List;
import java.util.Objects;

/**
 * The rows a learner fits on, after preprocessing: dense numeric features without missing values
 * ({@code x[row][feature]}), and the target as class indices or numbers.
 *
 * <p>For speed the arrays are shared, not copied: learners must not modify them. Immutable by
 * contract, and so safe to share between threads.
 */
public final class TrainingSet {
  private final Task task;
  private final double[][] x;
  private final int[] classes;
  private final double[] y;
  private final List<String> classNames;
  private final List<String> featureNames;
  private final List<FeatureGroup> groups;

  private TrainingSet(Task task, double[][] x, int[] classes, double[] y, List<String> classNames,
      List<String> featureNames, List<FeatureGroup> groups) {
    this.task = task;
    this.x = x;
    this.classes = classes;
    this.y = y;
    this.classNames = List.copyOf(classNames);
    this.featureNames = List.copyOf(featureNames);
    this.groups = List.copyOf(groups);
  }

  /** A classification set: {@code classes[i]} indexes {@code classNames}. */
  public static TrainingSet classification(Task task, double[][] x, int[] classes,
      List<String> classNames, List<String> featureNames, List<FeatureGroup> groups) {
    if (!task.isClassification()) {
      throw new IllegalArgumentException("not a classification task: " + task);
    }
    checkRows(x, classes.length);
    return new TrainingSet(task, x, classes, null, classNames, featureNames, groups);
  }

  /** A regression set. */
  public static TrainingSet regression(double[][] x, double[] y, List<String> featureNames,
      List<FeatureGroup> groups) {
    checkRows(x, y.length);
    return new TrainingSet(Task.REGRESSION, x, null, y, List.of(), featureNames, groups);
  }

  private static void checkRows(double[][] x, int n) {
    if (x.length != n) {
      throw new IllegalArgumentException(x.length + " feature rows for " + n + " targets");
    }
  }

  /** The task. */
  public Task task() {
    return task;
  }

  /** Features, {@code x()[row][feature]}; shared, do not modify. */
  public double[][] x() {
    return x;
  }

  /** Class index per row, for classification; shared, do not modify. */
  public int[] classes() {
    return Objects.requireNonNull(classes, "not a classification set");
  }

  /** Target per row, for regression; shared, do not modify. */
  public double[] y() {
    return Objects.requireNonNull(y, "not a regression set");
  }

  /** The class names, indexed by class index (every class of the whole dataset, in order). */
  public List<String> classNames() {
    return classNames;
  }

  /** Number of classes (0 for regression). */
  public int numClasses() {
    return classNames.size();
  }

  /** Number of rows. */
  public int rows() {
    return x.length;
  }

  /** Number of features. */
  public int features() {
    return featureNames.size();
  }

  /** The feature names, e.g. {@code age}, {@code color=red}, {@code age_missing}. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Which features come from which source column. */
  public List<FeatureGroup> groups() {
    return groups;
  }
}
