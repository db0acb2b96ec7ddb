package dev.plumb.evaluate;

/**
 * A point estimate with a two-sided confidence interval, such as the mean of per-fold scores or
 * the mean difference between two learners. Immutable.
 *
 * @param estimate the point estimate (the centre of a t-based interval)
 * @param lower lower bound, at most {@code estimate}
 * @param upper upper bound, at least {@code estimate}
 * @param level confidence level in (0, 1), e.g. 0.95
 * @throws IllegalArgumentException if a value is not finite, the bounds do not enclose the
 *     estimate, or the level is outside (0, 1)
 */
public record Interval(double estimate, double lower, double upper, double level) {
  /** Checks the bounds and the level. */
  public Interval {
    if (!Double.isFinite(estimate) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException(
          "interval values must be finite, got " + estimate + " in [" + lower + ", " + upper + "]");
    }
    if (lower > estimate || estimate > upper) {
      throw new IllegalArgumentException(
          "interval [" + lower + ", " + upper + "] does not contain its estimate " + estimate);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }

  /** Half the width: the "±" of "estimate ± halfWidth" for a symmetric interval. */
  public double halfWidth() {
    return (upper - lower) / 2;
  }

  /** Whether {@code value} lies in the closed interval. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }
}
