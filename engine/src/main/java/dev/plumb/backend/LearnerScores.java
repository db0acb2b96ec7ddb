package dev.plumb.backend;

import dev.plumb.evaluate.FoldScore;
import java.util.List;
import java.util.Optional;

/**
 * What a backend measured for one learner. Immutable.
 *
 * @param spec the learner's spec text, as the plan named it after resolution
 * @param error why it failed or was not run (for example a learner the data-parallel mode has
 *     no distributed version of), if so; then the lists may be incomplete
 * @param folds per-fold scores, in fold order
 * @param curve learning-curve scores, by fraction, then fold
 */
public record LearnerScores(String spec, Optional<String> error, List<FoldScore> folds,
    List<CurveScore> curve) {
  /** Copies the lists. */
  public LearnerScores {
    folds = List.copyOf(folds);
    curve = List.copyOf(curve);
  }

  /** Whether every fit ran. */
  public boolean ok() {
    return error.isEmpty();
  }
}
