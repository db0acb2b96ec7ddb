package dev.plumb.learn.smile;

import static dev.plumb.learn.smile.Fixtures.learner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.learn.Learner;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The seed is the only source of randomness: the same seed gives the same predictions, alone or
 * with other fits running in other threads (Smile's generator is thread-local and shared by
 * whatever runs on a thread).
 */
class SmileDeterminismTest {
  private static final TrainingSet TRAIN = Fixtures.noisyBinary(300, 6, 1);
  private static final double[][] TEST = Fixtures.noisyBinary(100, 6, 2).x();

  /** Two numbers and a 6-level category (a one-hot block that Smile sees as one column). */
  private static final TrainingSet CATEGORY_TRAIN = categorical(300, 3);
  private static final double[][] CATEGORY_TEST = categorical(100, 4).x();

  private static TrainingSet categorical(int n, long seed) {
    TrainingSet numbers = Fixtures.noisyBinary(n, 2, seed);
    SplittableRandom r = new SplittableRandom(seed + 10);
    int[] level = new int[n];
    int[] y = numbers.classes().clone();
    for (int i = 0; i < n; i++) {
      level[i] = r.nextInt(6);
      if (level[i] == 0) {
        y[i] = 1;
      }
    }
    return Fixtures.classesWithCategory(Fixtures.withCategory(numbers.x(), level, 6), y, 2, 2);
  }

  private static double[][] proba(Learner l, long seed) {
    return l.fit(TRAIN, seed).predictProba(TEST);
  }

  @Test
  void randomForestDependsOnTheSeedOnly() throws Exception {
    Learner forest = learner("random_forest(trees=30)", Task.BINARY);
    double[][] alone = proba(forest, 7);
    assertThat(proba(forest, 7)).isDeepEqualTo(alone);
    assertThat(proba(forest, 8)).isNotEqualTo(alone);
    for (double[][] p : concurrently(forest, 7)) {
      assertThat(p).isDeepEqualTo(alone);
    }
  }

  @Test
  void gradientBoostingDependsOnTheSeedOnly() throws Exception {
    // subsample below 1 makes the rounds depend on the random permutations
    Learner boost = learner("gradient_boosting(trees=30,subsample=0.5)", Task.BINARY);
    double[][] alone = proba(boost, 7);
    assertThat(proba(boost, 7)).isDeepEqualTo(alone);
    assertThat(proba(boost, 8)).isNotEqualTo(alone);
    for (double[][] p : concurrently(boost, 7)) {
      assertThat(p).isDeepEqualTo(alone);
    }
  }

  @Test
  void forestOnACategoryDependsOnTheSeedOnly() throws Exception {
    Learner forest = learner("random_forest(trees=30)", Task.BINARY);
    double[][] alone = forest.fit(CATEGORY_TRAIN, 7).predictProba(CATEGORY_TEST);
    Model shared = forest.fit(CATEGORY_TRAIN, 7);
    assertThat(shared.predictProba(CATEGORY_TEST)).isDeepEqualTo(alone);
    assertThat(forest.fit(CATEGORY_TRAIN, 8).predictProba(CATEGORY_TEST)).isNotEqualTo(alone);
    for (double[][] p : concurrently(() -> forest.fit(CATEGORY_TRAIN, 7)
        .predictProba(CATEGORY_TEST))) {
      assertThat(p).isDeepEqualTo(alone);
    }
    // one fitted model predicting from several threads at once
    for (double[][] p : concurrently(() -> shared.predictProba(CATEGORY_TEST))) {
      assertThat(p).isDeepEqualTo(alone);
    }
  }

  @Test
  void regressionForestDependsOnTheSeedOnly() throws Exception {
    Learner forest = learner("random_forest(trees=20)", Task.REGRESSION);
    double[] y = new double[TRAIN.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = TRAIN.x()[i][0] * 3 + TRAIN.classes()[i];
    }
    TrainingSet numbers = Fixtures.numbers(TRAIN.x(), y);
    double[] alone = forest.fit(numbers, 5).predict(TEST);
    assertThat(forest.fit(numbers, 5).predict(TEST)).containsExactly(alone);
    assertThat(forest.fit(numbers, 6).predict(TEST)).isNotEqualTo(alone);
  }

  /**
   * Fits {@code learner} with {@code seed} four times at once, each next to forests and boosting
   * fits with other seeds that stir the thread-local generators of the same threads.
   */
  private static List<double[][]> concurrently(Learner learner, long seed) throws Exception {
    return concurrently(() -> proba(learner, seed));
  }

  /** Runs {@code task} four times at once, each next to other fits as above. */
  private static List<double[][]> concurrently(Callable<double[][]> task) throws Exception {
    Learner otherForest = learner("random_forest(trees=20)", Task.BINARY);
    Learner otherBoost = learner("gradient_boosting(trees=20,subsample=0.7)", Task.BINARY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[][]>> mine = new ArrayList<>();
      List<Future<?>> noise = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        long other = 100 + k;
        noise.add(pool.submit(() -> proba(otherForest, other)));
        mine.add(pool.submit(task));
        noise.add(pool.submit(() -> proba(otherBoost, other)));
      }
      List<double[][]> out = new ArrayList<>();
      for (Future<double[][]> f : mine) {
        out.add(f.get());
      }
      for (Future<?> f : noise) {
        f.get();
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
