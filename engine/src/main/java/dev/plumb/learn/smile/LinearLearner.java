package dev.plumb.learn.smile;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.List;
import smile.math.MathEx;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

/**
 * Linear regression with an intercept, fitted by Smile: {@code linear} (ordinary least squares,
 * {@code smile.regression.OLS}) and {@code ridge} ({@code smile.regression.RidgeRegression}).
 *
 * <p>{@code linear} is scikit-learn's {@code LinearRegression}: Smile solves it by singular value
 * decomposition, which gives the minimum-norm solution when features are collinear (as a one-hot
 * block always is with the intercept) instead of failing; Smile's default QR would fail on exact
 * collinearity only, and return huge, unstable coefficients on near-exact collinearity. It fails
 * when there are no more rows than coefficients.
 *
 * <p>{@code ridge} is scikit-learn's {@code Ridge(alpha=1.0)}: minimize
 * {@code ||y - Xw - b||^2 + alpha ||w||^2}, the intercept not penalized. Smile's
 * {@code RidgeRegression} standardizes the columns and penalizes the standardized coefficients,
 * which is a different model unless every feature has unit variance, and refuses constant columns.
 * So {@code fit} drops constant features (their coefficient would be 0) and passes Smile one
 * penalty per column, {@code alpha / s_j^2} with {@code s_j} the scale Smile divides by, which
 * makes Smile's problem exactly scikit-learn's.
 *
 * <p>Deterministic; immutable and thread-safe.
 */
final class LinearLearner implements Learner {
  static {
    // Smile's BLAS and LAPACK classes initialize each other; two threads that start to initialize
    // them at once (two folds fitting at the same time) deadlock in the JVM's class-init locks.
    // Initialize both here, once, on whichever thread first creates a linear learner.
    smile.math.blas.BLAS.getInstance();
    smile.math.blas.LAPACK.getInstance();
  }

  private final LearnerSpec spec;
  private final double alpha;
  private final boolean ridge;

  private LinearLearner(LearnerSpec spec, double alpha, boolean ridge) {
    this.spec = spec;
    this.alpha = alpha;
    this.ridge = ridge;
  }

  /** {@code linear}: no parameters. */
  static LinearLearner linear(LearnerSpec given) {
    ParamReader r = new ParamReader(given, List.of());
    return new LinearLearner(r.spec("linear"), 0, false);
  }

  /** {@code ridge(alpha=1.0)}. */
  static LinearLearner ridge(LearnerSpec given) {
    ParamReader r = new ParamReader(given, List.of("alpha"));
    double alpha = r.real("alpha", 1.0, 0, true, Double.POSITIVE_INFINITY, true);
    return new LinearLearner(r.spec("ridge"), alpha, true);
  }

  @Override
  public LearnerSpec spec() {
    return spec;
  }

  @Override
  public boolean supports(Task task) {
    return task == Task.REGRESSION;
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    SmileFrames.check(data, false, spec);
    return ridge ? fitRidge(data) : fitOls(data);
  }

  private Model fitOls(TrainingSet data) {
    int n = data.rows();
    int p = data.features();
    if (n <= p + 1) {
      throw new IllegalArgumentException("OLS failed: " + n + " rows cannot determine "
          + (p + 1) + " coefficients (" + p + " features and the intercept); use ridge, or fewer"
          + " features");
    }
    LinearModel model;
    try {
      model = OLS.fit(SmileFrames.formula(), SmileFrames.regression(data), "svd", false, false);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("OLS failed: " + e.getMessage() + "; try ridge", e);
    }
    return new LinearRegressor(model, null, p);
  }

  private Model fitRidge(TrainingSet data) {
    double[][] x = data.x();
    int n = data.rows();
    int p = data.features();
    int[] keep = new int[p];
    double[] lambda = new double[p];
    int kept = 0;
    for (int j = 0; j < p; j++) {
      double scale = smileScale(x, j);
      if (!constant(x, j) && Double.isFinite(scale) && !MathEx.isZero(scale)) {
        keep[kept] = j;
        lambda[kept] = alpha / (scale * scale);
        kept++;
      }
    }
    if (kept == 0) {
      return ConstantModel.value(Arrays.stream(data.y()).sum() / n);
    }
    keep = Arrays.copyOf(keep, kept);
    lambda = Arrays.copyOf(lambda, kept);
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0);
    LinearModel model;
    try {
      model = RidgeRegression.fit(SmileFrames.formula(), SmileFrames.regression(data, keep),
          weights, lambda, new double[] {0.0});
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("ridge failed: " + e.getMessage()
          + "; try a larger alpha", e);
    }
    return new LinearRegressor(model, kept == p ? null : keep, p);
  }

  private static boolean constant(double[][] x, int j) {
    double first = x[0][j];
    for (double[] row : x) {
      if (row[j] != first) {
        return false;
      }
    }
    return true;
  }

  /**
   * The scale Smile's {@code RidgeRegression} divides column {@code j} by: its
   * {@code Matrix.colSds()}, {@code sqrt(E[x^2] - E[x]^2)}, computed in the same order so the
   * result is bit for bit Smile's.
   */
  private static double smileScale(double[][] x, int j) {
    int m = x.length;
    double mu = 0.0;
    double sumsq = 0.0;
    for (int i = 0; i < m; i++) {
      double a = x[i][j];
      mu += a;
      sumsq += a * a;
    }
    mu /= m;
    return Math.sqrt(sumsq / m - mu * mu);
  }
}
