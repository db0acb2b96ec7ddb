package dev.plumb.testkit;

import dev.plumb.bench.Latency;
import dev.plumb.bench.Measure;
import dev.plumb.check.Check;
import dev.plumb.check.CheckResult;
import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.profile.ExpectationFailure;
import dev.plumb.store.RunStore;
import dev.plumb.store.StoreLocation;
import dev.plumb.store.StoredRun;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fluent assertions on a {@link ModelUnderTest}; each returns {@code this} so they chain, and each
 * throws an {@link AssertionError} stating the numbers when it fails. Not thread-safe.
 */
public final class ModelAssert {
  private final ModelUnderTest model;

  ModelAssert(ModelUnderTest model) {
    this.model = model;
  }

  /**
   * The new data meets the data expectations saved with the model (columns, types, ranges,
   * categories, missing shares).
   */
  public ModelAssert meetsItsDataExpectations() {
    CheckResult r = model.check(0);
    if (!r.expectations().passed()) {
      throw new AssertionError(model.data().path() + " breaks " + r.expectations().failures()
          .size() + " of the data expectations saved with " + model.modelFile() + ":\n  "
          + r.expectations().failures().stream().map(ExpectationFailure::message)
          .collect(Collectors.joining("\n  ")));
    }
    return this;
  }

  /**
   * The model beats the trivial baseline on the new data ({@code majority}: the data's own class
   * shares; {@code mean}: its own mean) by at least {@code margin} on {@code metric}, with 95%
   * confidence: the lower end of the paired bootstrap interval of the lead is at least {@code
   * margin}. For error metrics the lead is the baseline's error minus the model's.
   */
  public ModelAssert beatsBaselineBy(Metric metric, double margin) {
    CheckResult r = model.check(metric);
    CheckResult.BaselineCheck b = r.baseline().orElseThrow(() -> new AssertionError(
        "cannot compare " + metric.label() + " with the baseline on " + model.data().path()
            + ": " + r.failures()));
    if (b.lead().lower() < margin) {
      throw new AssertionError(String.format(Locale.ROOT, "expected %s to beat the %s baseline"
          + " on %s by at least %s %s with 95%% confidence, but its lead is %s (95%% CI %s);"
          + " baseline %s", model.modelFile(), b.name(), model.data().path(), num(margin),
          metric.label(), num(b.lead().estimate()), range(b.lead()), num(b.baselineScore())));
    }
    return this;
  }

  /**
   * The model's score on the new data has not dropped by more than {@code maxDrop} from its
   * cross-validated score at training, by {@code plumb check}'s rule: it fails only when the whole
   * 95% bootstrap interval of the new score is below the allowed bound.
   */
  public ModelAssert hasNotDroppedBy(double maxDrop) {
    return notDropped(model.check(maxDrop), maxDrop);
  }

  /**
   * As {@link #hasNotDroppedBy}, against reference scores such as a recorded run's (e.g. from
   * {@code plumb runs show ID --json}).
   */
  public ModelAssert hasNotDroppedBelow(Check.Reference reference, double maxDrop) {
    return notDropped(model.check(maxDrop, Optional.of(reference)), maxDrop);
  }

  /**
   * As {@link #hasNotDroppedBy}, against the scores of the model's learner in run {@code runId} of
   * the run store {@code store} (a SQLite file or a JDBC URL, as {@code --store} takes): the
   * {@code baseline} run the model came from, or an earlier {@code check}.
   *
   * @throws IllegalArgumentException when {@code store} is not a store location
   */
  public ModelAssert hasNotDroppedBelowRun(String store, long runId, double maxDrop) {
    StoredRun run;
    try (RunStore s = RunStore.open(StoreLocation.parse(store))) {
      run = s.find(runId).orElseThrow(() -> new AssertionError("no run " + runId + " in "
          + store));
    }
    Check.Reference reference;
    try {
      reference = Check.Reference.of(run, model.model().card().orElseThrow());
    } catch (BadInputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    return hasNotDroppedBelow(reference, maxDrop);
  }

  private ModelAssert notDropped(CheckResult r, double maxDrop) {
    if (r.scoringError().isPresent()) {
      throw new AssertionError(model.modelFile() + " cannot score " + model.data().path() + ": "
          + r.scoringError().get());
    }
    if (r.metrics().isEmpty()) {
      throw new AssertionError("no reference score to compare with: " + r.failures());
    }
    CheckResult.MetricCheck m = r.metrics().get(0);
    if (m.status() == CheckResult.Status.REGRESSION) {
      Interval s = m.score().orElseThrow();
      throw new AssertionError(String.format(Locale.ROOT, "%s dropped on %s: %s %s (95%% CI %s)"
          + " against %s from %s; the allowed drop %s puts the bound at %s", model.modelFile(),
          model.data().path(), m.metric().label(), num(s.estimate()), range(s),
          num(m.reference()), m.referenceSource(), num(maxDrop), num(m.bound())));
    }
    if (m.status() == CheckResult.Status.UNDEFINED) {
      throw new AssertionError(m.metric().label() + " is undefined on " + model.data().path());
    }
    return this;
  }

  /**
   * The model's single-row prediction latency at the 99th percentile is at most {@code bound},
   * measured on the rows of the data after a warm-up, as {@code plumb bench} measures it.
   */
  public ModelAssert meetsP99Latency(Duration bound) {
    Latency l = Measure.singleRowLatency(model.model().pipeline(), model.data().table());
    double boundMs = bound.toNanos() / 1e6;
    if (l.p99Ms() > boundMs) {
      throw new AssertionError(String.format(Locale.ROOT, "expected %s to predict one row in at"
          + " most %s ms at the 99th percentile, but p99 is %s ms (p50 %s ms, max %s ms)",
          model.modelFile(), num(boundMs), num(l.p99Ms()), num(l.p50Ms()), num(l.maxMs())));
    }
    return this;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String range(Interval i) {
    return num(i.lower()) + " to " + num(i.upper());
  }
}
