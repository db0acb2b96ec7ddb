package dev.plumb.diagnose;

/**
 * How an extrapolation came out. Only {@link #FITTED} carries a curve; the others are ordinary
 * outcomes for real learning curves, not errors, and come with a reason to show the user.
 */
public enum FitStatus {
  /** The curve was fitted and can be extrapolated, with intervals. */
  FITTED,
  /**
   * Too few points to fit and judge the curve: fewer distinct training sizes than the model has
   * parameters, or no points left over to estimate the scatter from.
   */
  TOO_FEW_SIZES,
  /**
   * The error does not clearly fall with more rows (the same at every size, no downward trend, no
   * decreasing part in the best fit, or a fitted drop within the noise): more data of the same kind
   * is not expected to help.
   */
  FLAT,
  /**
   * The error rises with more rows, which a decreasing curve cannot describe; worth a look at the
   * pipeline (leakage into small training sets, an unstable learner, a size-dependent setting).
   */
  RISING,
  /** The points do not pin down the parameters: their covariance is singular. */
  NOT_IDENTIFIABLE
}
