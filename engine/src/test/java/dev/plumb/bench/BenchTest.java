package dev.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Splits;
import dev.plumb.testing.SleepingLearner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Bench#run} end to end on iris, with a learner that outlasts the time limit. */
class BenchTest {
  private static final long SEED = 42;
  private static final Duration SLEEP = Duration.ofSeconds(20);

  @Test
  void aLearnerOutOfTimeFailsAloneAndIsLeftOffTheFront() {
    Problem iris = Problem.of(CsvTableReader.read(Path.of("../datasets/iris.csv"),
        CsvOptions.defaults()).table(), "species", Optional.empty());
    Splits splits = Splits.stratifiedKFold(iris.classes(), 5, 1, SEED);
    Learner tree = LearnerCatalog.resolve(LearnerSpec.parse("tree"), iris.task());
    Bench.Options options = new Bench.Options(List.of(new SleepingLearner(SLEEP), tree), 0, SEED, 2,
        Optional.of(Duration.ofSeconds(1)));
    long t0 = System.nanoTime();

    Bench.Run run = Bench.run(iris, splits, List.of(Metric.BALANCED_ACCURACY), options,
        CrossValidation.Progress.NONE);

    // the run does not wait for the slow fits: the limit stops them after a second
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(SLEEP);
    assertThat(run.entries()).extracting(BenchEntry::name)
        .containsExactly(run.entries().get(0).name(), "sleeping", "tree");
    BenchEntry control = run.entries().get(0);
    assertThat(control.control()).isTrue();
    assertThat(control.ok()).as(String.valueOf(control.error())).isTrue();
    BenchEntry sleeping = run.entries().get(1);
    assertThat(sleeping.ok()).isFalse();
    assertThat(sleeping.error()).hasValueSatisfying(e -> assertThat(e).startsWith("out of time"));
    assertThat(sleeping.measured()).isEmpty();
    BenchEntry done = run.entries().get(2);
    assertThat(done.ok()).as(String.valueOf(done.error())).isTrue();
    assertThat(done.cv().folds()).hasSize(5);

    // generous bounds that the control and the tree meet
    Targets targets = Targets.none()
        .with(TargetKind.MIN_SCORE, 0.5)
        .with(TargetKind.MAX_LATENCY_P99_MS, 1_000)
        .with(TargetKind.MAX_MODEL_BYTES, 100_000_000)
        .with(TargetKind.MAX_TRAIN_SECONDS, 600);
    BenchResult r = BenchResult.of(run, targets, Optional.empty());

    CandidateMeasurement measured = r.measurements().get(1);
    assertThat(measured.name()).isEqualTo("sleeping");
    assertThat(measured.ok()).isFalse();
    assertThat(measured.error()).hasValueSatisfying(e -> assertThat(e).startsWith("out of time"));
    assertThat(measured.latency()).isEmpty();
    CandidateVerdict verdict = r.verdicts().candidate("sleeping").orElseThrow();
    assertThat(verdict.checks()).hasSize(4).allSatisfy(c -> {
      assertThat(c.pass()).isFalse();
      assertThat(c.reason()).hasValueSatisfying(why -> assertThat(why)
          .startsWith("failed: out of time"));
    });
    assertThat(r.verdicts().meetsAll(control.name())).isTrue();
    assertThat(r.verdicts().meetsAll("tree")).isTrue();
    assertThat(r.front().isOnFront("sleeping")).isFalse();
    assertThat(r.front().dominatedBy("sleeping")).isEmpty();
    assertThat(r.front().excluded()).extracting(ParetoFront.Excluded::candidate)
        .containsExactly("sleeping");
    assertThat(r.cheapest()).hasValueSatisfying(c -> assertThat(c.chosen().name())
        .isNotEqualTo("sleeping"));
    assertThat(r.best()).hasValueSatisfying(b -> assertThat(b.name()).isNotEqualTo("sleeping"));
  }
}
