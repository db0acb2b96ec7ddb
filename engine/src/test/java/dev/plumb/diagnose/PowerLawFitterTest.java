package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plumb.evaluate.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The power-law fit against curves generated from known parameters, against scipy's {@code
 * curve_fit} on one noisy curve, and on the curves it must refuse.
 */
class PowerLawFitterTest {
  /** 0.08 + 1.5·n^-0.6: error 0.223 at 50 rows, 0.0868 at 8,000, tending to 0.08. */
  private static final PowerLaw TRUTH = new PowerLaw(0.08, 1.5, 0.6);

  /** 8 log-spaced sizes from 50 to 8,000 rows, rounded to whole rows. */
  private static final double[] SIZES = {50, 103, 213, 440, 909, 1876, 3875, 8000};

  private static final double TWICE = 16_000;
  private static final double TEN_TIMES = 80_000;

  private static List<ErrorPoint> exactCurve(PowerLaw law, double... sizes) {
    List<ErrorPoint> points = new ArrayList<>();
    for (double n : sizes) {
      points.add(ErrorPoint.of(n, law.valueAt(n)));
    }
    return points;
  }

  /** Five folds per size, each the truth plus Gaussian noise of {@code foldSd}, seeded. */
  private static List<ErrorPoint> noisyFolds(long seed, double foldSd, boolean withStandardErrors) {
    Random random = new Random(seed);
    List<ErrorPoint> points = new ArrayList<>();
    for (double n : SIZES) {
      double[] folds = new double[5];
      for (int j = 0; j < folds.length; j++) {
        folds[j] = TRUTH.valueAt(n) + foldSd * random.nextGaussian();
      }
      ErrorPoint p = ErrorPoint.ofFolds(n, folds);
      points.add(withStandardErrors ? p : ErrorPoint.of(n, p.error()));
    }
    return points;
  }

  private static FittedPowerLaw fitted(PowerLawFit fit) {
    assertThat(fit.status()).as(fit.reason()).isEqualTo(FitStatus.FITTED);
    return fit.curve().orElseThrow();
  }

  @Test
  void recoversTheParametersOfAnExactCurve() {
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(exactCurve(TRUTH, SIZES)));

