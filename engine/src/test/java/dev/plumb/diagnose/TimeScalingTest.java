package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plumb.evaluate.Interval;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit-time law {@code t0·n^p} recovered from times generated with known parameters. */
class TimeScalingTest {
  private static final double[] SIZES = {50, 103, 213, 440, 909, 1876, 3875, 8000};

  private static double[] times(double t0, double p, double logNoise, long seed) {
    Random random = new Random(seed);
    double[] seconds = new double[SIZES.length];
    for (int i = 0; i < SIZES.length; i++) {
      seconds[i] = t0 * Math.pow(SIZES[i], p) * Math.exp(logNoise * random.nextGaussian());
    }
    return seconds;
  }

  private static TimeScaling fitted(TimeScalingFit fit) {
    assertThat(fit.status()).as(fit.reason()).isEqualTo(FitStatus.FITTED);
    return fit.scaling().orElseThrow();
  }

  @Test
  void recoversAnExactLaw() {
    TimeScaling scaling = fitted(TimeScaling.fit(SIZES, times(0.001, 1.3, 0, 0)));

    assertThat(scaling.exponent()).isCloseTo(1.3, within(1e-12));
    assertThat(scaling.coefficient()).isCloseTo(0.001, withinPercentage(1e-9));
    // 0.001 · 80,000^1.3 = 2,359.9... seconds
    double expected = 0.001 * Math.pow(80_000, 1.3);
    Interval at10x = scaling.secondsAt(80_000);
    assertThat(at10x.estimate()).isCloseTo(expected, withinPercentage(1e-9));
    assertThat(at10x.upper() - at10x.lower()).isLessThan(1e-9 * expected);
    assertThat(scaling.points()).isEqualTo(8);
  }

  @Test
  void recoversTheExponentFromNoisyTimes() {
    // multiplicative noise of about 10%: the exponent's standard error is about 0.02
    double[] seconds = times(0.001, 1.3, 0.1, 11);
    TimeScaling scaling = fitted(TimeScaling.fit(SIZES, seconds));

    assertThat(scaling.exponent())
        .isCloseTo(1.3, within(3 * scaling.exponentStandardError()))
        .isCloseTo(1.3, within(0.07));
    assertThat(scaling.exponentStandardError()).isBetween(0.005, 0.05);
    assertThat(scaling.secondsAt(16_000).contains(0.001 * Math.pow(16_000, 1.3))).isTrue();
    assertThat(scaling.secondsAt(80_000).contains(0.001 * Math.pow(80_000, 1.3))).isTrue();
  }

  @Test
  void leavesOutTimesBelowTheClocksResolution() {
    double[] seconds = times(0.001, 1.3, 0, 0);
    seconds[0] = 0;
    TimeScaling scaling = fitted(TimeScaling.fit(SIZES, seconds));

    assertThat(scaling.points()).isEqualTo(7);
    assertThat(scaling.exponent()).isCloseTo(1.3, within(1e-12));
  }

  @Test
  void needsThreePositiveTimesAtTwoSizes() {
    TimeScalingFit twoTimes =
        TimeScaling.fit(new double[] {100, 200, 400}, new double[] {0.1, 0.2, 0});
    assertThat(twoTimes.status()).isEqualTo(FitStatus.TOO_FEW_SIZES);
    assertThat(twoTimes.reason()).contains("got 2 positive times");
    assertThat(twoTimes.scaling()).isEmpty();

    TimeScalingFit oneSize =
        TimeScaling.fit(new double[] {100, 100, 100}, new double[] {0.1, 0.2, 0.3});
    assertThat(oneSize.status()).isEqualTo(FitStatus.TOO_FEW_SIZES);
    assertThat(oneSize.reason()).contains("at one size");
  }

  @Test
  void rejectsMismatchedOrInvalidInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TimeScaling.fit(new double[] {1, 2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> TimeScaling.fit(new double[] {1, 2, 3}, new double[] {1, -1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> TimeScaling.fit(new double[] {0, 2, 3}, new double[] {1, 1, 1}));
    assertThrows(
        IllegalArgumentException.class, () -> TimeScaling.fit(SIZES, times(0.001, 1.3, 0, 0), 1.5));
  }
}
