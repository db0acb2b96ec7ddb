package dev.plumb.plan;

import java.util.Locale;

/** How rows are split into training and validation folds. */
public enum SplitStrategy {
  /** k folds with each class's share kept within one row per fold (classification default). */
  STRATIFIED_K_FOLD,
  /** k folds of shuffled rows (regression default). */
  K_FOLD,
  /** k folds that never split a group: every row of a group is validated in the same fold. */
  GROUP_K_FOLD,
  /** Train on the past, validate on the next block of time (expanding window). */
  TIME_SERIES,
  /**
   * k folds from a seeded hash of each row's key, independent of row order and partitioning
   * (stratified for classes); the split every backend computes alike. See {@link HashFolds}.
   */
  HASH_K_FOLD,
  /** One shuffled split into training and validation rows (stratified for classes). */
  HOLDOUT;

  /** The lower-case name used in outputs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
