package dev.plumb.learn.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogisticLearnerTest {
  private static Learner logistic(String params, Task task) {
    return new TribuoLearners().create(LearnerSpec.parse("tribuo:logistic" + params), task);
  }

  /** Two gaussian blobs either side of x0 + x1 = 0, with a margin of at least 1. */
  private static TrainingSet separable(Random r, int rows) {
    double[][] x = new double[rows][];
    int[] classes = new int[rows];
    for (int i = 0; i < rows; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      if (Math.abs(a + b) < 1) {
        i--;
        continue;
      }
      x[i] = new double[] {a, b};
      classes[i] = a + b > 0 ? 1 : 0;
    }
    return TrainingSets.classes(x, classes, "neg", "pos");
  }

  /** Rows of {@code classes} probabilities summing to 1; strictly inside (0, 1) if {@code open}. */
  private static void assertProbabilities(double[][] proba, int classes, boolean open) {
    for (double[] p : proba) {
      assertThat(p).hasSize(classes);
      assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
      assertThat(Arrays.stream(p).boxed().toList()).allSatisfy(v -> {
        if (open) {
          assertThat(v).isStrictlyBetween(0.0, 1.0);
        } else {
          assertThat(v).isBetween(0.0, 1.0);
        }
      });
    }
  }

  @Test
  void separableDataIsFittedExactlyWithProperProbabilities() {
    TrainingSet data = separable(new Random(1), 200);

    double[][] proba = logistic("", Task.BINARY).fit(data, 1).predictProba(data.x());

    assertThat(TrainingSets.accuracy(proba, data.classes())).isEqualTo(1.0);
    assertProbabilities(proba, 2, true);
  }

  @Test
  void breastCancerInSampleAccuracyMatchesScikitLearn() {
    TrainingSet wdbc = TrainingSets.standardizedCsv("breast_cancer_wdbc.csv", "diagnosis");
    assertThat(wdbc.features()).isEqualTo(30);

    double[][] proba = logistic("", wdbc.task()).fit(wdbc, 1).predictProba(wdbc.x());

    // scikit-learn's LogisticRegression() gets 0.988 in-sample on standardized WDBC
    assertThat(TrainingSets.accuracy(proba, wdbc.classes())).isGreaterThan(0.97);
    // the most extreme rows have decision values beyond 37, where the sigmoid rounds to 0 or 1
    assertProbabilities(proba, 2, false);
  }

  @Test
  void irisIsFittedOneVersusRestWithNormalizedProbabilities() {
    TrainingSet iris = TrainingSets.standardizedCsv("iris.csv", "species");
    assertThat(iris.numClasses()).isEqualTo(3);

    double[][] proba = logistic("", iris.task()).fit(iris, 1).predictProba(iris.x());

    // scikit-learn's one-vs-rest liblinear LogisticRegression gets about 0.95 here
    assertThat(TrainingSets.accuracy(proba, iris.classes())).isGreaterThan(0.9);
    assertProbabilities(proba, 3, false);
  }

  @Test
  void classAbsentFromTrainingGetsAZeroColumn() {
    Random r = new Random(2);
    double[][] x = new double[90][];
    int[] classes = new int[90];
    for (int i = 0; i < x.length; i++) {
      classes[i] = i % 2 == 0 ? 0 : 3;
      x[i] = new double[] {r.nextGaussian() + classes[i], r.nextGaussian()};
    }
    TrainingSet data = TrainingSets.classes(x, classes, "a", "b", "c", "d");

    double[][] proba = logistic("", Task.MULTICLASS).fit(data, 1).predictProba(x);

    assertThat(Arrays.asList(proba)).allSatisfy(p -> {
      assertThat(p).hasSize(4);
      assertThat(p[1]).isZero();
      assertThat(p[2]).isZero();
      assertThat(p[0] + p[3]).isCloseTo(1, within(1e-12));
    });
    assertThat(TrainingSets.accuracy(proba, classes)).isGreaterThan(0.8);
  }

  @Test
  void singleClassTrainingPredictsThatClass() {
    double[][] x = {{0, 1}, {1, 0}, {2, 2}};
    Model model = logistic("", Task.BINARY).fit(TrainingSets.classes(x, new int[] {1, 1, 1}, "a", "b"), 1);

    assertThat(model.predictProba(new double[][] {{5, 5}})[0]).containsExactly(0, 1);
  }

  @Test
  void sameSeedGivesTheSameModelInAnyThread() {
    TrainingSet data = separable(new Random(3), 300);
    // the dual solver visits rows in a random order, so the seed matters for it
    for (String params : List.of("", "(solver=l2r_lr_dual,penalize_intercept=true)")) {
      Learner learner = logistic(params, Task.BINARY);
      double[][] first = learner.fit(data, 42).predictProba(data.x());

      List<double[][]> parallel = IntStream.range(0, 8).parallel()
          .mapToObj(i -> learner.fit(data, 42).predictProba(data.x())).toList();

      assertThat(parallel).as(params)
          .allSatisfy(p -> assertThat(Arrays.deepEquals(p, first)).isTrue());
    }
  }

  @Test
  void classNamesAndFeatureNamesMayBeAnything() {
    TrainingSet plain = separable(new Random(4), 100);
    TrainingSet odd = TrainingSet.classification(Task.BINARY, plain.x(), plain.classes(),
        List.of("a,b=(c)", "ü \"quoted\" \t tab"), List.of("same", "same"), List.of());

    double[][] expected = logistic("", Task.BINARY).fit(plain, 1).predictProba(plain.x());
    double[][] proba = logistic("", Task.BINARY).fit(odd, 1).predictProba(odd.x());

    assertThat(Arrays.deepEquals(proba, expected)).isTrue();
  }

  @Test
  void strongerRegularizationShrinksTheProbabilities() {
    TrainingSet data = separable(new Random(5), 100);
    double[][] point = {{2, 2}};

    double loose = logistic("(c=100)", Task.BINARY).fit(data, 1).predictProba(point)[0][1];
    double tight = logistic("(c=0.001)", Task.BINARY).fit(data, 1).predictProba(point)[0][1];

    assertThat(tight).isBetween(0.5, loose);
  }

  @Test
  void rowsOfZerosArePredicted() {
    Model model = logistic("", Task.BINARY).fit(separable(new Random(6), 50), 1);

    assertThat(model.predictProba(new double[][] {{0, 0}})[0][1]).isBetween(0.3, 0.7);
  }

  @Test
  void rowsOfTheWrongWidthAreRejected() {
    Model model = logistic("", Task.BINARY).fit(separable(new Random(6), 50), 1);

    assertThatThrownBy(() -> model.predictProba(new double[][] {{1, 2, 3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 feature values");
    assertThatThrownBy(() -> model.predict(new double[][] {{1, 2}}))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void modelSizeIsTheProtobufByteCount() {
    Model model = logistic("", Task.BINARY).fit(separable(new Random(7), 50), 1);

    assertThat(model.sizeBytes()).isBetween(500L, 100_000L);
  }
}
