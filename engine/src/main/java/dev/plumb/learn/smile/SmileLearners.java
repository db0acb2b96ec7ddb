package dev.plumb.learn.smile;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerFactory;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.util.List;

/**
 * The learners of the Smile library (library {@code smile}), with scikit-learn's defaults so that
 * their scores compare with other tools; the table in {@code package-info.java} lists every
 * learner, parameter and default, and how Smile still differs.
 *
 * <p>Classes ({@link Task#BINARY}, {@link Task#MULTICLASS}): {@code tree}, {@code stump},
 * {@code random_forest}, {@code gradient_boosting}, {@code naive_bayes}. Numbers
 * ({@link Task#REGRESSION}): {@code tree}, {@code random_forest}, {@code gradient_boosting},
 * {@code linear}, {@code ridge}.
 *
 * <p>Stateless and thread-safe; the learners it creates are immutable and thread-safe, and their
 * models too. A learner's {@code fit} throws {@link IllegalArgumentException} when Smile cannot fit
 * the data (for example fewer rows than coefficients for {@code linear}), with a message that says
 * why.
 */
public final class SmileLearners implements LearnerFactory {
  private static final List<String> CLASSIFICATION =
      List.of("tree", "stump", "random_forest", "gradient_boosting", "naive_bayes");
  private static final List<String> REGRESSION =
      List.of("tree", "random_forest", "gradient_boosting", "linear", "ridge");

  @Override
  public String library() {
    return "smile";
  }

  @Override
  public List<String> names(Task task) {
    return task.isClassification() ? CLASSIFICATION : REGRESSION;
  }

  /**
   * {@inheritDoc}
   *
   * @throws BadInputException for another library, a name this library does not have for
   *     {@code task}, an unknown parameter or a value out of range, naming the allowed ones
   */
  @Override
  public Learner create(LearnerSpec spec, Task task) {
    if (!spec.library().isEmpty() && !spec.library().equals(library())) {
      throw new BadInputException("learner '" + spec.text() + "' belongs to library '"
          + spec.library() + "', not smile");
    }
    if (!names(task).contains(spec.name())) {
      throw new BadInputException("smile has no " + task.label() + " learner '" + spec.name()
          + "'; it has " + String.join(", ", names(task)));
    }
    return switch (spec.name()) {
      case "tree" -> TreeLearner.tree(spec, task);
      case "stump" -> TreeLearner.stump(spec, task);
      case "random_forest" -> ForestLearner.create(spec, task);
      case "gradient_boosting" -> BoostingLearner.create(spec, task);
      case "naive_bayes" -> NaiveBayesLearner.create(spec);
      case "linear" -> LinearLearner.linear(spec);
      case "ridge" -> LinearLearner.ridge(spec);
      default -> throw new IllegalStateException("unhandled learner " + spec.name());
    };
  }
}
