package dev.plumb.learn.smile;

import static dev.plumb.learn.smile.Fixtures.accuracy;
import static dev.plumb.learn.smile.Fixtures.classesWithCategory;
import static dev.plumb.learn.smile.Fixtures.learner;
import static dev.plumb.learn.smile.Fixtures.numbersWithCategory;
import static dev.plumb.learn.smile.Fixtures.withCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree learners see a one-hot block as one nominal column: they learn what the category
 * decides, predict as the same trees on the one-hot features would, count the category once for
 * {@code mtry}, and reject rows that are not one-hot.
 */
class SmileCategoriesTest {
  private static final int LEVELS = 5;

  /** Level {@code i}'s value, far apart so that noise cannot beat the category. */
  private static final double[] LEVEL_VALUE = {3, -7, 12, 0.5, 20};

  private static int[] levels(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] level = new int[n];
    for (int i = 0; i < n; i++) {
      level[i] = r.nextInt(LEVELS);
    }
    return level;
  }

  /** Two noise numbers and a 5-level category whose level gives the class (level mod 3). */
  private static TrainingSet decidedByCategory(int n, long seed) {
    int[] level = levels(n, seed);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = level[i] % 3;
    }
    return classesWithCategory(withCategory(Fixtures.uniform(n, 2, seed + 1), level, LEVELS), y,
        3, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "random_forest", "gradient_boosting"})
  void categoryThatDecidesTheClassIsLearnedExactly(String name) {
    TrainingSet train = decidedByCategory(300, 1);
    TrainingSet test = decidedByCategory(200, 2);
    double[][] p = learner(name, Task.MULTICLASS).fit(train, 7).predictProba(test.x());
    assertThat(accuracy(p, test.classes())).isEqualTo(1.0);
  }

  @Test
  void stumpSplitsOffOneLevelOfACategory() {
    // class 1 exactly at level 2: one split, level 2 against the rest, makes both leaves pure
    int n = 300;
    int[] level = levels(n, 3);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = level[i] == 2 ? 1 : 0;
    }
    TrainingSet train = classesWithCategory(withCategory(Fixtures.uniform(n, 1, 4), level,
        LEVELS), y, 2, 1);
    double[][] p = learner("stump", Task.BINARY).fit(train, 1).predictProba(
        withCategory(new double[][] {{0.5}, {0.5}, {0.5}}, new int[] {2, 4, -1}, LEVELS));
    assertThat(p[0]).containsExactly(new double[] {0, 1}, within(1e-12));
    assertThat(p[1]).containsExactly(new double[] {1, 0}, within(1e-12));
    // a row with no level set goes down the "not level 2" side, as it would on one-hot features
    assertThat(p[2]).containsExactly(new double[] {1, 0}, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "random_forest", "gradient_boosting"})
  void categoryThatDecidesTheValueIsLearned(String name) {
    int n = 300;
    int[] level = levels(n, 5);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = LEVEL_VALUE[level[i]];
    }
    TrainingSet train = numbersWithCategory(withCategory(Fixtures.uniform(n, 2, 6), level,
        LEVELS), y, 2);
    int[] testLevel = {0, 1, 2, 3, 4, 4, 3, 2, 1, 0};
    double[] p = learner(name, Task.REGRESSION).fit(train, 3).predict(
        withCategory(Fixtures.uniform(testLevel.length, 2, 8), testLevel, LEVELS));
    for (int i = 0; i < testLevel.length; i++) {
      // boosting: 100 rounds of shrinkage 0.1 leave 0.9^100 (3e-5) of the 27-wide range
      assertThat(p[i]).as("level %d", testLevel[i])
          .isCloseTo(LEVEL_VALUE[testLevel[i]], within(1e-2));
    }
  }

  /**
   * A noisy number and a noisy category, fitted once as a category (nominal column) and once as
   * plain one-hot numbers (no groups, the adapter's earlier behaviour): a regression tree splits
   * one level against the rest either way, so the trees predict the same for every level.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tree", "tree(max_depth=4)", "gradient_boosting(trees=20)"})
  void regressionPredictsAsOnTheOneHotFeatures(String spec) {
    int[] testLevel = {0, 1, 2, 3, 4, 2, 0};
    assertSamePredictions(spec, testLevel);
  }

  /**
   * A row with no level set goes down the "not this level" side of every split on the category,
   * as the all-zero row of one-hot features does. Where a node holds only two levels, testing
   * either makes the same split, and which one is tested decides where a row of neither goes; both
   * representations break that tie arbitrarily (by rounding), so only trees that never reach such
   * a node are compared: depth 2 or 3 with five levels.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tree(max_depth=2)", "gradient_boosting(trees=20)"})
  void rowWithNoLevelGoesWhereItWouldOnTheOneHotFeatures(String spec) {
    int[] testLevel = {-1, 0, -1, 4};
    assertSamePredictions(spec, testLevel);
  }

  private static void assertSamePredictions(String spec, int[] testLevel) {
    int n = 400;
    int[] level = levels(n, 9);
    double[][] numbers = Fixtures.uniform(n, 1, 10);
    SplittableRandom r = new SplittableRandom(11);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = LEVEL_VALUE[level[i]] + 4 * numbers[i][0] + r.nextGaussian();
    }
    double[][] x = withCategory(numbers, level, LEVELS);
    TrainingSet asCategory = numbersWithCategory(x, y, 1);
    TrainingSet asNumbers = Fixtures.numbers(x, y);
    double[][] test = withCategory(Fixtures.uniform(testLevel.length, 1, 12), testLevel, LEVELS);
    double[] expected = learner(spec, Task.REGRESSION).fit(asNumbers, 5).predict(test);
    double[] actual = learner(spec, Task.REGRESSION).fit(asCategory, 5).predict(test);
    assertThat(actual).containsExactly(expected, within(1e-9));
  }

  @Test
  void forestCountsACategoryAsOneFeatureForMtry() {
    // 2 numbers and a 5-level category: 7 features, 3 columns for Smile
    TrainingSet train = decidedByCategory(60, 13);
    assertThat(learner("random_forest(mtry=3,trees=5)", Task.MULTICLASS).fit(train, 1)
        .predictProba(train.x())).hasNumberOfRows(60);
    assertThatThrownBy(() -> learner("random_forest(mtry=4)", Task.MULTICLASS).fit(train, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mtry=4 is more than the 3 features of the data (a one-hot encoded"
            + " category counts as one)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "random_forest", "gradient_boosting"})
  void rowWithTwoLevelsSetIsRejected(String name) {
    TrainingSet train = decidedByCategory(60, 14);
    Model m = learner(name, Task.MULTICLASS).fit(train, 1);
    double[][] bad = withCategory(new double[][] {{0.1, 0.2}, {0.3, 0.4}}, new int[] {1, 2},
        LEVELS);
    bad[1][2 + 4] = 1;
    assertThatThrownBy(() -> m.predictProba(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 1: the one-hot features of 'c' (features 2 to 6) have two 1s, at features"
            + " 4 and 6; a one-hot block has at most one");
    double[][] half = withCategory(new double[][] {{0.1, 0.2}}, new int[] {0}, LEVELS);
    half[0][2] = 0.5;
    assertThatThrownBy(() -> m.predictProba(half))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 0: the one-hot features of 'c' (features 2 to 6) hold 0.5 at feature 2;"
            + " one-hot features are 0 or 1");
  }

  @Test
  void trainingRowWithTwoLevelsSetIsRejected() {
    double[][] x = withCategory(Fixtures.uniform(4, 1, 1), new int[] {0, 1, 2, 0}, 3);
    x[3][1 + 2] = 1;
    TrainingSet train = classesWithCategory(x, new int[] {0, 1, 0, 1}, 2, 1);
    assertThatThrownBy(() -> learner("tree", Task.BINARY).fit(train, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 3: the one-hot features of 'c'");
  }
}
