package dev.plumb.learn;

import dev.plumb.plan.Task;

/**
 * A way to fit a model: a spec (name, library, hyperparameters with defaults filled in) and a
 * {@link #fit} that returns a new model and changes nothing it was given. Implementations are
 * immutable and thread-safe; all randomness comes from the seed passed to {@code fit}.
 */
public interface Learner {
  /** The full spec, with every default hyperparameter spelled out. */
  LearnerSpec spec();

  /** Whether this learner handles the task. */
  boolean supports(Task task);

  /**
   * Fits a model.
   *
   * @param data the training rows (shared: do not modify)
   * @param seed the only source of randomness
   * @throws IllegalArgumentException when the data cannot be fitted (e.g. a singular matrix), with
   *     a message that says why
   */
  Model fit(TrainingSet data, long seed);
}
