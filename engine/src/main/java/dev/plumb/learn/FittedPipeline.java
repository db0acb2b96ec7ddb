package dev.plumb.learn;

import dev.plumb.data.BadInputException;
import dev.plumb.data.Table;
import dev.plumb.plan.Task;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to predict a target from the rows of a table: the fitted preprocessing, the
 * model fitted on its output, the spec of the learner that fitted it, the target and task, and for
 * classification the class names (the model's probability columns, in order).
 *
 * <p>The preprocessing reads columns by name, so a pipeline applies to any table with the feature
 * columns it was fitted on, such as a new file of the same kind. {@link ModelFile} saves and loads
 * it; {@link #sizeBytes()} is the length of the saved file.
 *
 * <p>Immutable and thread-safe.
 */
public final class FittedPipeline {
  private final LearnerSpec learner;
  private final Task task;
  private final String target;
  private final List<String> classNames;
  private final Preprocessor.Fitted preprocessing;
  private final Model model;

  /**
   * A pipeline of fitted parts; the preprocessing is kept
   * {@linkplain Preprocessor.Fitted#detached() detached} from its training columns.
   *
   * @param learner the spec of the learner that fitted {@code model}
   * @param task the task
   * @param target the target column's name
   * @param classNames the class names for classification (at least two), empty for regression
   * @param preprocessing the preprocessing fitted on the training rows
   * @param model the model fitted on the preprocessed training rows
   * @throws IllegalArgumentException when the class names do not fit the task, or the target is
   *     also a feature
   */
  public FittedPipeline(LearnerSpec learner, Task task, String target, List<String> classNames,
      Preprocessor.Fitted preprocessing, Model model) {
    this.learner = Objects.requireNonNull(learner, "learner");
    this.task = Objects.requireNonNull(task, "task");
    this.target = Objects.requireNonNull(target, "target");
    this.classNames = List.copyOf(classNames);
    this.preprocessing = preprocessing.detached();
    this.model = Objects.requireNonNull(model, "model");
    if (task.isClassification() ? this.classNames.size() < 2 : !this.classNames.isEmpty()) {
      throw new IllegalArgumentException(this.classNames.size() + " class names for a "
          + task.label() + " task");
    }
    if (this.preprocessing.columns().contains(target)) {
      throw new IllegalArgumentException("the target '" + target + "' is also a feature");
    }
  }

  /** The spec of the learner that fitted the model. */
  public LearnerSpec learner() {
    return learner;
  }

  /** The task. */
  public Task task() {
    return task;
  }

  /** The name of the target column the model predicts. */
  public String target() {
    return target;
  }

  /** The class names, in the order of {@link #predictProba} columns; empty for regression. */
  public List<String> classNames() {
    return classNames;
  }

  /** The fitted preprocessing, detached from the training table. */
  public Preprocessor.Fitted preprocessing() {
    return preprocessing;
  }

  /** The model. */
  public Model model() {
    return model;
  }

  /**
   * This pipeline applied to {@code table}, whose feature columns it finds by name; bind once and
   * predict many row sets.
   *
   * @throws BadInputException when a feature column is missing or cannot be encoded, naming it
   */
  public Bound bind(Table table) {
    return new Bound(preprocessing.bind(table));
  }

  /**
   * Class probabilities of {@code rows} of {@code table}, one column per {@link #classNames()}.
   *
   * @throws BadInputException when a feature column is missing or cannot be encoded
   * @throws IllegalStateException for a regression pipeline
   */
  public double[][] predictProba(Table table, int[] rows) {
    return bind(table).predictProba(rows);
  }

  /**
   * Predicted values of {@code rows} of {@code table}.
   *
   * @throws BadInputException when a feature column is missing or cannot be encoded
   * @throws IllegalStateException for a classification pipeline
   */
  public double[] predict(Table table, int[] rows) {
    return bind(table).predict(rows);
  }

  /** The number of bytes {@link ModelFile#write} writes for this pipeline. */
  public long sizeBytes() {
    return ModelFile.size(this);
  }

  @Override
  public String toString() {
    return learner.text() + " predicting " + target + " (" + task.label() + ")";
  }

  /** The pipeline bound to one table's columns. Immutable and thread-safe. */
  public final class Bound {
    private final Preprocessor.Bound features;

    private Bound(Preprocessor.Bound features) {
      this.features = features;
    }

    /** The preprocessed rows, as the model sees them. */
    public double[][] transform(int[] rows) {
      return features.transform(rows);
    }

    /**
     * Class probabilities of {@code rows}, one column per {@link #classNames()}.
     *
     * @throws IllegalStateException for a regression pipeline
     */
    public double[][] predictProba(int[] rows) {
      if (!task.isClassification()) {
        throw new IllegalStateException("a regression pipeline predicts values, not classes");
      }
      return model.predictProba(features.transform(rows));
    }

    /**
     * Predicted values of {@code rows}.
     *
     * @throws IllegalStateException for a classification pipeline
     */
    public double[] predict(int[] rows) {
      if (task.isClassification()) {
        throw new IllegalStateException("a classification pipeline predicts class probabilities");
      }
      return model.predict(features.transform(rows));
    }
  }
}
