package dev.plumb.diagnose;

import java.util.List;

/**
 * Training and validation scores of one learner across the values of one hyperparameter, all at
 * the same training size. Immutable.
 *
 * @param sweep the parameter and its values, least complex first
 * @param current the index of the learner's own setting in {@code sweep.values()}
 * @param points one point per value, in the sweep's order
 */
public record ValidationCurve(Sweep sweep, int current, List<CurvePoint> points) {
  /** Copies the list. */
  public ValidationCurve {
    points = List.copyOf(points);
  }

  /** The training size every point used. */
  public int trainSize() {
    return points.get(0).trainSize();
  }
}
