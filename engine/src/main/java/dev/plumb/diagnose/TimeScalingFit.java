package dev.plumb.diagnose;

import java.util.Optional;

/**
 * The outcome of {@link TimeScaling#fit}: the fitted scaling, or the reason there is none.
 * Immutable.
 *
 * @param status {@link FitStatus#FITTED} or {@link FitStatus#TOO_FEW_SIZES}
 * @param reason one sentence for the user: what was fitted, or why nothing was
 * @param scaling the fit, present exactly when {@code status} is {@link FitStatus#FITTED}
 * @throws IllegalArgumentException if a value is null or blank, or the scaling does not match the
 *     status
 */
public record TimeScalingFit(FitStatus status, String reason, Optional<TimeScaling> scaling) {
  /** Checks that the scaling matches the status. */
  public TimeScalingFit {
    if (status == null || reason == null || reason.isBlank() || scaling == null) {
      throw new IllegalArgumentException("status, reason and scaling must be given");
    }
    if (scaling.isPresent() != (status == FitStatus.FITTED)) {
      throw new IllegalArgumentException(
          "a scaling goes with status FITTED only, got status " + status + " and " + scaling);
    }
  }

  static TimeScalingFit fitted(TimeScaling scaling, String reason) {
    return new TimeScalingFit(FitStatus.FITTED, reason, Optional.of(scaling));
  }

  static TimeScalingFit failed(String reason) {
    return new TimeScalingFit(FitStatus.TOO_FEW_SIZES, reason, Optional.empty());
  }
}
