package dev.plumb.diagnose;

import java.util.Optional;

/**
 * The outcome of {@link PowerLawFitter#fit}: a fitted curve, or the reason there is none.
 * Immutable.
 *
 * @param status how the fit came out
 * @param reason one sentence for the user: what was fitted, or why nothing was
 * @param curve the fitted curve, present exactly when {@code status} is {@link FitStatus#FITTED}
 * @throws IllegalArgumentException if a value is null or blank, or the curve does not match the
 *     status
 */
public record PowerLawFit(FitStatus status, String reason, Optional<FittedPowerLaw> curve) {
  /** Checks that the curve matches the status. */
  public PowerLawFit {
    if (status == null || reason == null || reason.isBlank() || curve == null) {
      throw new IllegalArgumentException("status, reason and curve must be given");
    }
    if (curve.isPresent() != (status == FitStatus.FITTED)) {
      throw new IllegalArgumentException(
          "a curve goes with status FITTED only, got status " + status + " and curve " + curve);
    }
  }

  static PowerLawFit fitted(FittedPowerLaw curve, String reason) {
    return new PowerLawFit(FitStatus.FITTED, reason, Optional.of(curve));
  }

  static PowerLawFit failed(FitStatus status, String reason) {
    return new PowerLawFit(status, reason, Optional.empty());
  }
}
