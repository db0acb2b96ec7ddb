package dev.plumb.learn;

/**
 * The features that one source column became: a number, a 0/1 indicator, or a one-hot block (one
 * feature per kept level plus, maybe, "other"). Learners that reason about source columns (OneR)
 * use it to see a one-hot block as one categorical feature again. Immutable.
 *
 * @param column the source column
 * @param kind how it was encoded
 * @param first the first feature index
 * @param count how many consecutive features
 */
public record FeatureGroup(String column, Kind kind, int first, int count) {
  /** How a column was encoded. */
  public enum Kind {
    /** One standardized number. */
    NUMERIC,
    /** One 0/1 feature (boolean values, or "was missing"). */
    INDICATOR,
    /** Consecutive 0/1 features, exactly one of which is 1. */
    ONE_HOT
  }
}
