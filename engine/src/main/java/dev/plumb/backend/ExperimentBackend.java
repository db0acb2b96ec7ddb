package dev.plumb.backend;

import dev.plumb.data.BadInputException;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs a {@link BackendPlan} somewhere and returns its scores. Implementations other than {@link
 * LocalBackend} live in their own modules and register with {@link ServiceLoader}, so that the
 * engine does not depend on them. Implementations are thread-safe.
 */
public interface ExperimentBackend {
  /** The name that {@code --backend} selects, e.g. {@code spark}. */
  String name();

  /**
   * Runs the plan: every learner on every hash fold, and on the learning-curve subsets when the
   * plan has fractions. A learner that fails, or that the chosen mode cannot run, is reported in
   * its {@link LearnerScores#error()}; the others go on.
   *
   * @throws BadInputException for unreadable data, an unknown target, learner or column
   */
  BackendScores run(BackendPlan plan, BackendSettings settings);

  /**
   * The fold of each row of repetition {@code repeat}, by row key: a check that backends agree,
   * for data with distinct rows that fits in memory.
   *
   * @throws BadInputException when two rows share a key
   */
  Map<Long, Integer> foldOfKey(BackendPlan plan, BackendSettings settings, int repeat);

  /** The versions of what the backend runs on (e.g. {@code spark}, {@code scala}), for reports. */
  default Map<String, String> versions() {
    return Map.of();
  }

  /**
   * The backend named {@code name}: {@code local}, or one registered with {@link ServiceLoader}.
   *
   * @throws BadInputException when no backend of that name is on the class path, saying how to
   *     put it there
   */
  static ExperimentBackend named(String name) {
    if (name.equals("local")) {
      return new LocalBackend();
    }
    for (ExperimentBackend b : ServiceLoader.load(ExperimentBackend.class)) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    if (name.equals("spark")) {
      throw new BadInputException("--backend spark needs the plumb-spark module and Spark on the"
          + " class path: run the command with spark/plumb-on-spark instead of plumb, or submit"
          + " spark/target/plumb-spark-job.jar with spark-submit (see spark/README.md)");
    }
    throw new BadInputException("unknown backend '" + name + "'; use local or spark");
  }
}
