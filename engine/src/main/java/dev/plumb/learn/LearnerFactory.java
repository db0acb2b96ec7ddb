package dev.plumb.learn;

import dev.plumb.plan.Task;
import java.util.List;

/**
 * Builds the learners of one library from specs. Each library adapter ({@code plumb},
 * {@code smile}, {@code tribuo}) has one; {@link LearnerCatalog} picks among them. Stateless.
 */
public interface LearnerFactory {
  /** The library name used in specs: {@code plumb}, {@code smile}, {@code tribuo}. */
  String library();

  /** The canonical learner names this library builds for {@code task}. */
  List<String> names(Task task);

  /**
   * The learner for {@code spec} (whose library is this one, or empty) and {@code task}, with every
   * hyperparameter not given set to its documented default.
   *
   * @throws dev.plumb.data.BadInputException for an unknown name or parameter, or a value out of
   *     range, naming the allowed ones
   */
  Learner create(LearnerSpec spec, Task task);
}
