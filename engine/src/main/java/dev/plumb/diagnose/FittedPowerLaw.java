package dev.plumb.diagnose;

import dev.plumb.evaluate.Interval;
import java.util.OptionalDouble;

/**
 * An inverse power law fitted to a learning curve by {@link PowerLawFitter}, with the covariance of
 * its parameters, for extrapolating the error to more rows: the expected error at a size ({@link
 * #predict}), the error that remains however many rows are added ({@link #asymptote}), how much the
 * error falls between two sizes ({@link #gain}) and the rows needed for a goal ({@link #rowsFor}).
 * Immutable and thread-safe.
 *
 * <p>Intervals come from the delta method: a prediction {@code f(n) = a + b·n^(−c)} has the
 * variance {@code g(n)ᵀ Σ g(n)}, where {@code g(n) = (1, n^(−c), −b·n^(−c)·ln n)} is its gradient
 * in the parameters and {@code Σ} their covariance at the optimum (see {@link PowerLawFitter} for
 * how {@code Σ} is scaled); the half-width is that standard error times the quantile of Student's t
 * with {@link #degreesOfFreedom()} degrees of freedom (of the normal distribution when there are
 * none, which needs given standard errors). The lower end is cut at the fitter's floor. These are
 * confidence intervals for the expected error at a size, not prediction intervals for one more run;
 * they rest on a linearisation that gets rougher the further one extrapolates, and they treat the
 * points as independent, which nested training sets are not.
 */
public final class FittedPowerLaw {
  private final double referenceSize;
  // The form fitted: a + beta·(n / referenceSize)^(-c), so beta = b·referenceSize^(-c).
  private final double a;
  private final double beta;
  private final double c;
  private final double[][] sigma;
  private final double floor;
  private final double level;
  private final double quantile;
  private final double residualRms;
  private final int points;
  private final int degreesOfFreedom;

  FittedPowerLaw(
      double referenceSize,
      double[] parameters,
      double[][] covariance,
      double floor,
      double level,
      double quantile,
      double residualRms,
      int points) {
    this.referenceSize = referenceSize;
    this.a = parameters[0];
    this.beta = parameters[1];
    this.c = parameters[2];
    this.sigma = new double[3][];
    for (int i = 0; i < 3; i++) {
      this.sigma[i] = covariance[i].clone();
    }
    this.floor = floor;
    this.level = level;
    this.quantile = quantile;
    this.residualRms = residualRms;
    this.points = points;
    this.degreesOfFreedom = points - 3;
  }

  /** The fitted curve {@code a + b·n^(−c)}. */
  public PowerLaw law() {
    return new PowerLaw(a, beta * Math.pow(referenceSize, c), c);
  }

