package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Splits;
import dev.plumb.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning-curve protocol seen from inside a learner: which training rows each fit gets. The
 * target values are all distinct, so the set of targets a fit sees names its rows.
 */
class CurveRunnerTest {
  private static final int ROWS = 300;

  @TempDir Path dir;

  /** Remembers the targets of every training set it is given; its models predict 0. */
  private static final class RecordingLearner implements Learner {
    final ConcurrentLinkedQueue<Set<Double>> seen = new ConcurrentLinkedQueue<>();

    @Override
    public LearnerSpec spec() {
      return LearnerSpec.of("test", "recording");
    }

    @Override
    public boolean supports(Task task) {
      return task == Task.REGRESSION;
    }

    @Override
    public Model fit(TrainingSet data, long seed) {
      seen.add(Arrays.stream(data.y()).boxed().collect(Collectors.toUnmodifiableSet()));
      return new Model() {
        @Override
        public double[][] predictProba(double[][] x) {
          throw new UnsupportedOperationException("regression");
        }

        @Override
        public double[] predict(double[][] x) {
          return new double[x.length];
        }

        @Override
        public long sizeBytes() {
          return 0;
        }
      };
    }
  }

  /** {@value #ROWS} rows of two random features and a random target, all distinct. */
  private Problem distinctTargets() throws IOException {
    SplittableRandom r = new SplittableRandom(5);
    StringBuilder sb = new StringBuilder("a,b,y\n");
    for (int i = 0; i < ROWS; i++) {
      // the row number in the target's last digits keeps every value distinct
      sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%d.%04d%n", r.nextDouble(), r.nextDouble(),
          r.nextInt(1000), i));
    }
    Path f = dir.resolve("distinct.csv");
    Files.writeString(f, sb);
    return Problem.of(CsvTableReader.read(f, CsvOptions.defaults()).table(), "y",
        Optional.empty());
  }

  @Test
  void everySubsetOfAFoldHoldsTheSmallerOnesAndNoValidationRow() throws IOException {
    Problem problem = distinctTargets();
    Splits splits = Splits.kFold(problem.size(), 5, 1, 11);
    int full = splits.folds().get(0).trainSize();
    int[] sizes = {20, 50, 120, full};
    RecordingLearner learner = new RecordingLearner();

    CurveRunner.Result result = CurveRunner.run(problem, splits.folds(),
        List.of(new CurveRunner.Job(learner, Optional.empty())), sizes, full, Metric.RMSE, 3, 3,
        CrossValidation.Progress.NONE);

    assertThat(result.sizes()).containsExactly(sizes);
    List<Set<Double>> seen = new ArrayList<>(learner.seen);
    assertThat(seen).hasSize(sizes.length * splits.folds().size());
    List<Integer> expectedSizes = new ArrayList<>();
    for (int f = 0; f < splits.folds().size(); f++) {
      Arrays.stream(sizes).forEach(expectedSizes::add);
    }
    assertThat(seen).extracting(Set::size).containsExactlyInAnyOrderElementsOf(expectedSizes);

    Set<Set<Double>> used = new HashSet<>();
    for (Fold fold : splits.folds()) {
      Set<Double> validation = values(problem, fold.validation());
      Set<Double> training = values(problem, fold.train());
      // from the whole training fold down: each size's subset is inside the next one
      Set<Double> larger = training;
      for (int s = sizes.length - 1; s >= 0; s--) {
        Set<Double> outer = larger;
        int size = sizes[s];
        List<Set<Double>> inside = seen.stream()
            .filter(set -> set.size() == size && outer.containsAll(set)).toList();
        assertThat(inside).as("fold %d, size %d: subsets of the size-%d one", fold.index(), size,
            outer.size()).hasSize(1);
        Set<Double> subset = inside.get(0);
        assertThat(subset).as("fold %d, size %d", fold.index(), size)
            .doesNotContainAnyElementsOf(validation);
        assertThat(used.add(subset)).as("a subset claimed by two folds").isTrue();
        larger = subset;
      }
    }
    assertThat(used).hasSize(seen.size());
  }

  private static Set<Double> values(Problem problem, int[] positions) {
    return Arrays.stream(problem.values(positions)).boxed().collect(Collectors.toSet());
  }

  @Test
  void logSpacedSizesOfTheDefaultPlan() {
    // 40 · 25^(i/7) rounded, by Python: 40.0, 63.35, 100.34, 158.92, 251.70, 398.65, 631.39, 1000
    assertThat(CurveRunner.logSpaced(40, 1000, 8))
        .containsExactly(40, 63, 100, 159, 252, 399, 631, 1000);
  }

  @Test
  void logSpacedGivesOneSizeWhenThereIsNoRange() {
    assertThat(CurveRunner.logSpaced(50, 50, 8)).containsExactly(50);
    assertThat(CurveRunner.logSpaced(60, 50, 8)).containsExactly(50);
    assertThat(CurveRunner.logSpaced(10, 50, 1)).containsExactly(50);
  }

  @Property
  void logSpacedSizesIncreaseFromMinToMax(@ForAll @IntRange(min = 1, max = 2_000) int min,
      @ForAll @IntRange(min = 1, max = 100_000) int extra,
      @ForAll @IntRange(min = 2, max = 12) int count) {
    int max = min + extra;

    int[] sizes = CurveRunner.logSpaced(min, max, count);

    assertThat(sizes[0]).isEqualTo(min);
    assertThat(sizes[sizes.length - 1]).isEqualTo(max);
    for (int i = 1; i < sizes.length; i++) {
      assertThat(sizes[i]).as(Arrays.toString(sizes)).isGreaterThan(sizes[i - 1]);
    }
    // as many as asked for when there are that many whole numbers from min to max; else all
    assertThat(sizes).as(Arrays.toString(sizes)).hasSize(Math.min(count, max - min + 1));
  }
}
