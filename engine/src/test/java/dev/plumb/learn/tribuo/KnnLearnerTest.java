package dev.plumb.learn.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnLearnerTest {
  private static Learner knn(String params, Task task) {
    return new TribuoLearners().create(LearnerSpec.parse("tribuo:knn" + params), task);
  }

  private static double[][] gaussian(Random r, int rows, int cols) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void oneNeighbourPredictsTheTrainingLabels() {
    Random r = new Random(7);
    double[][] x = gaussian(r, 60, 3);
    int[] classes = r.ints(60, 0, 3).toArray();
    TrainingSet data = TrainingSets.classes(x, classes, "a", "b", "c");

    double[][] proba = knn("(k=1)", Task.MULTICLASS).fit(data, 1).predictProba(x);

    for (int i = 0; i < x.length; i++) {
      double[] expected = new double[3];
      expected[classes[i]] = 1;
      assertThat(proba[i]).as("row %d", i).containsExactly(expected);
    }
  }

  @Test
  void oneNeighbourRegressionReturnsTheTrainingTargets() {
    Random r = new Random(8);
    double[][] x = gaussian(r, 50, 2);
    double[] y = r.doubles(50, -10, 10).toArray();

    double[] predicted = knn("(k=1)", Task.REGRESSION).fit(TrainingSets.regression(x, y), 1).predict(x);

    assertThat(predicted).containsExactly(y);
  }

  @Test
  void probabilityIsTheShareOfTheThreeNearestVotes() {
    double[][] x = {{0, 0}, {1, 0}, {0, 1}, {5, 5}, {6, 5}, {5, 6}};
    int[] classes = {0, 0, 1, 1, 0, 2};
    Model model = knn("(k=3)", Task.MULTICLASS).fit(TrainingSets.classes(x, classes, "a", "b", "c"), 1);

    // (0.2,0.3): nearest (0,0)=a at 0.36, (0,1)=b at 0.73, (1,0)=a at 0.85.
    // (5.4,5.3): nearest (5,5)=b at 0.50, (6,5)=a at 0.67, (5,6)=c at 0.81.
    double[][] proba = model.predictProba(new double[][] {{0.2, 0.3}, {5.4, 5.3}});

    assertThat(proba[0]).containsExactly(new double[] {2 / 3.0, 1 / 3.0, 0}, within(1e-12));
    assertThat(proba[1]).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
  }

  @Test
  void regressionIsTheMeanTargetOfTheFiveNearestRows() {
    Random r = new Random(9);
    double[][] x = gaussian(r, 300, 4);
    double[] y = r.doubles(300, 0, 100).toArray();
    double[][] queries = gaussian(r, 80, 4);

    double[] predicted = knn("", Task.REGRESSION).fit(TrainingSets.regression(x, y), 1).predict(queries);

    for (int q = 0; q < queries.length; q++) {
      double[] query = queries[q];
      double expected = IntStream.range(0, x.length).boxed()
          .sorted(Comparator.comparingDouble(i -> squaredDistance(x[i], query)))
          .limit(5).mapToDouble(i -> y[i]).average().orElseThrow();
      assertThat(predicted[q]).as("query %d", q).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void classAbsentFromTrainingGetsAZeroColumn() {
    double[][] x = {{0}, {1}, {2}, {10}, {11}, {12}};
    int[] classes = {0, 0, 0, 2, 2, 2};
    TrainingSet data = TrainingSets.classes(x, classes, "a", "b", "c");

    double[][] proba = knn("(k=3)", Task.MULTICLASS).fit(data, 1)
        .predictProba(new double[][] {{0.5}, {11.5}, {6.2}});

    assertThat(Arrays.asList(proba)).allSatisfy(p -> assertThat(p).hasSize(3));
    assertThat(proba[0]).containsExactly(1, 0, 0);
    assertThat(proba[1]).containsExactly(0, 0, 1);
    assertThat(proba[2][1]).isZero();
  }

  @Test
  void moreNeighboursThanRowsUsesEveryRow() {
    double[][] x = {{0}, {1}, {2}};
    Model model = knn("", Task.BINARY).fit(TrainingSets.classes(x, new int[] {0, 1, 1}, "no", "yes"), 1);

    assertThat(model.predictProba(new double[][] {{0}})[0])
        .containsExactly(new double[] {1 / 3.0, 2 / 3.0}, within(1e-12));
  }

  @Test
  void classNamesAndFeatureNamesMayBeAnything() {
    double[][] x = {{0, 0}, {0, 1}, {9, 0}, {9, 1}};
    TrainingSet data = TrainingSet.classification(Task.BINARY, x, new int[] {0, 0, 1, 1},
        List.of("a,b=(c)", "ü \"quoted\" \t tab"), List.of("x", "x"), List.of());

    double[][] proba = knn("(k=2)", Task.BINARY).fit(data, 1)
        .predictProba(new double[][] {{0.1, 0.5}, {8.9, 0.5}});

    assertThat(proba[0]).containsExactly(1, 0);
    assertThat(proba[1]).containsExactly(0, 1);
  }

  @Test
  void rowsOfZerosArePredicted() {
    double[][] x = {{0, 0}, {1, 1}, {3, 3}};
    double[] predicted = knn("(k=1)", Task.REGRESSION)
        .fit(TrainingSets.regression(x, new double[] {1, 2, 3}), 1).predict(new double[][] {{0, 0}});

    assertThat(predicted).containsExactly(1);
  }

  @Test
  void fitsInParallelThreadsGiveTheSequentialAnswer() {
    Random r = new Random(10);
    double[][] x = gaussian(r, 400, 5);
    int[] classes = r.ints(400, 0, 2).toArray();
    TrainingSet data = TrainingSets.classes(x, classes, "n", "y");
    Learner learner = knn("", Task.BINARY);
    double[][] sequential = learner.fit(data, 3).predictProba(x);

    List<double[][]> parallel = IntStream.range(0, 8).parallel()
        .mapToObj(i -> learner.fit(data, 3).predictProba(x)).toList();

    assertThat(parallel).allSatisfy(p -> assertThat(Arrays.deepEquals(p, sequential)).isTrue());
  }

  @Test
  void modelSizeCountsTheStoredRows() {
    Random r = new Random(11);
    Learner learner = knn("", Task.REGRESSION);
    long small =
        learner.fit(TrainingSets.regression(gaussian(r, 100, 3), new double[100]), 1).sizeBytes();
    long large =
        learner.fit(TrainingSets.regression(gaussian(r, 1000, 3), new double[1000]), 1).sizeBytes();

    assertThat(small).isPositive();
    assertThat(large).isGreaterThan(small + 900 * 3 * 8);
  }

  private static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }
}
