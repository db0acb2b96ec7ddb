package dev.plumb.learn.smile;

import static dev.plumb.learn.smile.Fixtures.accuracy;
import static dev.plumb.learn.smile.Fixtures.argmax;
import static dev.plumb.learn.smile.Fixtures.classes;
import static dev.plumb.learn.smile.Fixtures.learner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.data.DataFrame;

/** What the classifiers predict, against values computed independently. */
class SmileClassifiersTest {
  @Test
  void treeFitsDistinctRowsPerfectly() {
    double[][] x = Fixtures.uniform(200, 3, 11);
    SplittableRandom r = new SplittableRandom(12);
    int[] y = new int[x.length];
    Arrays.setAll(y, i -> r.nextInt(3));
    double[][] p = learner("tree", Task.MULTICLASS).fit(classes(x, y, 3), 1).predictProba(x);
    for (int i = 0; i < x.length; i++) {
      double[] oneHot = new double[3];
      oneHot[y[i]] = 1;
      assertThat(p[i]).as("row %d", i).containsExactly(oneHot);
    }
  }

  @Test
  void treePredictsTheClassSmileItselfPredicts() {
    TrainingSet iris = Fixtures.iris();
    Model ours = learner("tree(max_depth=3)", Task.MULTICLASS).fit(iris, 1);
    // the same tree straight from Smile: max_depth 3 is Smile's maxDepth 4
    DataFrame frame = SmileFrames.classification(iris, SmileColumns.of(iris));
    DecisionTree smile = DecisionTree.fit(SmileFrames.formula(), frame, SplitRule.GINI, 4, 150, 1);
    double[][] p = ours.predictProba(iris.x());
    for (int i = 0; i < iris.rows(); i++) {
      assertThat(argmax(p[i])).as("row %d", i).isEqualTo(smile.predict(frame.get(i)));
      assertThat(Arrays.stream(p[i]).sum()).isCloseTo(1, within(1e-12));
    }
  }

  @Test
  void leafProbabilitiesAreClassShares() {
    // one feature; the best single split (Gini 0.1875) is at 0.5: left 0,0,1,0 and right 1,1,1,1,
    // so the left leaf is 3/4 class 0 (Smile's own smoothing would say 4/6)
    double[][] x = {{0.1}, {0.2}, {0.3}, {0.4}, {0.6}, {0.7}, {0.8}, {0.9}};
    int[] y = {0, 0, 1, 0, 1, 1, 1, 1};
    double[][] p = learner("stump", Task.BINARY).fit(classes(x, y, 2), 1)
        .predictProba(new double[][] {{0.0}, {1.0}});
    assertThat(p[0]).containsExactly(new double[] {0.75, 0.25}, within(1e-15));
    assertThat(p[1]).containsExactly(new double[] {0.0, 1.0}, within(1e-15));
  }

  @Test
  void stumpSplitsOnceWhereTheFullTreeSplitsMore() {
    TrainingSet iris = Fixtures.iris();
    double[][] stump = learner("stump", Task.MULTICLASS).fit(iris, 1).predictProba(iris.x());
    double[][] depth2 = learner("tree(max_depth=2)", Task.MULTICLASS).fit(iris, 1)
        .predictProba(iris.x());
    assertThat(distinctRows(stump)).isEqualTo(2);
    assertThat(distinctRows(depth2)).isBetween(3, 4);
  }

  private static int distinctRows(double[][] p) {
    Set<List<Double>> rows = new HashSet<>();
    for (double[] row : p) {
      rows.add(Arrays.stream(row).boxed().toList());
    }
    return rows.size();
  }

  @Test
  void randomForestLearnsIris() {
    TrainingSet iris = Fixtures.iris();
    Model m = learner("random_forest", Task.MULTICLASS).fit(iris, 42);
    double[][] p = m.predictProba(iris.x());
    assertThat(accuracy(p, iris.classes())).isGreaterThan(0.9);
    for (double[] row : p) {
      assertThat(Arrays.stream(row).sum()).isCloseTo(1, within(1e-12));
    }
    long tree = learner("tree", Task.MULTICLASS).fit(iris, 42).sizeBytes();
    assertThat(tree).isPositive();
    assertThat(m.sizeBytes()).isGreaterThan(20 * tree);
  }

