package dev.plumb.learn.tribuo;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerFactory;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.util.List;

/**
 * The learners Plumb builds on Tribuo 4.3 ({@code tribuo:logistic}, {@code tribuo:knn}), so that a
 * ladder can set scikit-learn-default baselines from a second JVM library beside Smile's. The
 * table of learners, parameters and defaults is in the {@linkplain dev.plumb.learn.tribuo package
 * documentation}.
 *
 * <p>Stateless and thread-safe. The learners it returns are immutable and may fit in parallel:
 * each fit makes a fresh Tribuo trainer seeded from the seed passed to {@code fit}.
 */
public final class TribuoLearners implements LearnerFactory {
  /** The library name used in specs. */
  public static final String LIBRARY = "tribuo";

  private static final List<String> CLASSIFICATION = List.of(LogisticLearner.NAME, KnnLearner.NAME);
  private static final List<String> REGRESSION = List.of(KnnLearner.NAME);

  /** A factory; it holds no state. */
  public TribuoLearners() {}

  @Override
  public String library() {
    return LIBRARY;
  }

  @Override
  public List<String> names(Task task) {
    return task.isClassification() ? CLASSIFICATION : REGRESSION;
  }

  /**
   * {@inheritDoc}
   *
   * @throws BadInputException for another library, an unknown learner name, a learner that does
   *     not handle {@code task}, an unknown parameter (listing the known ones) or a value out of
   *     range (stating the range)
   */
  @Override
  public Learner create(LearnerSpec spec, Task task) {
    if (!spec.library().isEmpty() && !spec.library().equals(LIBRARY)) {
      throw new BadInputException("learner '" + spec.text() + "' is not a " + LIBRARY
          + " learner");
    }
    if (!names(task).contains(spec.name())) {
      String known = String.join(", ", names(task));
      if (CLASSIFICATION.contains(spec.name())) {
        throw new BadInputException("learner '" + LIBRARY + ":" + spec.name() + "' does not handle "
            + task.label() + "; " + LIBRARY + " learners for " + task.label() + ": " + known);
      }
      throw new BadInputException("unknown learner '" + LIBRARY + ":" + spec.name() + "'; "
          + LIBRARY + " learners for " + task.label() + ": " + known);
    }
    return switch (spec.name()) {
      case LogisticLearner.NAME -> new LogisticLearner(LogisticLearner.Settings.from(spec));
      case KnnLearner.NAME -> new KnnLearner(KnnLearner.Settings.from(spec));
      default -> throw new IllegalStateException("no constructor for " + spec.name());
    };
  }
}
