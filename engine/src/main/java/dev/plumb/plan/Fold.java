package dev.plumb.plan;

import java.util.Arrays;

/**
 * One train/validation split of the rows. Immutable: arrays are copied in, and out only through
 * {@link #train()} and {@link #validation()} copies; use {@link #trainRow(int)} and friends in
 * loops.
 *
 * @param repeat which repetition of the k-fold split (0-based)
 * @param index which fold within the repetition (0-based)
 * @param train the training row indices, ascending
 * @param validation the validation row indices, ascending
 */
public record Fold(int repeat, int index, int[] train, int[] validation) {
  /** Copies and sorts the indices. */
  public Fold {
    train = train.clone();
    validation = validation.clone();
    Arrays.sort(train);
    Arrays.sort(validation);
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] validation() {
    return validation.clone();
  }

  /** Number of training rows. */
  public int trainSize() {
    return train.length;
  }

  /** Number of validation rows. */
  public int validationSize() {
    return validation.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fold f && f.repeat == repeat && f.index == index
        && Arrays.equals(f.train, train) && Arrays.equals(f.validation, validation);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * repeat + index) + Arrays.hashCode(validation);
  }

  @Override
  public String toString() {
    return "Fold[repeat=" + repeat + ", index=" + index + ", train=" + train.length
        + " rows, validation=" + validation.length + " rows]";
  }
}
