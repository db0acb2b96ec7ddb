package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The law itself against hand-computed values. */
class PowerLawTest {
  // 0.1 + 2·n^-0.5: 0.3 at n = 100, 0.12 at n = 10,000.
  private static final PowerLaw LAW = new PowerLaw(0.1, 2, 0.5);

  @Test
  void valueAtFollowsTheFormula() {
    assertThat(LAW.valueAt(100)).isCloseTo(0.3, within(1e-15));
    assertThat(LAW.valueAt(10_000)).isCloseTo(0.12, within(1e-15));
    assertThat(LAW.valueAt(1)).isCloseTo(2.1, within(1e-15));
  }

  @Test
  void sizeForInvertsValueAt() {
    assertThat(LAW.sizeFor(0.3)).hasValueCloseTo(100.0, within(1e-9));
    assertThat(LAW.sizeFor(0.12)).hasValueCloseTo(10_000.0, within(1e-7));
    // above the value at one row: reached with less than one row
    assertThat(LAW.sizeFor(4.1)).hasValueCloseTo(0.25, within(1e-15));
  }

  @Test
  void sizeForIsEmptyAtOrBelowTheAsymptote() {
    assertThat(LAW.sizeFor(0.1)).isEmpty();
    assertThat(LAW.sizeFor(0.05)).isEmpty();
    // so close to the asymptote that the size overflows
    assertThat(new PowerLaw(0.1, 2, 0.01).sizeFor(0.1 + 1e-12)).isEmpty();
  }

  @Test
  void rejectsParametersOfAnIncreasingOrUndefinedCurve() {
    assertThrows(IllegalArgumentException.class, () -> new PowerLaw(0.1, -1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new PowerLaw(0.1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new PowerLaw(Double.NaN, 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> LAW.valueAt(0));
    assertThrows(IllegalArgumentException.class, () -> LAW.sizeFor(Double.NaN));
  }

  @Test
  void foldsGiveTheMeanAndTheStandardErrorOfTheMean() {
    // mean 0.2; deviations -0.02 0 0.02: s² = 0.0008 / 2 = 0.0004, se = 0.02 / √3
    ErrorPoint p = ErrorPoint.ofFolds(100, 0.18, 0.20, 0.22);
    assertThat(p.error()).isCloseTo(0.2, within(1e-15));
    assertThat(p.standardError()).hasValueCloseTo(0.02 / Math.sqrt(3), within(1e-15));
    assertThrows(IllegalArgumentException.class, () -> ErrorPoint.ofFolds(100, 0.2));
    assertThrows(IllegalArgumentException.class, () -> ErrorPoint.of(-1, 0.2));
    IllegalArgumentException fraction =
        assertThrows(IllegalArgumentException.class, () -> ErrorPoint.of(0.5, 0.2));
    assertThat(fraction.getMessage()).contains("a fraction? give the number of rows");
    assertThrows(IllegalArgumentException.class, () -> ErrorPoint.of(100, 0.2, -0.01));
  }
}
