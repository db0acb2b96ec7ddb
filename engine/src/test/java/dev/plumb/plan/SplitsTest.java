package dev.plumb.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static int[] classes(int n, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    return IntStream.range(0, n).map(i -> rnd.nextInt(k) == 0 ? 0 : rnd.nextInt(k)).toArray();
  }

  @Property(tries = 200)
  void stratifiedFoldsKeepClassSharesWithinOneRow(@ForAll @IntRange(min = 10, max = 400) int n,
      @ForAll @IntRange(min = 2, max = 10) int k, @ForAll @IntRange(min = 2, max = 5) int classes,
      @ForAll long seed) {
    int[] y = classes(n, classes, seed);
    Splits s = Splits.stratifiedKFold(y, k, 1, seed);
    assertThat(s.folds()).hasSize(k);
    for (int c = 0; c < classes; c++) {
      final int cls = c;
      int[] perFold = s.folds().stream()
          .mapToInt(f -> (int) Arrays.stream(f.validation()).filter(i -> y[i] == cls).count())
          .toArray();
      assertThat(Arrays.stream(perFold).max().orElse(0) - Arrays.stream(perFold).min().orElse(0))
          .isLessThanOrEqualTo(1);
    }
    int[] sizes = s.folds().stream().mapToInt(Fold::validationSize).toArray();
    assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt())
        .isLessThanOrEqualTo(1);
    assertPartition(s, n);
  }

  @Property(tries = 100)
  void groupFoldsNeverSplitAGroup(@ForAll @IntRange(min = 20, max = 300) int n,
      @ForAll @IntRange(min = 2, max = 6) int k, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int groups = k + rnd.nextInt(20);
    int[] g = IntStream.range(0, n).map(i -> i < groups ? i : rnd.nextInt(groups)).toArray();
    Splits s = Splits.groupKFold(g, k, 2, seed);
    for (Fold f : s.folds()) {
      Set<Integer> inValidation = new HashSet<>();
      Arrays.stream(f.validation()).forEach(i -> inValidation.add(g[i]));
      Arrays.stream(f.train()).forEach(i -> assertThat(inValidation).doesNotContain(g[i]));
    }
    assertThat(s.folds()).hasSize(2 * k);
  }

  @Test
  void sameSeedSameFoldsOtherSeedOtherFolds() {
    int[] y = classes(100, 3, 1);
    assertThat(Splits.stratifiedKFold(y, 5, 2, 7)).isEqualTo(Splits.stratifiedKFold(y, 5, 2, 7));
    assertThat(Splits.stratifiedKFold(y, 5, 1, 7).folds())
        .isNotEqualTo(Splits.stratifiedKFold(y, 5, 1, 8).folds());
  }

  @Test
  void repeatsUseFreshShuffles() {
    Splits s = Splits.kFold(50, 5, 2, 3);
    assertThat(s.folds()).hasSize(10);
    assertThat(s.folds().get(0).validation()).isNotEqualTo(s.folds().get(5).validation());
    assertPartition(Splits.kFold(50, 5, 1, 3), 50);
  }

  @Test
  void timeSeriesTrainsOnThePastOnly() {
    double[] times = {5, 3, 1, 4, 2, 9, 8, 7, 6, 0};
    Splits s = Splits.timeSeries(times, 4);
    assertThat(s.folds()).hasSize(4);
    for (Fold f : s.folds()) {
      double latestTrain = Arrays.stream(f.train()).mapToDouble(i -> times[i]).max().orElseThrow();
      double earliestValidation = Arrays.stream(f.validation()).mapToDouble(i -> times[i]).min()
          .orElseThrow();
      assertThat(latestTrain).isLessThan(earliestValidation);
      assertThat(f.validationSize()).isEqualTo(2);
    }
    assertThat(s.folds().get(3).trainSize()).isEqualTo(8);
  }

  @Test
  void holdoutKeepsTheFractionAndStratifies() {
    int[] y = new int[200];
    Arrays.fill(y, 150, 200, 1);
    Splits s = Splits.holdout(200, 0.2, y, 1);
    Fold f = s.folds().get(0);
    assertThat(f.validationSize()).isEqualTo(40);
    assertThat(Arrays.stream(f.validation()).filter(i -> y[i] == 1).count()).isBetween(9L, 11L);
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThatThrownBy(() -> Splits.kFold(3, 5, 1, 0)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("5 folds need at least 5 rows");
    assertThatThrownBy(() -> Splits.kFold(30, 1, 1, 0)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("--folds must be at least 2");
    assertThatThrownBy(() -> Splits.holdout(30, 1.5, null, 0))
        .isInstanceOf(BadInputException.class).hasMessageContaining("in (0, 1)");
    assertThatThrownBy(() -> Splits.groupKFold(new int[] {0, 0, 1, 1}, 3, 1, 0))
        .isInstanceOf(BadInputException.class).hasMessageContaining("at least 3 groups");
  }

  private static void assertPartition(Splits s, int n) {
    for (int r = 0; r < s.repeats(); r++) {
      final int rep = r;
      int[] all = s.folds().stream().filter(f -> f.repeat() == rep)
          .flatMapToInt(f -> Arrays.stream(f.validation())).sorted().toArray();
      assertThat(all).containsExactly(IntStream.range(0, n).toArray());
    }
    for (Fold f : s.folds()) {
      assertThat(f.trainSize() + f.validationSize()).isEqualTo(n);
    }
  }

  @Test
  void cappingTrainingRowsKeepsASortedSampleOfEachFoldAndEveryValidationRow() {
    Splits s = Splits.kFold(1_000, 5, 1, 3);

    Splits capped = s.withTrainAtMost(300, 9);

    for (int i = 0; i < s.folds().size(); i++) {
      Fold f = s.folds().get(i);
      Fold c = capped.folds().get(i);
      assertThat(c.validation()).containsExactly(f.validation());
      assertThat(c.train()).hasSize(300).isSorted().doesNotHaveDuplicates();
      assertThat(java.util.Arrays.stream(f.train()).boxed().toList())
          .containsAll(java.util.Arrays.stream(c.train()).boxed().toList());
    }
    assertThat(s.withTrainAtMost(300, 9)).isEqualTo(capped);
    assertThat(s.withTrainAtMost(5_000, 9)).isEqualTo(s);
  }
}
