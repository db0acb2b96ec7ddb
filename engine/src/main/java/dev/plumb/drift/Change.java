package dev.plumb.drift;

/**
 * The one change most worth showing a person: for a numeric feature the median before and after
 * (the lower median, the 50% quantile of {@link FeatureReference}'s definition); for a categorical
 * feature the level whose share moved most, with its shares before and after. Immutable.
 *
 * @param what {@code median}, or the level's text in quotes, or {@code other levels}
 * @param before the training-time value or share
 * @param after the value or share in the new data
 */
public record Change(String what, double before, double after) {}
