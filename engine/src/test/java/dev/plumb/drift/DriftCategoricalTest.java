package dev.plumb.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.ColumnType;
import dev.plumb.data.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Level shares, the other bin and the chi-squared test. */
class DriftCategoricalTest {
  /** {@code a} times "a", {@code b} times "b", {@code c} times "c", in a mixed order. */
  static String[] levels(int a, int b, int c) {
    List<String> out = new ArrayList<>();
    out.addAll(Collections.nCopies(a, "a"));
    out.addAll(Collections.nCopies(b, "b"));
    out.addAll(Collections.nCopies(c, "c"));
    Collections.shuffle(out, new java.util.Random(7));
    return out.toArray(String[]::new);
  }

  static FeatureDrift only(String[] before, String[] after) {
    Table train = new Table(List.of(CategoricalColumn.of("c", ColumnType.CATEGORICAL, before)));
    Table fresh = new Table(List.of(CategoricalColumn.of("c", ColumnType.CATEGORICAL, after)));
    return DriftCheck.compare(DriftReference.of(train, List.of("c")), fresh).get(0);
  }

  @Test
  void chiSquaredMatchesScipy() {
    FeatureDrift d = only(levels(60, 100, 40), levels(45, 40, 15));
    DriftTest t = d.test().orElseThrow();
    assertThat(t.method()).isEqualTo(DriftTest.Method.CHI2);
    // scipy 1.10.1: stats.chi2_contingency([[60, 100, 40], [45, 40, 15]], correction=False)
    //   statistic 6.623376623376624, pvalue 0.03645457508428807, dof 2
    assertThat(t.statistic()).isCloseTo(6.623376623376624, within(1e-10));
    assertThat(t.pValue()).isCloseTo(0.03645457508428807, within(1e-10));
    // by hand over shares a, b, c, other: (0.3, 0.5, 0.2, 0) -> (0.45, 0.4, 0.15, 0)
    double psi = 0.15 * Math.log(1.5) - 0.1 * Math.log(0.8) - 0.05 * Math.log(0.75);
    assertThat(d.psi()).isCloseTo(psi, within(1e-12));
  }

  @Test
  void changedProportionsAreFlagged() {
    FeatureDrift d = only(levels(500, 300, 200), levels(100, 150, 250));
    assertThat(d.severity()).isEqualTo(DriftSeverity.MAJOR);
    assertThat(d.flagged()).isTrue();
    assertThat(d.change()).contains(new Change("'a'", 0.5, 0.2));
    assertThat(d.reason())
        .isEqualTo("c: major drift (PSI 0.55, chi2=175.0, p<1e-12); 'a' 50.0% → 20.0%");
  }

  @Test
  void identicalProportionsAreNot() {
    FeatureDrift d = only(levels(500, 300, 200), levels(50, 30, 20));
    assertThat(d.psi()).isCloseTo(0, within(1e-12));
    assertThat(d.test().orElseThrow().pValue()).isCloseTo(1, within(1e-9));
    assertThat(d.flagged()).isFalse();
    assertThat(d.reason()).startsWith("c: no drift (PSI 0.00, chi2=0.0, p=1.0)");
  }

  @Test
  void unseenLevelsCountAsOther() {
    String[] after = levels(500, 300, 200);
    for (int i = 0; i < 300; i++) {
      after[i] = "new-" + (i % 3);
    }
    FeatureDrift d = only(levels(500, 300, 200), after);
    assertThat(d.change().orElseThrow().what()).isEqualTo("other levels");
    assertThat(d.change().orElseThrow().after()).isEqualTo(0.3);
    assertThat(d.severity()).isEqualTo(DriftSeverity.MAJOR);
  }

  @Test
  void aSingleNonEmptyBinCannotDiffer() {
    FeatureDrift d = only(levels(10, 0, 0), levels(3, 0, 0));
    assertThat(d.test()).contains(new DriftTest(DriftTest.Method.CHI2, 0, 1));
    assertThat(d.flagged()).isFalse();
  }
}
