package dev.plumb.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest {
  private static final String IRIS = Path.of("../datasets/iris.csv").toAbsolutePath().toString();

  @Test
  void scoresEveryHashFoldAndNestedCurvePoints() {
    BackendPlan plan = BackendPlan.baseline(IRIS, "species", 5)
        .withLearners(List.of("majority", "tree")).withFractions(List.of(0.3, 0.6, 1.0));
    BackendScores s = new LocalBackend().run(plan, BackendSettings.local());
    assertThat(s.task().label()).isEqualTo("multiclass");
    assertThat(s.rows()).isEqualTo(150);
    for (LearnerScores l : s.learners()) {
      assertThat(l.ok()).as(l.spec()).isTrue();
      assertThat(l.folds()).hasSize(5);
      assertThat(l.curve()).hasSize(15);
    }
    // majority on stratified folds of 50/50/50 rows: a third right, whatever the fold
    assertThat(s.learners().get(0).folds()).allSatisfy(f ->
        assertThat(f.validation().get(Metric.ACCURACY)).isEqualTo(1.0 / 3));
    List<CurveScore> tree = s.learners().get(1).curve();
    for (int f = 0; f < 5; f++) {
      int fold = f;
      int[] sizes = tree.stream().filter(c -> c.fold() == fold).mapToInt(CurveScore::trainRows)
          .toArray();
      assertThat(sizes).containsExactly(36, 72, 120);
    }
  }

  @Test
  void foldsByKeyCoverEveryRowOnce(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i * 0.5).append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
    }
    Path f = dir.resolve("d.csv");
    Files.writeString(f, csv);
    BackendPlan plan = BackendPlan.baseline(f.toString(), "y", 5);
    Map<Long, Integer> folds = new LocalBackend().foldOfKey(plan, BackendSettings.local(), 0);
    assertThat(folds).hasSize(60);
    assertThat(folds.values()).containsOnly(0, 1, 2, 3, 4);
  }

  @Test
  void foldsByKeyRejectDuplicateRows() {
    // iris has one duplicated row: its two copies share a key
    BackendPlan plan = BackendPlan.baseline(IRIS, "species", 5);
    assertThatThrownBy(() -> new LocalBackend().foldOfKey(plan, BackendSettings.local(), 0))
        .isInstanceOf(BadInputException.class).hasMessageContaining("share the key");
  }
}
