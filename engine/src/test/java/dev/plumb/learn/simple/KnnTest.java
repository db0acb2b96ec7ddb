package dev.plumb.learn.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnTest {
  private static double[][] gaussian(Random r, int rows, int cols, double scale) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = scale * r.nextGaussian();
      }
    }
    return x;
  }

  /** Direct search: sort every row by (squared distance, index). */
  private static int[] bruteForce(double[][] rows, double[] q, int k) {
    return IntStream.range(0, rows.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(
            i -> NeighbourSearch.squaredDistance(rows[i], q)).thenComparing(i -> i))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void findsTheSameNeighboursAsADirectSearchAcrossBlockBoundaries() {
    Random r = new Random(11);
    // more rows than one 2,048-row block and more queries than one 64-query block
    double[][] rows = gaussian(r, 5_000, 7, 1);
    double[][] queries = gaussian(r, 150, 7, 1);
    NeighbourSearch search = new NeighbourSearch(rows, 7);

    int[][] found = search.nearest(queries, 9);

    for (int q = 0; q < queries.length; q++) {
      assertThat(found[q]).as("query %d", q).containsExactly(bruteForce(rows, queries[q], 9));
    }
  }

  @Test
  void breaksExactTiesTowardsTheEarlierRowEvenWhenTheExpansionRoundsDifferently() {
    // Large offsets make |x|² - 2 q·x lose the low digits, so tied rows get slightly different
    // expanded keys; duplicates and mirror images give exact ties in the true distance.
    Random r = new Random(12);
    List<double[]> list = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double[] base = {1e4 + r.nextInt(5), -1e4 + r.nextInt(5), r.nextInt(3)};
      list.add(base);
      list.add(base.clone());
    }
    double[][] rows = list.toArray(double[][]::new);
    double[][] queries = new double[60][];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = new double[] {1e4 + r.nextInt(5) + 0.5, -1e4 + r.nextInt(5), r.nextInt(3)};
    }

    NeighbourSearch search = new NeighbourSearch(rows, 3);
    int[][] found = search.nearest(queries, 5);

    for (int q = 0; q < queries.length; q++) {
      assertThat(found[q]).as("query %d", q).containsExactly(bruteForce(rows, queries[q], 5));
      // one query at a time takes the direct path, with the same answer
      assertThat(search.nearest(new double[][] {queries[q]}, 5)[0]).as("query %d alone", q)
          .containsExactly(found[q]);
    }
  }

  @Test
  void votesAndMeansOfTheNearestRows() {
    double[][] x = {{0}, {1}, {2}, {10}, {11}, {12}};
    int[] classes = {0, 0, 1, 1, 1, 0};
    TrainingSet data = TrainingSet.classification(Task.BINARY, x, classes, List.of("a", "b"),
        List.of("v"), List.of());
    Model votes = new SimpleLearners().create(LearnerSpec.parse("knn(k=3)"), Task.BINARY)
        .fit(data, 1);

    double[][] proba = votes.predictProba(new double[][] {{0.9}, {11.2}});

    assertThat(proba[0]).containsExactly(2.0 / 3, 1.0 / 3);
    assertThat(proba[1]).containsExactly(1.0 / 3, 2.0 / 3);

    double[] y = {1, 2, 3, 10, 20, 30};
    TrainingSet numbers = TrainingSet.regression(x, y, List.of("v"), List.of());
    Model means = new SimpleLearners().create(LearnerSpec.parse("knn(k=2)"), Task.REGRESSION)
        .fit(numbers, 1);
    assertThat(means.predict(new double[][] {{1.4}, {100}})[0]).isCloseTo(2.5, within(1e-12));
    assertThat(means.predict(new double[][] {{100}})[0]).isCloseTo(25, within(1e-12));
  }

  @Test
  void usesEveryRowWhenKExceedsThem() {
    double[][] x = {{0}, {5}};
    TrainingSet numbers = TrainingSet.regression(x, new double[] {2, 4}, List.of("v"), List.of());
    Model model = new SimpleLearners().create(LearnerSpec.parse("knn"), Task.REGRESSION)
        .fit(numbers, 1);

    assertThat(model.predict(new double[][] {{100}})).containsExactly(3.0);
  }

  @Test
  void rejectsUnknownParametersAndBadK() {
    SimpleLearners plumb = new SimpleLearners();
    assertThatThrownBy(() -> plumb.create(LearnerSpec.parse("knn(k=0)"), Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("k must be a whole number");
    assertThatThrownBy(() -> plumb.create(LearnerSpec.parse("knn(weights=distance)"), Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("one parameter, k");
    assertThat(plumb.create(LearnerSpec.parse("knn"), Task.BINARY).spec().text())
        .isEqualTo("plumb:knn(k=5)");
  }
}
