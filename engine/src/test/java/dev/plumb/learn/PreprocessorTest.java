package dev.plumb.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
  private static final int[] TRAIN = {0, 1, 2, 3};
  private static final int[] VALIDATION = {4, 5};

  @Test
  void imputesWithTheTrainingMedianAndStandardizesWithTrainingStatistics() {
    // rows 0-3 train: 1, 2, missing, 6 -> median of present (1, 2, 6) = 2; imputed 1, 2, 2, 6
    // mean 2.75, population std sqrt(((1.75)^2 + 0.75^2 + 0.75^2 + 3.25^2) / 4) = sqrt(3.6875)
    Column x = NumericColumn.of("x", 1, 2, Double.NaN, 6, 1000, Double.NaN);
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(x), TRAIN);
    assertThat(pre.featureNames()).containsExactly("x", "x_missing");
    double std = Math.sqrt(3.6875);
    double[][] v = pre.transform(VALIDATION);
    assertThat(v[0][0]).isCloseTo((1000 - 2.75) / std, within(1e-12));
    assertThat(v[1][0]).as("missing validation value gets the training median")
        .isCloseTo((2 - 2.75) / std, within(1e-12));
    assertThat(v[1][1]).isEqualTo(1.0);
    double[][] t = pre.transform(TRAIN);
    double mean = 0;
    for (double[] row : t) {
      mean += row[0];
    }
    assertThat(mean / 4).isCloseTo(0, within(1e-12));
  }

  @Test
  void validationValuesNeverChangeTheFit() {
    Column a = NumericColumn.of("x", 1, 2, 3, 4, 5, 6);
    Column b = NumericColumn.of("x", 1, 2, 3, 4, -500, 9e9);
    assertThat(Preprocessor.fit(List.of(a), TRAIN).transform(TRAIN))
        .isDeepEqualTo(Preprocessor.fit(List.of(b), TRAIN).transform(TRAIN));
  }

  @Test
  void oneHotKeepsFrequentLevelsAndSendsRareAndUnseenOnesToOther() {
    Column c = CategoricalColumn.of("color", ColumnType.CATEGORICAL,
        "red", "red", "blue", "blue", "green", "pink", null, "teal");
    int[] train = {0, 1, 2, 3, 4, 6};
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(c), train);
    assertThat(pre.featureNames())
        .containsExactly("color=blue", "color=red", "color=(other)", "color=(missing)");
    assertThat(pre.groups()).singleElement().satisfies(g -> {
      assertThat(g.kind()).isEqualTo(FeatureGroup.Kind.ONE_HOT);
      assertThat(g.count()).isEqualTo(4);
    });
    double[][] v = pre.transform(new int[] {0, 4, 5, 6, 7});
    assertThat(v[0]).containsExactly(0, 1, 0, 0);
    assertThat(v[1]).as("green was seen once: rare").containsExactly(0, 0, 1, 0);
    assertThat(v[2]).as("pink was never seen in training").containsExactly(0, 0, 1, 0);
    assertThat(v[3]).containsExactly(0, 0, 0, 1);
  }

  @Test
  void booleansBecomeZeroOrOne() {
    Column c = CategoricalColumn.of("churn", ColumnType.BOOLEAN, "no", "yes", "yes", "no");
    double[][] v = Preprocessor.fit(List.of(c), TRAIN).transform(TRAIN);
    assertThat(v).isDeepEqualTo(new double[][] {{0}, {1}, {1}, {0}});
  }
}
