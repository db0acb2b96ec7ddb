package dev.plumb.learn.smile;

import static dev.plumb.learn.smile.Fixtures.learner;
import static dev.plumb.learn.smile.Fixtures.numbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the regressors predict, against values computed independently. */
class SmileRegressorsTest {
  private static final double[][] PROBES = {{0, 0}, {1, 0}, {0, 1}, {-2.5, 4}, {10, -3}};

  /** Rows of (a, b) and y = 3 + 2a - b, exactly. */
  private static TrainingSet plane(int n) {
    double[][] x = Fixtures.uniform(n, 2, 5);
    double[] y = new double[n];
    Arrays.setAll(y, i -> 3 + 2 * x[i][0] - x[i][1]);
    return numbers(x, y);
  }

  @Test
  void olsRecoversExactCoefficients() {
    double[] p = learner("linear", Task.REGRESSION).fit(plane(20), 1).predict(PROBES);
    for (int i = 0; i < PROBES.length; i++) {
      assertThat(p[i]).isCloseTo(3 + 2 * PROBES[i][0] - PROBES[i][1], within(1e-9));
    }
  }

  @Test
  void olsGivesTheMinimumNormSolutionForCollinearFeatures() {
    // b = 2a exactly, y = 1 + 5a: every w with w_a + 2 w_b = 5 fits; the minimum-norm one is (1, 2)
    SplittableRandom r = new SplittableRandom(3);
    double[][] x = new double[30][];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      double a = r.nextDouble();
      x[i] = new double[] {a, 2 * a};
      y[i] = 1 + 5 * a;
    }
    Model m = learner("linear", Task.REGRESSION).fit(numbers(x, y), 1);
    double[] p = m.predict(new double[][] {{0, 0}, {1, 0}, {0, 1}});
    assertThat(p[0]).isCloseTo(1, within(1e-9));
    assertThat(p[1]).isCloseTo(2, within(1e-9));
    assertThat(p[2]).isCloseTo(3, within(1e-9));
  }

  @Test
  void olsNeedsMoreRowsThanCoefficients() {
    TrainingSet three = numbers(new double[][] {{1, 2}, {3, 4}, {5, 7}}, new double[] {1, 2, 3});
    assertThatThrownBy(() -> learner("linear", Task.REGRESSION).fit(three, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OLS failed: 3 rows cannot determine 3 coefficients (2 features and the"
            + " intercept); use ridge, or fewer features");
  }

  @Test
  void ridgeIsScikitLearnsRidgeAndShrinksTowardsTheMean() {
    // features on very different scales, plus a constant one: Smile's own standardized ridge
    // would give a different answer; scikit-learn's Ridge(alpha=1) solves
    // (Xc'Xc + alpha I) w = Xc'yc on centered data, b = mean(y) - mean(x) . w
    SplittableRandom r = new SplittableRandom(8);
    int n = 25;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      double b = 100 * r.nextGaussian();
      x[i] = new double[] {a, 7, b};
      y[i] = 1 + 2 * a + 0.03 * b + r.nextGaussian();
    }
    double alpha = 1.0;
    double ma = 0;
    double mb = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      ma += x[i][0] / n;
      mb += x[i][2] / n;
      my += y[i] / n;
    }
    double saa = alpha;
    double sbb = alpha;
    double sab = 0;
    double say = 0;
    double sby = 0;
    for (int i = 0; i < n; i++) {
      double a = x[i][0] - ma;
      double b = x[i][2] - mb;
      saa += a * a;
      sbb += b * b;
      sab += a * b;
      say += a * (y[i] - my);
      sby += b * (y[i] - my);
    }
    double det = saa * sbb - sab * sab;
    double wa = (sbb * say - sab * sby) / det;
    double wb = (saa * sby - sab * say) / det;
    double b0 = my - ma * wa - mb * wb;

    Model ridge = learner("ridge", Task.REGRESSION).fit(numbers(x, y), 1);
    double[][] probes = {{0, 7, 0}, {1, 7, 0}, {0, 7, 1}, {2, 7, -50}};
    double[] p = ridge.predict(probes);
    for (int i = 0; i < probes.length; i++) {
      assertThat(p[i]).isCloseTo(b0 + wa * probes[i][0] + wb * probes[i][2], within(1e-9));
    }

    double[] fitted = ridge.predict(x);
    double[] ols = learner("linear", Task.REGRESSION).fit(numbers(x, y), 1).predict(x);
    double[] flat = learner("ridge(alpha=1e9)", Task.REGRESSION).fit(numbers(x, y), 1).predict(x);
    assertThat(spread(fitted, my)).isLessThan(spread(ols, my));
    assertThat(spread(flat, my)).isLessThan(1e-3 * spread(ols, my));
  }

  private static double spread(double[] v, double mean) {
    return Arrays.stream(v).map(d -> (d - mean) * (d - mean)).sum();
  }

  @Test
  void ridgeOfConstantFeaturesPredictsTheMean() {
    double[][] x = {{1, 2}, {1, 2}, {1, 2}};
    double[] p = learner("ridge", Task.REGRESSION).fit(numbers(x, new double[] {1, 2, 6}), 1)
        .predict(new double[][] {{5, 5}});
    assertThat(p[0]).isEqualTo(3.0);
  }

  @Test
  void treeFitsDistinctRowsExactly() {
    double[][] x = Fixtures.uniform(100, 2, 4);
    double[] y = new double[x.length];
    SplittableRandom r = new SplittableRandom(4);
    Arrays.setAll(y, i -> r.nextGaussian());
    double[] p = learner("tree", Task.REGRESSION).fit(numbers(x, y), 1).predict(x);
    assertThat(p).containsExactly(y, within(1e-12));
  }

  @Test
  void forestAndBoostingLearnAPlane() {
    TrainingSet train = plane(500);
    double[][] test = Fixtures.uniform(200, 2, 77);
    for (String name : new String[] {"random_forest", "gradient_boosting"}) {
      double[] p = learner(name, Task.REGRESSION).fit(train, 2).predict(test);
      double mse = 0;
      for (int i = 0; i < test.length; i++) {
        double truth = 3 + 2 * test[i][0] - test[i][1];
        mse += (p[i] - truth) * (p[i] - truth) / test.length;
      }
      // the target's variance is 5/12 = 0.42
      assertThat(mse).as(name).isLessThan(0.01);
    }
  }
}
