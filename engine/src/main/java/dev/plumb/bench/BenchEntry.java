package dev.plumb.bench;

import dev.plumb.evaluate.LearnerResult;
import java.util.Optional;

/**
 * Everything measured about one candidate (or the control). Immutable.
 *
 * @param name a display name: the learner's canonical name, made unique
 * @param control whether it is the control (the strongest simple learner of the ladder)
 * @param tuning the random search, when {@code --tune} was given
 * @param cv the cross-validated scores on the run's folds
 * @param measured the full-data fit and the speed measurements, when the learner ran
 * @param error why it failed, if it did
 */
public record BenchEntry(String name, boolean control, Optional<Tuner.Result> tuning,
    LearnerResult cv, Optional<Measure.Result> measured, Optional<String> error) {

  /** Whether everything ran. */
  public boolean ok() {
    return error.isEmpty() && cv.ok() && measured.isPresent();
  }
}
