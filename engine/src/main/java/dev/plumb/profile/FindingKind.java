package dev.plumb.profile;

import java.util.Locale;

/** The kinds of problem a profile looks for. Their labels are stable JSON values. */
public enum FindingKind {
  /** One value only. */
  CONSTANT_COLUMN,
  /** One value in nearly every row. */
  NEAR_CONSTANT_COLUMN,
  /** Every value missing. */
  ALL_MISSING,
  /** A large share of values missing. */
  HEAVY_MISSINGNESS,
  /** A different value in every row: an identifier, not a feature. */
  ID_LIKE_COLUMN,
  /** The same row more than once. */
  DUPLICATE_ROWS,
  /** A categorical column with very many levels. */
  HIGH_CARDINALITY,
  /** Numbers and text in one column. */
  MIXED_TYPES,
  /** Values far outside the interquartile range. */
  OUTLIERS,
  /** One feature copies another exactly. */
  DUPLICATE_COLUMNS,
  /** Classes of very different sizes. */
  CLASS_IMBALANCE,
  /** Rows without a target value. */
  MISSING_TARGET,
  /** Classes too small to appear in every fold. */
  RARE_CLASSES,
  /** A target with a single value. */
  SINGLE_CLASS_TARGET,
  /** A single feature that predicts the target almost perfectly on its own. */
  LEAKAGE_SUSPECT,
  /** Rows with identical features but different targets. */
  CONFLICTING_LABELS;

  /** The lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
