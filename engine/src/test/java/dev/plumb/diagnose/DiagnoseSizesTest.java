package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.plan.Splits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The learning curves' training sizes: the default plan, the reduced one, and given ones. */
class DiagnoseSizesTest {
  @Test
  void givenSizesAreSortedAndDistinct() {
    List<String> notes = new ArrayList<>();

    assertThat(Diagnose.sizes(new int[] {200, 50, 50, 2}, 275, 3, notes))
        .containsExactly(2, 50, 200);
    assertThat(notes).isEmpty();
  }

  @Test
  void givenSizesOutsideTheTrainingFoldAreBadInput() {
    for (int size : new int[] {0, 1, 276}) {
      BadInputException e = assertThrows(BadInputException.class,
          () -> Diagnose.sizes(new int[] {50, size}, 275, 3, new ArrayList<>()));
      assertThat(e.getMessage()).isEqualTo("--sizes value " + size + " is out of range:"
          + " training folds hold 275 rows, so use sizes from 2 to 275");
    }
  }

  @Test
  void theDefaultPlanIsEightSizesFromFortyOrTenPerClass() {
    List<String> notes = new ArrayList<>();

    assertThat(Diagnose.sizes(new int[0], 1000, 3, notes)).hasSize(Diagnose.DEFAULT_SIZES)
        .startsWith(40).endsWith(1000);
    assertThat(Diagnose.sizes(new int[0], 1000, 7, notes)).hasSize(Diagnose.DEFAULT_SIZES)
        .startsWith(70).endsWith(1000);
    assertThat(notes).isEmpty();
  }

  @Test
  void fewRowsGiveAReducedPlanAndSaySo() {
    List<String> notes = new ArrayList<>();

    // 24 < 4 · 40 rows: four sizes from a quarter of the rows
    assertThat(Diagnose.sizes(new int[0], 24, 2, notes)).containsExactly(6, 10, 15, 24);
    assertThat(notes).containsExactly("only 24 training rows per fold: a reduced plan of 4 sizes"
        + " from 6; the verdicts are rough");
  }

  @Test
  void badSizesFailBeforeTheDefaultLearnersAreCrossValidated() throws IOException {
    Problem iris = Problem.of(CsvTableReader.read(Path.of("../datasets/iris.csv"),
        CsvOptions.defaults()).table(), "species", Optional.empty());
    AtomicInteger fits = new AtomicInteger();

    assertThrows(BadInputException.class, () -> Diagnose.run(iris,
        Splits.stratifiedKFold(iris.classes(), 5, 1, 1), Metric.BALANCED_ACCURACY, 1,
        new Diagnose.Options(List.of(), new int[] {0}, List.of(), OptionalDouble.empty(), 1, Optional.empty()),
        (done, total, what) -> fits.incrementAndGet()));
    assertThat(fits).hasValue(0);
  }
}
