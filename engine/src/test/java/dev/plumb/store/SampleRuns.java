package dev.plumb.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Runs with every field set, for the store's tests. */
final class SampleRuns {
  static final String CONTENT = "1911f45cb422878d7787108ec5003320141289ebbc9ad20b7c7e49ca09f71a7c";

  private SampleRuns() {}

  /** A baseline-like run of {@code learners} learners, its scores shifted by {@code n}. */
  static RunRecord full(int n, int learners) {
    Map<String, String> libs = new LinkedHashMap<>();
    libs.put("smile", "3.1.1");
    libs.put("tribuo", "4.3.2");
    RunRecord.Builder b = RunRecord.builder().command("baseline")
        .arguments(List.of("baseline", "data/iris.csv", "--target", "species", "--seed", "42"))
        .times(Instant.parse("2026-01-02T03:04:05.123456789Z").plusSeconds(n),
            Instant.parse("2026-01-02T03:04:07.5Z").plusSeconds(n))
        .exitCode(0)
        .dataset(new RunRecord.DatasetRef("data/iris.csv", CONTENT.substring(0, 12), CONTENT,
            "b6b8efc86732bc48c9fbddba53e2c191fd4f263c0ee98e2b1b7d3543e8d2121d",
            "c41c3275b8b98dcb4da4820432808cc68f963c556ecadaa8b57533e0e8763bf7", 150, 5))
        .target("species").task("multiclass").seed(42)
        .split(new RunRecord.Split("stratified_k_fold", 5, 1, 0.25))
        .software(new RunRecord.Software("0.1.0-SNAPSHOT", "17.0.15 (Debian)", libs))
        .best(new RunRecord.Best("learner0", "balanced_accuracy", 0.9 + n * 1e-3))
        .reportJson("{\"schema\": \"plumb/1\", \"command\": \"baseline\", \"n\": " + n + "}\n");
    for (int l = 0; l < learners; l++) {
      double base = 0.9 - 0.1 * l + n * 1e-3;
      b.learner(new RunRecord.LearnerRun("learner" + l,
          l == learners - 1 && learners > 2 ? Optional.of("failed: out of time")
              : Optional.empty(),
          OptionalDouble.of(0.01 * (l + 1)), l == 0 ? OptionalDouble.empty()
              : OptionalDouble.of(0.002), List.of(
              new RunRecord.MetricScore("balanced_accuracy", base, 0.03,
                  OptionalDouble.of(base - 0.05), OptionalDouble.of(base + 0.05),
                  new double[] {base - 0.02, base + 0.01, base, base + 0.03, base - 0.02}),
              new RunRecord.MetricScore("roc_auc", 0.95, 0.0, OptionalDouble.empty(),
                  OptionalDouble.empty(), new double[] {0.95, Double.NaN, 0.95, 0.95, 0.95}))));
      b.note(new RunRecord.Note(Optional.of("learner" + l), "diagnosis", "good_fit",
          OptionalDouble.of(0.93), Optional.of("train 0.95, validation 0.93")));
    }
    b.note(new RunRecord.Note(Optional.empty(), "sanity_check can_overfit", "passed",
        OptionalDouble.empty(), Optional.empty()));
    return b.build();
  }
}
