package dev.plumb.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PSI by hand, on deciles, with ties, constants and missing values. */
class DriftPsiTest {
  static FeatureDrift only(double[] before, double[] after) {
    DriftReference ref = DriftReference.of(new Table(List.of(NumericColumn.of("x", before))),
        List.of("x"));
    return DriftCheck.compare(ref, new Table(List.of(NumericColumn.of("x", after)))).get(0);
  }

  @Test
  void matchesTheFormulaByHand() {
    // (0.4 - 0.5) ln(0.4/0.5) + (0.4 - 0.3) ln(0.4/0.3) + 0
    double byHand = 0.1 * Math.log(1.25) + 0.1 * Math.log(4.0 / 3.0);
    assertThat(byHand).isCloseTo(0.0510826, within(1e-7));
    assertThat(Psi.of(new double[] {0.5, 0.3, 0.2}, new double[] {0.4, 0.4, 0.2}))
        .isCloseTo(byHand, within(1e-15));
  }

  @Test
  void floorsEmptySharesInsteadOfDividingByZero() {
    // the empty expected bin counts as 1e-4: 0.1 ln(1.25) + (0.1 - 1e-4) ln(0.1 / 1e-4)
    assertThat(Psi.of(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.4, 0.1}))
        .isCloseTo(0.712399107, within(1e-8));
    assertThat(Psi.of(new double[] {0.2, 0}, new double[] {0.2, 0})).isZero();
  }

  @Test
  void binsNumbersOnTheTrainingDeciles() {
    // training 1..1000: deciles 100, 200, ..., 900, each bin 10%, nothing below the minimum 1
    double[] train = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
    // new: 1 below the minimum, 2 in [1, 100], 1 in (100, 200], none in (200, 300],
    // 1 in each of the next five bins, none in (800, 900], 1 above 900
    double[] fresh = {0.5, 50, 50, 150, 350, 450, 550, 650, 750, 950};
    // three bins at 0.1 against 1e-4 (floored 0): 3 (0.1 - 1e-4) ln(1000); one 0.2 against 0.1
    double byHand = 3 * (0.1 - 1e-4) * Math.log(1000) + 0.1 * Math.log(2);
    FeatureDrift d = only(train, fresh);
    assertThat(d.psi()).isCloseTo(byHand, within(1e-9));
    assertThat(d.severity()).isEqualTo(DriftSeverity.MAJOR);
    // the lower median: the 5th of 10 new values, the 500th of 1000 training values
    assertThat(d.change()).contains(new Change("median", 500, 350));
    assertThat(d.reason())
        .isEqualTo("x: major drift (PSI 2.14, KS D=0.25, p=0.57); median 500 → 350");
  }

  @Test
  void tiedIntegerFeaturesWithTheSameProportionsDoNotDrift() {
    double[] train = IntStream.range(0, 1000).mapToDouble(i -> i % 5).toArray();
    double[] fresh = IntStream.range(0, 300).mapToDouble(i -> (i * 7) % 5).toArray();
    FeatureDrift d = only(train, fresh);
    assertThat(d.psi()).isCloseTo(0, within(1e-12));
    assertThat(d.test().orElseThrow().statistic()).isLessThan(0.011);
    assertThat(d.flagged()).isFalse();
  }

  @Test
  void aConstantFeatureDriftsOnlyWhenItsValueChanges() {
    double[] fives = new double[200];
    Arrays.fill(fives, 5);
    FeatureDrift same = only(fives, Arrays.copyOf(fives, 50));
    assertThat(same.psi()).isCloseTo(0, within(1e-12));
    assertThat(same.test().orElseThrow().statistic()).isZero();
    assertThat(same.flagged()).isFalse();
    double[] sixes = new double[50];
    Arrays.fill(sixes, 6);
    assertThat(only(fives, sixes).severity()).isEqualTo(DriftSeverity.MAJOR);
    double[] fours = new double[50];
    Arrays.fill(fours, 4);
    assertThat(only(fives, fours).severity()).isEqualTo(DriftSeverity.MAJOR);
  }

  @Test
  void anAllMissingFeatureIsComparedByItsMissingShare() {
    double[] none = new double[100];
    Arrays.fill(none, Double.NaN);
    FeatureDrift same = only(none, Arrays.copyOf(none, 10));
    assertThat(same.psi()).isZero();
    assertThat(same.test()).isEmpty();
    assertThat(same.flagged()).isFalse();
    assertThat(same.missingShareAfter()).isEqualTo(1.0);
    FeatureDrift filled = only(none, new double[] {1, 2, 3, Double.NaN});
    assertThat(filled.severity()).isEqualTo(DriftSeverity.MAJOR);
    assertThat(filled.missingShareAfter()).isEqualTo(0.25);
    assertThat(filled.test()).isEmpty();
  }

  @Test
  void missingValuesFormABinOfTheirOwn() {
    double[] train = IntStream.range(0, 1000).mapToDouble(i -> i).toArray();
    double[] fresh = IntStream.range(0, 1000).mapToDouble(i -> i < 300 ? Double.NaN : i).toArray();
    FeatureDrift d = only(train, fresh);
    assertThat(d.missingShareBefore()).isZero();
    assertThat(d.missingShareAfter()).isEqualTo(0.3);
    assertThat(d.severity()).isEqualTo(DriftSeverity.MAJOR);
    assertThat(d.reason()).contains("missing 0.0% → 30.0%");
  }

  @Test
  void aNumericFeatureThatTurnedToTextIsReadFromItsText() {
    DriftReference ref = DriftReference.of(new Table(List.of(NumericColumn.of("x", 1, 2, 3, 4))),
        List.of("x"));
    Table fresh = new Table(List.of(
        CategoricalColumn.of("x", ColumnType.TEXT, "1", "2", "3", "n/a")));
    FeatureDrift d = DriftCheck.compare(ref, fresh).get(0);
    assertThat(d.missingShareAfter()).isEqualTo(0.25);
    assertThat(d.change()).contains(new Change("median", 2, 2));
  }
}
