package dev.plumb.diagnose;

import dev.plumb.evaluate.Interval;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How fit time grows with the training size, {@code time(n) = t0·n^p}, fitted by ordinary least
 * squares on {@code ln time = ln t0 + p·ln n}, for extrapolating the time a fit will take on more
 * rows. Immutable and thread-safe.
 *
 * <p>Fitting on the log scale treats the timing noise as multiplicative, which suits timings, and
 * makes {@code t0·n^p} the median time rather than the mean. {@link #secondsAt} gives an interval
 * for it: the usual t interval of the regression line at {@code x = ln n}, {@code ŷ ± t(m −
 * 2)·s·√(1/m + (x − x̄)²/Sxx)} for {@code m} times, mapped back by {@code exp}. It describes the
 * fitted trend only; an algorithm whose cost changes regime beyond the measured sizes (memory,
 * caches) is not foreseen.
 */
public final class TimeScaling {
  private final double intercept;
  private final double exponent;
  private final double meanLogSize;
  private final double sumSquaresLogSize;
  private final double meanSquareError;
  private final int points;
  private final double quantile;
  private final double level;

  private TimeScaling(SimpleRegression r, double meanLogSize, double level) {
    this.intercept = r.getIntercept();
    this.exponent = r.getSlope();
    this.meanLogSize = meanLogSize;
    this.sumSquaresLogSize = r.getXSumSquares();
    this.meanSquareError = r.getMeanSquareError();
    this.points = (int) r.getN();
    this.level = level;
    this.quantile =
        new TDistribution(null, points - 2).inverseCumulativeProbability(0.5 + level / 2);
  }

  /**
   * Fits {@code t0·n^p} to fit times at training sizes, with {@value PowerLawFitter#DEFAULT_LEVEL}
   * intervals. Times of 0 (below the clock's resolution) have no logarithm and are left out.
   *
   * @param sizes training rows of each fit
   * @param seconds time each fit took, in seconds
   * @return the fit, or status {@link FitStatus#TOO_FEW_SIZES} when fewer than 3 positive times or
   *     fewer than 2 distinct sizes remain
   * @throws IllegalArgumentException if the arrays differ in length, a size is not positive and
   *     finite, or a time is negative or not finite
   */
  public static TimeScalingFit fit(double[] sizes, double[] seconds) {
    return fit(sizes, seconds, PowerLawFitter.DEFAULT_LEVEL);
  }

  /**
   * As {@link #fit(double[], double[])}, with intervals at confidence {@code level}.
   *
   * @throws IllegalArgumentException also if the level is outside (0, 1)
   */
  public static TimeScalingFit fit(double[] sizes, double[] seconds, double level) {
    if (sizes.length != seconds.length) {
      throw new IllegalArgumentException(
          sizes.length + " sizes but " + seconds.length + " fit times; give one time per size");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    SimpleRegression r = new SimpleRegression();
    double logSum = 0;
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (int i = 0; i < sizes.length; i++) {
      PowerLaw.checkSize(sizes[i]);
      if (!(seconds[i] >= 0) || Double.isInfinite(seconds[i])) {
        throw new IllegalArgumentException(
            "fit time at size " + sizes[i] + " must be finite and at least 0, got " + seconds[i]);
      }
      if (seconds[i] > 0) {
        r.addData(Math.log(sizes[i]), Math.log(seconds[i]));
        logSum += Math.log(sizes[i]);
        smallest = Math.min(smallest, sizes[i]);
        largest = Math.max(largest, sizes[i]);
      }
    }
    if (r.getN() < 3 || !(largest > smallest)) {
      return TimeScalingFit.failed(
          "extrapolating fit time needs positive times of at least 3 fits at 2 or more distinct"
              + " sizes, got "
              + r.getN()
              + (r.getN() < 3 ? " positive times" : " positive times all at one size"));
    }
    return TimeScalingFit.fitted(
        new TimeScaling(r, logSum / r.getN(), level),
        "fitted t0·n^p to " + r.getN() + " fit times");
  }

  /** The factor {@code t0}, in seconds: the fitted time of a fit on one row. */
  public double coefficient() {
    return Math.exp(intercept);
  }

  /** The exponent {@code p}: 1 for linear time, 2 for quadratic. */
  public double exponent() {
    return exponent;
  }

  /** The standard error of {@link #exponent()}. */
  public double exponentStandardError() {
    return Math.sqrt(meanSquareError / sumSquaresLogSize);
  }

  /** The number of times fitted (those above 0). */
  public int points() {
    return points;
  }

  /** The confidence level of {@link #secondsAt}'s interval. */
  public double level() {
    return level;
  }

  /**
   * The fitted (median) time in seconds at {@code n} training rows, with its interval.
   *
   * @throws IllegalArgumentException if {@code n} is not positive and finite
   */
  public Interval secondsAt(double n) {
    PowerLaw.checkSize(n);
    double x = Math.log(n);
    double logTime = intercept + exponent * x;
    double dx = x - meanLogSize;
    double half =
        quantile * Math.sqrt(meanSquareError * (1.0 / points + dx * dx / sumSquaresLogSize));
    return new Interval(
        Math.exp(logTime), Math.exp(logTime - half), Math.exp(logTime + half), level);
  }
}
