package dev.plumb.testkit;

import static dev.plumb.testkit.PlumbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.check.Check;
import dev.plumb.cli.Main;
import dev.plumb.evaluate.Metric;
import dev.plumb.testing.ShiftData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JUnit assertions pass and fail as the README documents, with the numbers in the message: a
 * logistic model trained on generated data, tested on a fresh sample and on one whose x1 sensor
 * was recalibrated.
 */
class PlumbAssertionsTest {
  @TempDir static Path dir;
  static Path store;
  static ModelUnderTest fresh;
  static ModelUnderTest shifted;

  @BeforeAll
  static void train() {
    Path model = dir.resolve("model.plumb");
    store = dir.resolve("runs.db");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false,
        "baseline", ShiftData.write(dir.resolve("train.csv"), 2_000, 1, 0).toString(),
        "--target", "y", "--learners", "majority,logistic", "--metric", "accuracy",
        "--save-model", "logistic", model.toString(), "--quiet", "--store", store.toString());
    if (code != 0) {
      throw new IllegalStateException(err.toString());
    }
    fresh = ModelUnderTest.load(model, ShiftData.write(dir.resolve("fresh.csv"), 1_000, 2, 0));
    shifted = ModelUnderTest.load(model,
        ShiftData.write(dir.resolve("shifted.csv"), 1_000, 3, 3.0));
  }

  @Test
  void aSoundModelOnFreshDataPassesEveryAssertion() {
    assertThatCode(() -> assertThat(fresh)
        .meetsItsDataExpectations()
        .beatsBaselineBy(Metric.ACCURACY, 0.2)
        .hasNotDroppedBy(0.02)
        .meetsP99Latency(Duration.ofSeconds(1)))
        .doesNotThrowAnyException();
  }

  @Test
  void aDropFailsWithTheScoresAndTheInterval() {
    assertThatThrownBy(() -> assertThat(shifted).hasNotDroppedBy(0.02))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dropped on")
        .hasMessageContaining("accuracy")
        .hasMessageContaining("95% CI")
        .hasMessageContaining("cross-validation at training");
  }

  @Test
  void brokenExpectationsFailWithWhatBroke() {
    assertThatThrownBy(() -> assertThat(shifted).meetsItsDataExpectations())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("'x1'")
        .hasMessageContaining("above the maximum");
  }

  @Test
  void aMarginTheModelDoesNotReachFailsWithItsLead() {
    assertThatThrownBy(() -> assertThat(fresh).beatsBaselineBy(Metric.ACCURACY, 0.9))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("by at least 0.9000 accuracy")
        .hasMessageContaining("its lead is")
        .hasMessageContaining("95% CI");
  }

  @Test
  void aRecordedReferenceTheModelFallsShortOfFailsNamingIt() {
    Check.Reference run = new Check.Reference("run 7", Map.of(Metric.ACCURACY, 0.99));
    assertThatThrownBy(() -> assertThat(fresh).hasNotDroppedBelow(run, 0.0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("against 0.9900 from run 7");
  }

  @Test
  void aRecordedRunIsAReferenceByItsId() {
    // run 1 is the baseline run the model came from: fresh data holds, shifted data does not
    assertThatCode(() -> assertThat(fresh).hasNotDroppedBelowRun(store.toString(), 1, 0.02))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(shifted).hasNotDroppedBelowRun(store.toString(), 1, 0.02))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("from run 1 (baseline of");
    assertThatThrownBy(() -> assertThat(fresh).hasNotDroppedBelowRun(store.toString(), 9, 0.02))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no run 9");
  }

  @Test
  void anImpossibleLatencyBoundFailsWithTheMeasuredPercentiles() {
    assertThatThrownBy(() -> assertThat(fresh).meetsP99Latency(Duration.ofNanos(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("p99 is")
        .hasMessageContaining("p50");
  }
}
