package dev.plumb.diagnose;

import dev.plumb.evaluate.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem.Evaluation;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits an inverse power law {@code error(n) = a + b·n^(−c)} to a learning curve (Cortes et al.
 * 1994; Hestness et al. 2017, see the {@linkplain dev.plumb.diagnose package}) by weighted least
 * squares, for extrapolating the validation error to more training rows. Immutable and thread-safe.
 *
 * <p>The parameters are kept in range: {@code a} at or above a floor (0 for errors that cannot be
 * negative), {@code b >= 0}, and {@code c} in [{@value #MIN_EXPONENT}, {@value #MAX_EXPONENT}]. The
 * fit is deterministic. For each of 300 exponents {@code c}, log-spaced over that range, the model
 * is linear in {@code a} and {@code b}, and their bounded least-squares solution has a closed form;
 * the best of these starts Commons Math's Levenberg–Marquardt optimizer, which polishes all three
 * parameters together (the start is kept if the optimizer fails or does no better). Inside the fit,
 * sizes are divided by their geometric mean to keep the problem well conditioned.
 *
 * <p>Weights and scale: points with standard errors weigh {@code 1/se²} (a zero standard error is
 * raised to the smallest positive one; when all are zero the points are unweighted). The
 * parameters' covariance is {@code s²·(JᵀWJ)⁻¹} at the optimum, with {@code J} the Jacobian of the
 * model, {@code W} the weights and {@code s²} the weighted residual sum of squares over its {@code
 * m − 3} degrees of freedom for {@code m} points. With standard errors, {@code s²} is used only
 * when it exceeds 1, that is when the points scatter about the curve more than their standard
 * errors allow (the "scale factor" the Particle Data Group applies to its averages); otherwise the
 * given standard errors are taken at their word. Without standard errors the scale comes from the
 * residuals alone, which needs at least 4 points. {@link FittedPowerLaw} turns the covariance into
 * intervals by the delta method.
 *
 * <p>Curves the law cannot describe are ordinary data, not errors: they give a {@link PowerLawFit}
 * with a status and a reason. {@link FitStatus#TOO_FEW_SIZES}: fewer than 3 distinct sizes, or 3
 * points without standard errors. {@link FitStatus#RISING}: the least-squares line of error on
 * {@code ln n} rises, with a slope above its standard error times the 97.5% quantile of Student's t
 * with {@code m − 2} degrees of freedom. {@link FitStatus#FLAT}: the error is the same at every
 * size, that line's slope is not negative (and not significantly positive), the best fit has {@code
 * b = 0}, or the interval of the fitted drop from the smallest to the largest size ({@link
 * FittedPowerLaw#gain}) reaches 0. {@link FitStatus#NOT_IDENTIFIABLE}: the covariance is singular.
 */
public final class PowerLawFitter {
  /** The confidence level of intervals unless set with {@link #atLevel}. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** The smallest rate {@code c} fitted; slower curves look like a straight line in ln n. */
  public static final double MIN_EXPONENT = 0.01;

  /** The largest rate {@code c} fitted; faster curves have flattened before the second size. */
  public static final double MAX_EXPONENT = 3;

  /** The number of exponents tried to start the optimizer. */
  private static final int GRID = 300;

  private static final double SINGULARITY_THRESHOLD = 1e-14;
  private static final int MAX_EVALUATIONS = 10_000;

  private final double floor;
  private final double level;

  private PowerLawFitter(double floor, double level) {
    this.floor = floor;
    this.level = level;
  }

  /**
   * A fitter for errors that cannot be negative (error rate, {@code 1 − AUC}, RMSE, log loss): the
   * asymptote is at least 0.
   */
  public static PowerLawFitter nonNegative() {
    return new PowerLawFitter(0, DEFAULT_LEVEL);
  }

  /**
   * A fitter whose asymptote is at least {@code floor}: the smallest error possible (or a known
   * irreducible error).
   *
   * @param floor a finite bound, or {@link Double#NEGATIVE_INFINITY} for none
   * @throws IllegalArgumentException if {@code floor} is NaN or positive infinity
   */
  public static PowerLawFitter withFloor(double floor) {
    if (Double.isNaN(floor) || floor == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "the floor of the asymptote must be finite or negative infinity, got " + floor);
    }
    return new PowerLawFitter(floor, DEFAULT_LEVEL);
  }

  /**
   * This fitter with intervals at confidence {@code level}.
   *
   * @throws IllegalArgumentException if the level is outside (0, 1)
   */
  public PowerLawFitter atLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    return new PowerLawFitter(floor, level);
  }

  /** The lowest asymptote allowed. */
  public double floor() {
    return floor;
  }

  /** The confidence level of the intervals. */
  public double level() {
    return level;
  }

  /**
   * Fits the law to the points of a learning curve. Several points may share a size (one per fold,
   * say).
   *
   * @param points the curve; either all or none of them have a standard error
   * @return the fit, or a status and reason why there is none
   * @throws IllegalArgumentException if {@code points} or a point is null, some points have a
   *     standard error and others not, or an error is below the floor
   */
  public PowerLawFit fit(List<ErrorPoint> points) {
    int m = checkPoints(points);
    long sizes = points.stream().mapToDouble(ErrorPoint::size).distinct().count();
    if (sizes < 3) {
      return PowerLawFit.failed(
          FitStatus.TOO_FEW_SIZES,
          "fitting a + b·n^-c needs at least 3 distinct training sizes, got " + sizes);
    }
    double[] weights = weights(points);
    if (weights == null && m <= 3) {
      return PowerLawFit.failed(
          FitStatus.TOO_FEW_SIZES,
          "3 points fix the 3 parameters exactly and leave nothing to judge the fit by;"
              + " give a 4th size or the errors of the folds");
    }
    Optional<PowerLawFit> untrended = checkTrend(points);
    if (untrended.isPresent()) {
      return untrended.get();
    }

    double reference =
        Math.exp(points.stream().mapToDouble(p -> Math.log(p.size())).average().getAsDouble());
    double[] x = new double[m];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = points.get(i).size() / reference;
      y[i] = points.get(i).error();
    }
    double[] w = weights == null ? ones(m) : weights;
    double[] start = gridSearch(x, y, w);
    LeastSquaresProblem problem = problem(x, y, w, start);
    double[] best = polish(problem, start);
    if (!(best[1] > 0)) {
      return PowerLawFit.failed(
          FitStatus.FLAT,
          "the best fit has no decreasing part (b = 0): more rows are not expected to help");
    }
    Evaluation evaluation = problem.evaluate(new ArrayRealVector(best, false));
    double[][] covariance;
    try {
      covariance = evaluation.getCovariances(SINGULARITY_THRESHOLD).getData();
    } catch (SingularMatrixException e) {
      return notIdentifiable();
    }
    double scale = covarianceScale(evaluation.getCost(), m, weights != null);
    for (double[] row : covariance) {
      for (int l = 0; l < 3; l++) {
        row[l] *= scale;
        if (!Double.isFinite(row[l])) {
          return notIdentifiable();
        }
      }
    }
    double ss = 0;
    for (int i = 0; i < m; i++) {
      double r = y[i] - model(best, x[i]);
      ss += r * r;
    }
    FittedPowerLaw curve =
        new FittedPowerLaw(
            reference, best, covariance, floor, level, quantile(m - 3), Math.sqrt(ss / m), m);
    return checkDrop(curve, points)
        .orElse(
            PowerLawFit.fitted(
                curve, "fitted a + b·n^-c to " + m + " points at " + sizes + " training sizes"));
  }

  /**
   * The factor for {@code (JᵀWJ)⁻¹}: the reduced chi-square {@code cost²/(m − 3)}, at least 1 when
   * the points carry standard errors, and 1 when they do and no degree of freedom is left.
   */
  private static double covarianceScale(double cost, int m, boolean standardErrors) {
    int dof = m - 3;
    double reduced = dof > 0 ? cost * cost / dof : 1;
    return standardErrors ? Math.max(1, reduced) : reduced;
  }

  /** The two-sided quantile for intervals at this level: Student's t, or normal without dof. */
  private double quantile(int dof) {
    double p = 0.5 + level / 2;
    return dof > 0
        ? new TDistribution(null, dof).inverseCumulativeProbability(p)
        : new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
  }

  /** A flat outcome if the fitted drop over the measured sizes is not clearly above 0. */
  private static Optional<PowerLawFit> checkDrop(FittedPowerLaw curve, List<ErrorPoint> points) {
    double smallest = points.stream().mapToDouble(ErrorPoint::size).min().getAsDouble();
    double largest = points.stream().mapToDouble(ErrorPoint::size).max().getAsDouble();
    Interval drop = curve.gain(smallest, largest);
    if (drop.lower() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        PowerLawFit.failed(
            FitStatus.FLAT,
            "the fitted error falls by "
                + format(drop.estimate())
                + " ± "
                + format(drop.halfWidth())
                + " from "
                + rows(smallest)
                + " to "
                + rows(largest)
                + " rows, within the noise: no clear sign that more rows help"));
  }

  private int checkPoints(List<ErrorPoint> points) {
    if (points == null) {
      throw new IllegalArgumentException("the learning curve must not be null");
    }
    int withError = 0;
    for (int i = 0; i < points.size(); i++) {
      ErrorPoint p = points.get(i);
      if (p == null) {
        throw new IllegalArgumentException("point " + i + " of the learning curve is null");
      }
      if (p.error() < floor) {
        throw new IllegalArgumentException(
            "error "
                + p.error()
                + " at size "
                + p.size()
                + " is below the floor "
                + floor
                + " of the asymptote; choose a lower floor if such errors are possible");
      }
      withError += p.standardError().isPresent() ? 1 : 0;
    }
    if (withError != 0 && withError != points.size()) {
      throw new IllegalArgumentException(
          withError
              + " of "
              + points.size()
              + " points have a standard error; give it for all points or for none");
    }
    return points.size();
  }

  /** The weights 1/se², or null when the points carry no (positive) standard errors. */
  private static double[] weights(List<ErrorPoint> points) {
    double smallest = Double.POSITIVE_INFINITY;
    for (ErrorPoint p : points) {
      double se = p.standardError().orElse(0);
      if (se > 0) {
        smallest = Math.min(smallest, se);
      }
    }
    if (smallest == Double.POSITIVE_INFINITY) {
      return null;
    }
    double[] w = new double[points.size()];
    for (int i = 0; i < w.length; i++) {
      // A zero standard error (every fold scored the same) would weigh the point infinitely.
      double se = Math.max(smallest, points.get(i).standardError().getAsDouble());
      w[i] = 1 / (se * se);
    }
    return w;
  }

  /**
   * A flat or rising outcome if the errors are all equal or the least-squares line of error on
   * {@code ln n} does not fall; empty if it falls and the law is worth fitting.
   */
  private static Optional<PowerLawFit> checkTrend(List<ErrorPoint> points) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    SimpleRegression trend = new SimpleRegression();
    for (ErrorPoint p : points) {
      min = Math.min(min, p.error());
      max = Math.max(max, p.error());
      trend.addData(Math.log(p.size()), p.error());
    }
    if (max - min <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) {
      return Optional.of(
          PowerLawFit.failed(
              FitStatus.FLAT,
              "the error is " + format(min) + " at every size: more rows do not help"));
    }
    double slope = trend.getSlope();
    if (slope < 0) {
      return Optional.empty();
    }
    double se = trend.getSlopeStdErr();
    double critical =
        new TDistribution(null, points.size() - 2).inverseCumulativeProbability(0.975);
    if (slope > 0 && (se == 0 || slope / se > critical)) {
      return Optional.of(
          PowerLawFit.failed(
              FitStatus.RISING,
              "the error rises with more rows (by "
                  + format(slope * Math.log(2))
                  + " per doubling), which a learning curve should not do"));
    }
    return Optional.of(
        PowerLawFit.failed(
            FitStatus.FLAT,
            "the error shows no downward trend with more rows:"
                + " more rows are not expected to help"));
  }

  /**
   * For each exponent on a log-spaced grid, the bounded linear least-squares fit of {@code a} and
   * {@code beta}; returns the best {@code (a, beta, c)}.
   */
  private double[] gridSearch(double[] x, double[] y, double[] w) {
    double[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    double[] z = new double[x.length];
    double logMin = Math.log(MIN_EXPONENT);
    double step = (Math.log(MAX_EXPONENT) - logMin) / (GRID - 1);
    for (int g = 0; g < GRID; g++) {
      double c = g == GRID - 1 ? MAX_EXPONENT : Math.exp(logMin + g * step);
      for (int i = 0; i < x.length; i++) {
        z[i] = Math.pow(x[i], -c);
      }
      double[] ab = boundedLine(z, y, w);
      double cost = cost(ab[0], ab[1], z, y, w);
      if (cost < bestCost) {
        bestCost = cost;
        best = new double[] {ab[0], ab[1], c};
      }
    }
    return best;
  }

  /**
   * Minimises {@code Σ w (y − a − beta·z)²} subject to {@code a >= floor} and {@code beta >= 0}.
   * The objective is convex, so the minimum is the unconstrained one if that is feasible and
   * otherwise the best of the one-dimensional minima on the two bounds.
   */
  private double[] boundedLine(double[] z, double[] y, double[] w) {
    double sw = 0;
    double sz = 0;
    double sy = 0;
    double szz = 0;
    double szy = 0;
    for (int i = 0; i < z.length; i++) {
      sw += w[i];
      sz += w[i] * z[i];
      sy += w[i] * y[i];
      szz += w[i] * z[i] * z[i];
      szy += w[i] * z[i] * y[i];
    }
    double det = sw * szz - sz * sz;
    if (det > 0) {
      double beta = (sw * szy - sz * sy) / det;
      double a = (sy - beta * sz) / sw;
      if (a >= floor && beta >= 0) {
        return new double[] {a, beta};
      }
    }
    // beta = 0: a is the weighted mean, raised to the floor.
    double[] flat = {Math.max(floor, sy / sw), 0};
    if (floor == Double.NEGATIVE_INFINITY) {
      return flat;
    }
    // a = floor: beta fits y − floor through the origin, kept non-negative.
    double[] atFloor = {floor, Math.max(0, (szy - floor * sz) / szz)};
    return cost(atFloor[0], atFloor[1], z, y, w) < cost(flat[0], flat[1], z, y, w) ? atFloor : flat;
  }

  private static double cost(double a, double beta, double[] z, double[] y, double[] w) {
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      double r = y[i] - a - beta * z[i];
      sum += w[i] * r * r;
    }
    return sum;
  }

  private LeastSquaresProblem problem(double[] x, double[] y, double[] w, double[] start) {
    return new LeastSquaresBuilder()
        .model(
            p -> {
              double[] f = new double[x.length];
              for (int i = 0; i < x.length; i++) {
                f[i] = model(p, x[i]);
              }
              return f;
            },
            p -> {
              double[][] jacobian = new double[x.length][];
              for (int i = 0; i < x.length; i++) {
                double power = Math.pow(x[i], -p[2]);
                jacobian[i] = new double[] {1, power, -p[1] * power * Math.log(x[i])};
              }
              return jacobian;
            })
        .target(y)
        .weight(new DiagonalMatrix(w))
        .start(start)
        .parameterValidator(this::clamp)
        .maxEvaluations(MAX_EVALUATIONS)
        .maxIterations(MAX_EVALUATIONS)
        .build();
  }

  /** Runs Levenberg–Marquardt from the grid's best point; keeps whichever point costs less. */
  private double[] polish(LeastSquaresProblem problem, double[] start) {
    double startCost = problem.evaluate(new ArrayRealVector(start)).getCost();
    try {
      Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
      double[] point = clamp(optimum.getPoint()).toArray();
      double cost = problem.evaluate(new ArrayRealVector(point, false)).getCost();
      return cost <= startCost ? point : start;
    } catch (MathIllegalStateException e) {
      // Too many evaluations or no convergence: the grid's point is already close to the best.
      return start;
    }
  }

  private RealVector clamp(RealVector p) {
    double[] q = p.toArray();
    q[0] = Math.max(floor, q[0]);
    q[1] = Math.max(0, q[1]);
    q[2] = Math.min(MAX_EXPONENT, Math.max(MIN_EXPONENT, q[2]));
    return new ArrayRealVector(q, false);
  }

  private static double model(double[] p, double x) {
    return p[0] + p[1] * Math.pow(x, -p[2]);
  }

  private static double[] ones(int m) {
    double[] w = new double[m];
    Arrays.fill(w, 1);
    return w;
  }

  private static PowerLawFit notIdentifiable() {
    return PowerLawFit.failed(
        FitStatus.NOT_IDENTIFIABLE,
        "the points do not pin down a, b and c (their covariance is singular);"
            + " add sizes further apart");
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String rows(double n) {
    return String.format(Locale.ROOT, "%.0f", n);
  }
}
