package dev.plumb.plan;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import java.util.Arrays;
import java.util.Locale;

/** The kind of prediction a target column asks for. */
public enum Task {
  /** Two classes. */
  BINARY,
  /** Three or more classes. */
  MULTICLASS,
  /** A number. */
  REGRESSION;

  /** Integer targets with at most this many distinct values are read as classes. */
  public static final int MAX_INTEGER_CLASSES = 20;

  /**
   * The task a target column implies: text, boolean and categorical columns, and integer columns
   * with at most {@value #MAX_INTEGER_CLASSES} distinct values, are classification (binary with at
   * most two classes); other numbers are regression.
   */
  public static Task detect(Column target) {
    if (target instanceof CategoricalColumn cat) {
      return cat.levelCount() <= 2 ? BINARY : MULTICLASS;
    }
    NumericColumn num = (NumericColumn) target;
    if (num.type() == ColumnType.INTEGER) {
      long distinct = Arrays.stream(num.presentValues()).distinct().limit(MAX_INTEGER_CLASSES + 1L).count();
      if (distinct <= MAX_INTEGER_CLASSES) {
        return distinct <= 2 ? BINARY : MULTICLASS;
      }
    }
    return REGRESSION;
  }

  /** Whether this is a classification task. */
  public boolean isClassification() {
    return this != REGRESSION;
  }

  /** The lower-case name used in JSON and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