  /**
   * The covariance of the parameters {@code (a, b, c)}, in that order, as used for the intervals.
   * {@code b} is strongly correlated with {@code c}; predictions account for that, the standard
   * errors alone do not. A new array on every call.
   */
  public double[][] covariance() {
    // b = beta·r^c, so db/dbeta = r^c and db/dc = b·ln r; the covariance transforms with that
    // Jacobian.
    double scale = Math.pow(referenceSize, c);
    double b = beta * scale;
    double[][] j = {{1, 0, 0}, {0, scale, b * Math.log(referenceSize)}, {0, 0, 1}};
    double[][] out = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int s = 0; s < 3; s++) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          for (int l = 0; l < 3; l++) {
            sum += j[r][k] * sigma[k][l] * j[s][l];
          }
        }
        out[r][s] = sum;
      }
    }
    return out;
  }

  /**
   * The standard errors of {@code (a, b, c)}, in that order: the square roots of the diagonal of
   * {@link #covariance()}. A new array on every call.
   */
  public double[] standardErrors() {
    double[][] cov = covariance();
    return new double[] {
      Math.sqrt(Math.max(0, cov[0][0])),
      Math.sqrt(Math.max(0, cov[1][1])),
      Math.sqrt(Math.max(0, cov[2][2]))
    };
  }

  /**
   * The asymptote {@code a} with its interval: the error that more rows are not expected to remove.
   */
  public Interval asymptote() {
    return interval(a, Math.max(0, sigma[0][0]), floor);
  }

  /**
   * The expected error at {@code n} training rows with its interval at {@link #level()}.
   *
   * @throws IllegalArgumentException if {@code n} is below 1 or not finite
   */
  public Interval predict(double n) {
    double power = power(n);
    double[] g = {1, power, -beta * power * Math.log(n / referenceSize)};
    return interval(a + beta * power, variance(g), floor);
  }

  /**
   * How much the expected error falls from {@code from} to {@code to} training rows, {@code f(from)
   * − f(to)}, with its interval at {@link #level()}. The uncertainty of the asymptote cancels, so
   * this interval is narrower than the two predictions' intervals suggest; an interval that reaches
   * 0 or below means the fit cannot tell whether the rows help.
   *
   * @throws IllegalArgumentException if a size is below 1 or not finite
   */
  public Interval gain(double from, double to) {
    double p = power(from);
    double q = power(to);
    double lp = Math.log(from / referenceSize);
    double lq = Math.log(to / referenceSize);
    double[] g = {0, p - q, -beta * (p * lp - q * lq)};
    return interval(beta * (p - q), variance(g), Double.NEGATIVE_INFINITY);
  }

  /**
   * The number of training rows at which the fitted curve comes down to {@code goalError} (real
   * valued; round up for a row count). Compare the goal with {@link #asymptote()} to tell how sure
   * the answer is: a goal below the asymptote's interval is out of reach by this fit's evidence,
   * one inside it may or may not be reachable.
   *
   * @return empty when the goal is at or below the fitted asymptote, so that no number of rows
   *     reaches it according to the fit
   * @throws IllegalArgumentException if {@code goalError} is not finite
   */
  public OptionalDouble rowsFor(double goalError) {
    if (!Double.isFinite(goalError)) {
      throw new IllegalArgumentException("goal error must be finite, got " + goalError);
    }
    if (goalError <= a) {
      return OptionalDouble.empty();
    }
    // Solved in the fitted form, which stays well scaled where b itself is huge.
    double rows = referenceSize * Math.pow(beta / (goalError - a), 1 / c);
    return Double.isFinite(rows) ? OptionalDouble.of(rows) : OptionalDouble.empty();
  }

  /** The root mean square of the (unweighted) residuals, in units of the error. */
  public double residualRms() {
    return residualRms;
  }

  /** The number of points fitted. */
  public int points() {
    return points;
  }

  /** The points fitted minus the 3 parameters: the residuals' degrees of freedom. */
  public int degreesOfFreedom() {
    return degreesOfFreedom;
  }

  /** The confidence level of the intervals, e.g. 0.95. */
  public double level() {
    return level;
  }

  /** {@code (n / referenceSize)^(-c)}, after checking {@code n}. */
  private double power(double n) {
    if (!(n >= 1) || Double.isInfinite(n)) {
      throw new IllegalArgumentException("training size must be at least 1 and finite, got " + n);
    }
    return Math.pow(n / referenceSize, -c);
  }

  /** {@code gᵀ Σ g} for the gradient {@code g} of a quantity in the fitted parameters. */
  private double variance(double[] g) {
    double v = 0;
    for (int k = 0; k < 3; k++) {
      for (int l = 0; l < 3; l++) {
        v += g[k] * sigma[k][l] * g[l];
      }
    }
    return Math.max(0, v);
  }

  private Interval interval(double estimate, double variance, double lowest) {
    double half = quantile * Math.sqrt(variance);
    return new Interval(estimate, Math.max(lowest, estimate - half), estimate + half, level);
  }

  @Override
  public String toString() {
    PowerLaw law = law();
    return "FittedPowerLaw[a="
        + law.a()
        + ", b="
        + law.b()
        + ", c="
        + law.c()
        + ", residualRms="
        + residualRms
        + ", points="
        + points
        + "]";
  }
}
