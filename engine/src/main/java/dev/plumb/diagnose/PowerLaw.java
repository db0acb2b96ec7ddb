package dev.plumb.diagnose;

import java.util.OptionalDouble;

/**
 * An inverse power law {@code error(n) = a + b·n^(−c)}: the error of a learner trained on {@code n}
 * rows falls with the rate {@code c} towards the asymptote {@code a}, the error that more data of
 * the same kind will not remove (Cortes et al. 1994; Hestness et al. 2017, see the {@linkplain
 * dev.plumb.diagnose package}). Immutable.
 *
 * @param a the asymptote: the error as {@code n} grows without bound
 * @param b the scale of the part that more data removes, at least 0
 * @param c the rate at which that part falls, greater than 0
 * @throws IllegalArgumentException if a parameter is not finite, {@code b < 0} or {@code c <= 0}
 */
public record PowerLaw(double a, double b, double c) {
  /** Checks the parameters. */
  public PowerLaw {
    if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
      throw new IllegalArgumentException(
          "power-law parameters must be finite, got a=" + a + ", b=" + b + ", c=" + c);
    }
    if (b < 0 || c <= 0) {
      throw new IllegalArgumentException(
          "a decreasing power law needs b >= 0 and c > 0, got b=" + b + ", c=" + c);
    }
  }

  /**
   * The error at {@code n} rows, {@code a + b·n^(−c)}.
   *
   * @throws IllegalArgumentException if {@code n} is not positive and finite
   */
  public double valueAt(double n) {
    checkSize(n);
    return a + b * Math.pow(n, -c);
  }

  /**
   * The number of rows at which the curve comes down to {@code error}: {@code (b / (error −
   * a))^(1/c)}, real-valued (round up for a row count). It may be below 1 when the error is reached
   * at once, and very large when the error is just above the asymptote.
   *
   * @return empty when {@code error} is at or below the asymptote {@code a}, which no number of
   *     rows reaches, or so close above it that the size overflows a {@code double}
   * @throws IllegalArgumentException if {@code error} is not finite
   */
  public OptionalDouble sizeFor(double error) {
    if (!Double.isFinite(error)) {
      throw new IllegalArgumentException("target error must be finite, got " + error);
    }
    if (error <= a) {
      return OptionalDouble.empty();
    }
    double size = Math.pow(b / (error - a), 1 / c);
    return Double.isFinite(size) ? OptionalDouble.of(size) : OptionalDouble.empty();
  }

  static void checkSize(double n) {
    if (!(n > 0) || Double.isInfinite(n)) {
      throw new IllegalArgumentException("training size must be positive and finite, got " + n);
    }
  }
}
