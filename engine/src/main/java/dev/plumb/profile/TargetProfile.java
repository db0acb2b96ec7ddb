package dev.plumb.profile;

import dev.plumb.plan.Task;
import java.util.List;
import java.util.Optional;

/**
 * What the target column holds. Immutable.
 *
 * @param name target column
 * @param task the task it implies
 * @param missing rows without a target value
 * @param classes class counts, largest first, for classification
 * @param imbalanceRatio largest class count over smallest, for classification
 */
public record TargetProfile(
    String name, Task task, int missing, List<ValueCount> classes, Optional<Double> imbalanceRatio) {
  /** Defensive copy. */
  public TargetProfile {
    classes = List.copyOf(classes);
  }
}