  @Test
  void gradientBoostingLearnsIrisAndNoisyBinary() {
    TrainingSet iris = Fixtures.iris();
    double[][] p = learner("gradient_boosting", Task.MULTICLASS).fit(iris, 3)
        .predictProba(iris.x());
    assertThat(accuracy(p, iris.classes())).isGreaterThan(0.95);
    TrainingSet train = Fixtures.noisyBinary(400, 3, 5);
    TrainingSet test = Fixtures.noisyBinary(400, 3, 6);
    double[][] q = learner("gradient_boosting", Task.BINARY).fit(train, 3).predictProba(test.x());
    assertThat(accuracy(q, test.classes())).isGreaterThan(0.75);
    for (double[] row : q) {
      assertThat(row[0] + row[1]).isCloseTo(1, within(1e-12));
    }
  }

  @Test
  void naiveBayesMatchesHandComputedGaussians() {
    // class 0: 1, 2, 3 (mean 2, variance 2/3); class 1: 6, 8 (mean 7, variance 1);
    // all rows: mean 4, variance 34/5, so every variance grows by 1e-9 * 6.8
    double[][] x = {{1}, {2}, {3}, {6}, {8}};
    int[] y = {0, 0, 0, 1, 1};
    double eps = 1e-9 * 6.8;
    Model m = learner("naive_bayes", Task.BINARY).fit(classes(x, y, 2), 1);
    for (double v : new double[] {4, 0, 5.5, 10}) {
      double a = 0.6 * gaussian(v, 2, 2.0 / 3 + eps);
      double b = 0.4 * gaussian(v, 7, 1 + eps);
      double[] p = m.predictProba(new double[][] {{v}})[0];
      assertThat(p[0]).as("P(0 | %s)", v).isCloseTo(a / (a + b), within(1e-12));
      assertThat(p[1]).as("P(1 | %s)", v).isCloseTo(b / (a + b), within(1e-12));
    }
  }

  private static double gaussian(double x, double mean, double variance) {
    return Math.exp(-(x - mean) * (x - mean) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "stump", "random_forest", "gradient_boosting", "naive_bayes"})
  void classAbsentFromTrainingGetsZeroInItsOwnColumn(String name) {
    // three classes, class 1 absent: Smile sees labels {0, 2} and re-encodes them to {0, 1}
    double[][] x = Fixtures.uniform(60, 2, 21);
    int[] y = new int[x.length];
    Arrays.setAll(y, i -> x[i][0] < 0.5 ? 0 : 2);
    Model m = learner(name, Task.MULTICLASS).fit(classes(x, y, 3), 9);
    double[][] p = m.predictProba(new double[][] {{0.1, 0.5}, {0.9, 0.5}});
    for (double[] row : p) {
      assertThat(row).hasSize(3);
      assertThat(row[1]).isZero();
      assertThat(row[0] + row[2]).isCloseTo(1, within(1e-12));
    }
    assertThat(p[0][0]).isGreaterThan(0.5);
    assertThat(p[1][2]).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "stump", "random_forest", "gradient_boosting", "naive_bayes"})
  void singleTrainingClassIsPredictedWithCertainty(String name) {
    double[][] x = Fixtures.uniform(10, 2, 3);
    int[] y = new int[10];
    Arrays.fill(y, 2);
    double[][] p = learner(name, Task.MULTICLASS).fit(classes(x, y, 4), 1).predictProba(x);
    assertThat(p[0]).containsExactly(0, 0, 1, 0);
  }

  @Test
  void wrongRowWidthIsRejected() {
    Model m = learner("tree", Task.BINARY).fit(Fixtures.noisyBinary(30, 3, 1), 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> m.predictProba(new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 0 has 2 values; the model was fitted on 3 features");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.predict(new double[][] {{1, 2, 3}}))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
