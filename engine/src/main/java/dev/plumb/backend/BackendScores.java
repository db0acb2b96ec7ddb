package dev.plumb.backend;

import dev.plumb.plan.Task;
import java.util.List;

/**
 * The outcome of a plan on a backend. Immutable.
 *
 * @param backend the backend's name ({@code local}, {@code spark})
 * @param mode the mode it ran in (never {@link BackendMode#AUTO})
 * @param task the task, as given or detected
 * @param rows the labelled rows
 * @param learners per learner, in plan order
 */
public record BackendScores(String backend, BackendMode mode, Task task, long rows,
    List<LearnerScores> learners) {
  /** Copies the list. */
  public BackendScores {
    learners = List.copyOf(learners);
  }
}