    PowerLaw law = curve.law();
    assertThat(law.a()).isCloseTo(0.08, within(1e-8));
    assertThat(law.b()).isCloseTo(1.5, within(1e-6));
    assertThat(law.c()).isCloseTo(0.6, within(1e-8));
    assertThat(curve.predict(TWICE).estimate()).isCloseTo(TRUTH.valueAt(TWICE), within(1e-10));
    assertThat(curve.predict(TEN_TIMES).estimate())
        .isCloseTo(TRUTH.valueAt(TEN_TIMES), within(1e-10));
    assertThat(curve.residualRms()).isLessThan(1e-10);
    assertThat(curve.points()).isEqualTo(8);
    assertThat(curve.degreesOfFreedom()).isEqualTo(5);
  }

  /*
   * 0.08 + 1.5·n^-0.6 plus N(0, 0.002) noise (numpy default_rng(7)), rounded to 5 decimals.
   * scipy 1.17.1: curve_fit(lambda n, a, b, c: a + b * n**-c, sizes, y, p0=[0.08, 1.5, 0.6],
   * xtol=ftol=gtol=1e-15) gives p and pcov (unweighted, so pcov is scaled by RSS / 5); the
   * half-widths are t.ppf(0.975, 5) · sqrt(g·pcov·g) with g = (1, n^-c, -b·n^-c·ln n).
   */
  private static final double[] NOISY = {
    0.22346, 0.17358, 0.13958, 0.11713, 0.10426, 0.09432, 0.09067, 0.08951
  };

  @Test
  void agreesWithScipyCurveFitOnANoisyCurve() {
    List<ErrorPoint> points = new ArrayList<>();
    for (int i = 0; i < SIZES.length; i++) {
      points.add(ErrorPoint.of(SIZES[i], NOISY[i]));
    }
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(points));

    PowerLaw law = curve.law();
    assertThat(law.a()).isCloseTo(0.08154485576280705, withinPercentage(1e-4));
    assertThat(law.b()).isCloseTo(1.6608354388837245, withinPercentage(1e-4));
    assertThat(law.c()).isCloseTo(0.6274926717346457, withinPercentage(1e-4));
    double[] se = curve.standardErrors();
    assertThat(se[0]).isCloseTo(0.001590177214578528, withinPercentage(1e-3));
    assertThat(se[1]).isCloseTo(0.13750104763788978, withinPercentage(1e-3));
    assertThat(se[2]).isCloseTo(0.02214270237528077, withinPercentage(1e-3));
    Interval twice = curve.predict(TWICE);
    assertThat(twice.estimate()).isCloseTo(0.08536669243209583, within(1e-8));
    assertThat(twice.halfWidth()).isCloseTo(0.0029696908353814243, withinPercentage(1e-3));
    Interval tenTimes = curve.predict(TEN_TIMES);
    assertThat(tenTimes.estimate()).isCloseTo(0.08293696580889338, within(1e-8));
    assertThat(tenTimes.halfWidth()).isCloseTo(0.00355956089434757, withinPercentage(1e-3));
    assertThat(curve.residualRms()).isCloseTo(0.0012034632598535728, withinPercentage(1e-4));
    // and the truth lies inside both intervals
    assertThat(twice.contains(TRUTH.valueAt(TWICE))).isTrue();
    assertThat(tenTimes.contains(TRUTH.valueAt(TEN_TIMES))).isTrue();
  }

  @Test
  void recoversTheParametersOfANoisyFoldCurveWithinTheirErrors() {
    // fold noise 0.005, so each mean has a standard error of about 0.0022
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(noisyFolds(42, 0.005, true)));

    PowerLaw law = curve.law();
    double[] se = curve.standardErrors();
    assertThat(law.a()).isCloseTo(0.08, within(3 * se[0])).isCloseTo(0.08, within(0.01));
    assertThat(law.c()).isCloseTo(0.6, within(3 * se[2])).isCloseTo(0.6, within(0.15));
    assertThat(curve.predict(TWICE).contains(TRUTH.valueAt(TWICE))).isTrue();
    assertThat(curve.predict(TEN_TIMES).contains(TRUTH.valueAt(TEN_TIMES))).isTrue();
    assertThat(curve.asymptote().contains(0.08)).isTrue();
    assertThat(curve.predict(TWICE).halfWidth()).isLessThan(0.01);
  }

  @Test
  void intervalsCoverTheTruthAboutAsOftenAsTheirLevelSays() {
    // 200 seeded curves each with and without standard errors; nominal coverage 95%
    for (boolean withStandardErrors : new boolean[] {true, false}) {
      int covered2 = 0;
      int covered10 = 0;
      int coveredA = 0;
      int runs = 200;
      for (int seed = 0; seed < runs; seed++) {
        FittedPowerLaw curve =
            fitted(PowerLawFitter.nonNegative().fit(noisyFolds(seed, 0.005, withStandardErrors)));
        covered2 += curve.predict(TWICE).contains(TRUTH.valueAt(TWICE)) ? 1 : 0;
        covered10 += curve.predict(TEN_TIMES).contains(TRUTH.valueAt(TEN_TIMES)) ? 1 : 0;
        coveredA += curve.asymptote().contains(TRUTH.a()) ? 1 : 0;
      }
      // 0.90 is 3.2 binomial standard errors below 0.95 for 200 runs
      assertThat(covered2).as("2x, standard errors " + withStandardErrors).isGreaterThan(180);
      assertThat(covered10).as("10x, standard errors " + withStandardErrors).isGreaterThan(180);
      assertThat(coveredA)
          .as("asymptote, standard errors " + withStandardErrors)
          .isGreaterThan(180);
    }
  }

  @Property(tries = 200)
  void recoversAnyExactCurveInRange(
      @ForAll @DoubleRange(min = 0, max = 0.4) double a,
      @ForAll @DoubleRange(min = 0.1, max = 10) double b,
      @ForAll @DoubleRange(min = 0.1, max = 2) double c) {
    PowerLaw truth = new PowerLaw(a, b, c);
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(exactCurve(truth, SIZES)));

    // relative to the part of the error that the data removes over the measured range
    double span = truth.valueAt(SIZES[0]) - truth.valueAt(SIZES[SIZES.length - 1]);
    assertThat(curve.predict(TWICE).estimate())
        .isCloseTo(truth.valueAt(TWICE), within(1e-6 * span));
    assertThat(curve.predict(TEN_TIMES).estimate())
        .isCloseTo(truth.valueAt(TEN_TIMES), within(1e-6 * span));
    assertThat(curve.law().c()).isCloseTo(c, within(1e-4));
  }

  @Test
  void rowsForIsTheAnalyticInverse() {
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(exactCurve(TRUTH, SIZES)));

    // (1.5 / (0.085 - 0.08))^(1/0.6) = 300^(5/3) and (1.5 / 0.02)^(1/0.6) = 75^(5/3)
    assertThat(curve.rowsFor(0.085)).hasValueCloseTo(13444.214239671479, withinPercentage(1e-5));
    assertThat(curve.rowsFor(0.1)).hasValueCloseTo(1333.834989183774, withinPercentage(1e-5));
    assertThat(curve.rowsFor(0.08)).isEmpty();
    assertThat(curve.rowsFor(0.05)).isEmpty();
  }

  @Test
  void anAsymptoteAtZeroStaysAtTheFloor() {
    PowerLaw truth = new PowerLaw(0, 2, 0.5);
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(exactCurve(truth, SIZES)));

    assertThat(curve.law().a()).isBetween(0.0, 1e-8);
    assertThat(curve.asymptote().lower()).isGreaterThanOrEqualTo(0);
    assertThat(curve.predict(TEN_TIMES).estimate())
        .isCloseTo(truth.valueAt(TEN_TIMES), within(1e-10));
  }

  @Test
  void anUnboundedFitMayPutTheAsymptoteBelowZero() {
    // a score-like "error" such as -R² can go negative
    PowerLaw truth = new PowerLaw(-0.2, 1, 0.4);
    FittedPowerLaw curve =
        fitted(PowerLawFitter.withFloor(Double.NEGATIVE_INFINITY).fit(exactCurve(truth, SIZES)));

    assertThat(curve.law().a()).isCloseTo(-0.2, within(1e-8));
  }

  @Test
  void threeSizesWithStandardErrorsAreEnough() {
    List<ErrorPoint> points = new ArrayList<>();
    for (double n : new double[] {100, 1000, 10_000}) {
      points.add(ErrorPoint.of(n, TRUTH.valueAt(n), 0.001));
    }
    FittedPowerLaw curve = fitted(PowerLawFitter.nonNegative().fit(points));

    assertThat(curve.degreesOfFreedom()).isZero();
    assertThat(curve.law().c()).isCloseTo(0.6, within(1e-6));
    assertThat(curve.predict(TEN_TIMES).contains(TRUTH.valueAt(TEN_TIMES))).isTrue();
  }

  @Test
  void twoSizesAreTooFew() {
    PowerLawFit fit = PowerLawFitter.nonNegative().fit(exactCurve(TRUTH, 100, 1000, 100, 1000));

    assertThat(fit.status()).isEqualTo(FitStatus.TOO_FEW_SIZES);
    assertThat(fit.reason()).contains("at least 3 distinct training sizes, got 2");
    assertThat(fit.curve()).isEmpty();
  }

  @Test
  void threeSizesWithoutStandardErrorsAreTooFew() {
    PowerLawFit fit = PowerLawFitter.nonNegative().fit(exactCurve(TRUTH, 100, 1000, 10_000));

    assertThat(fit.status()).isEqualTo(FitStatus.TOO_FEW_SIZES);
    assertThat(fit.reason()).contains("4th size");
  }

  @Test
  void anEmptyCurveHasTooFewSizes() {
    assertThat(PowerLawFitter.nonNegative().fit(List.of()).status())
        .isEqualTo(FitStatus.TOO_FEW_SIZES);
  }

  @Test
  void aConstantErrorIsFlat() {
    List<ErrorPoint> points = new ArrayList<>();
    for (double n : SIZES) {
      points.add(ErrorPoint.of(n, 0.25));
    }
    PowerLawFit fit = PowerLawFitter.nonNegative().fit(points);

    assertThat(fit.status()).isEqualTo(FitStatus.FLAT);
    assertThat(fit.reason()).contains("0.2500 at every size");
  }

  @Test
  void noiseAboutAConstantErrorIsMostlyFlat() {
    // Either screen may let a noisy flat curve through by chance; a 95% interval on the fitted
    // drop should do so rarely.
    int flat = 0;
    int runs = 200;
    String reason = "";
    for (int seed = 0; seed < runs; seed++) {
      Random random = new Random(seed);
      List<ErrorPoint> points = new ArrayList<>();
      for (double n : SIZES) {
        points.add(ErrorPoint.of(n, 0.25 + 0.01 * random.nextGaussian()));
      }
      PowerLawFit fit = PowerLawFitter.nonNegative().fit(points);
      if (fit.status() == FitStatus.FLAT) {
        flat++;
        reason = fit.reason();
      }
    }
    assertThat(flat).isGreaterThan(180);
    assertThat(reason).contains("more rows");
  }

  @Test
  void aRisingErrorIsReportedAsRising() {
    List<ErrorPoint> points = new ArrayList<>();
    for (double n : SIZES) {
      points.add(ErrorPoint.of(n, 0.1 + 0.02 * Math.log(n)));
    }
    PowerLawFit fit = PowerLawFitter.nonNegative().fit(points);

    assertThat(fit.status()).isEqualTo(FitStatus.RISING);
    assertThat(fit.reason()).contains("rises");
    assertThat(fit.curve()).isEmpty();
  }

  @Test
  void aNoisyRisingErrorIsReportedAsRising() {
    Random random = new Random(5);
    List<ErrorPoint> points = new ArrayList<>();
    for (double n : SIZES) {
      points.add(ErrorPoint.of(n, 0.3 - TRUTH.valueAt(n) + 0.002 * random.nextGaussian()));
    }

    assertThat(PowerLawFitter.nonNegative().fit(points).status()).isEqualTo(FitStatus.RISING);
  }

  @Test
  void rejectsMixedStandardErrorsAndErrorsBelowTheFloor() {
    List<ErrorPoint> mixed = new ArrayList<>(exactCurve(TRUTH, SIZES));
    mixed.set(0, ErrorPoint.of(SIZES[0], TRUTH.valueAt(SIZES[0]), 0.01));
    assertThrows(IllegalArgumentException.class, () -> PowerLawFitter.nonNegative().fit(mixed));

    List<ErrorPoint> negative = exactCurve(new PowerLaw(-0.1, 1, 0.5), SIZES);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PowerLawFitter.nonNegative().fit(negative));
    assertThat(e.getMessage()).contains("below the floor 0.0");

    assertThrows(IllegalArgumentException.class, () -> PowerLawFitter.nonNegative().fit(null));
    assertThrows(IllegalArgumentException.class, () -> PowerLawFitter.withFloor(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> PowerLawFitter.nonNegative().atLevel(1));
  }

  @Test
  void aHigherLevelGivesAWiderInterval() {
    List<ErrorPoint> points = noisyFolds(1, 0.005, true);
    Interval at95 = fitted(PowerLawFitter.nonNegative().fit(points)).predict(TEN_TIMES);
    Interval at99 =
        fitted(PowerLawFitter.nonNegative().atLevel(0.99).fit(points)).predict(TEN_TIMES);

    assertThat(at99.level()).isEqualTo(0.99);
    assertThat(at99.estimate()).isEqualTo(at95.estimate());
    // Student t with 5 degrees of freedom: 4.0321 / 2.5706 at the two levels
    assertThat(at99.halfWidth() / at95.halfWidth())
        .isCloseTo(4.032142983557536 / 2.570581835636314, within(1e-9));
  }
}
