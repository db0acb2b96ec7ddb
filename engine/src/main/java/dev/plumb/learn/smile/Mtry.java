package dev.plumb.learn.smile;

import java.util.Locale;
import java.util.Optional;

/**
 * How many randomly chosen features a forest tries at each split, as scikit-learn's
 * {@code max_features} reads it: {@code sqrt} and {@code log2} of the feature count (floored, at
 * least 1), {@code all}, a count, or a fraction of the features (floored, at least 1). The count is
 * only known at fit time, so {@link #resolve} does the final check. Immutable.
 *
 * <p>The features counted are the columns Smile's trees split on ({@link SmileColumns}), in which a
 * one-hot encoded category is one nominal column: 20 numbers and two categories of 5 and 21 levels
 * are 22 features ({@code sqrt}: 4), where scikit-learn, given the one-hot matrix, would count 46
 * ({@code sqrt}: 6). A category tried at a split offers all its levels, so counting it once keeps
 * its chance of being tried that of any other column, as R's randomForest does with factors.
 *
 * @param rule which rule
 * @param value the count or the fraction; 0 for the other rules
 */
record Mtry(Rule rule, double value) {
  /** The rules. */
  enum Rule {
    /** floor(sqrt(p)), scikit-learn's classifier default. */
    SQRT,
    /** floor(log2(p)). */
    LOG2,
    /** Every feature: bagged trees; scikit-learn's regressor default. */
    ALL,
    /** A fixed count. */
    COUNT,
    /** A fraction of the features. */
    FRACTION
  }

  static final Mtry SQRT = new Mtry(Rule.SQRT, 0);
  static final Mtry ALL = new Mtry(Rule.ALL, 0);

  /** Checks that the value fits the rule. */
  Mtry {
    boolean ok = switch (rule) {
      case COUNT -> value >= 1 && value == Math.rint(value) && value <= Integer.MAX_VALUE;
      case FRACTION -> value > 0 && value <= 1;
      default -> value == 0;
    };
    if (!ok) {
      throw new IllegalArgumentException("mtry " + rule + " cannot be " + value);
    }
  }

  /**
   * Reads {@code sqrt}, {@code log2}, {@code all}, a count such as {@code 8} or a fraction such as
   * {@code 0.5}; empty when the text is none of these.
   */
  static Optional<Mtry> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "sqrt":
        return Optional.of(SQRT);
      case "log2":
        return Optional.of(new Mtry(Rule.LOG2, 0));
      case "all":
        return Optional.of(ALL);
      default:
        break;
    }
    try {
      if (t.matches("\\d+")) {
        long count = Long.parseLong(t);
        return count >= 1 && count <= Integer.MAX_VALUE
            ? Optional.of(new Mtry(Rule.COUNT, count)) : Optional.empty();
      }
      if (t.matches("\\d*\\.\\d+|\\d+\\.\\d*")) {
        double f = Double.parseDouble(t);
        return f > 0 && f <= 1 ? Optional.of(new Mtry(Rule.FRACTION, f)) : Optional.empty();
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The canonical text, which {@link #parse} reads back. */
  String text() {
    return switch (rule) {
      case SQRT -> "sqrt";
      case LOG2 -> "log2";
      case ALL -> "all";
      case COUNT -> Long.toString((long) value);
      case FRACTION -> ParamReader.number(value);
    };
  }

  /**
   * The number of features to try among {@code p}.
   *
   * @throws IllegalArgumentException when a fixed count exceeds {@code p}
   */
  int resolve(int p) {
    int m = switch (rule) {
      case SQRT -> (int) Math.floor(Math.sqrt(p));
      case LOG2 -> p < 1 ? 0 : 31 - Integer.numberOfLeadingZeros(p);
      case ALL -> p;
      case COUNT -> (int) value;
      case FRACTION -> (int) Math.floor(value * p);
    };
    if (rule == Rule.COUNT && m > p) {
      throw new IllegalArgumentException("mtry=" + m + " is more than the " + p
          + " features of the data (a one-hot encoded category counts as one); use at most " + p
          + ", or sqrt, log2, all or a fraction");
    }
    return Math.max(1, Math.min(m, p));
  }
}
