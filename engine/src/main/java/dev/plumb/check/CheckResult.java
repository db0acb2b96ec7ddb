package dev.plumb.check;

import dev.plumb.data.DatasetVersion;
import dev.plumb.drift.FeatureDrift;
import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.profile.ExpectationFailure;
import dev.plumb.profile.ExpectationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code plumb check} found: the data expectations, the model's scores on the new data next
 * to the scores it was saved with, its lead over a trivial baseline on the new data, and the
 * features whose distribution moved. Immutable.
 *
 * @param model the model file
 * @param card the model's card
 * @param data the new data file
 * @param version the new data's version
 * @param expectations the card's expectations checked on the new data, the tolerated range
 *     failures left out
 * @param tolerated range failures within what a sample of the training distribution gives
 * @param scoredRows rows scored: labelled, with a class the model knows
 * @param unlabelledRows rows left out because their target is missing
 * @param unseenClasses classes in the new data that the model never saw, with their row counts
 *     (left out of the scores)
 * @param scoringError why the model could not score the new data, if it could not
 * @param metrics one check per recorded metric, the leading (deciding) one first
 * @param baseline the lead over the trivial baseline on the leading metric, when scored
 * @param drift every feature's drift, most drifted first
 * @param maxDrop the allowed drop ({@code --max-drop})
 * @param seed the bootstrap seed
 */
public record CheckResult(Path model, ModelCard card, Path data, DatasetVersion version,
    ExpectationReport expectations, List<ExpectationFailure> tolerated, int scoredRows, int unlabelledRows,
    Map<String, Integer> unseenClasses, Optional<String> scoringError, List<MetricCheck> metrics,
    Optional<BaselineCheck> baseline, List<FeatureDrift> drift, double maxDrop, long seed) {

  /** Copies the lists. */
  public CheckResult {
    tolerated = List.copyOf(tolerated);
    unseenClasses = Map.copyOf(unseenClasses);
    metrics = List.copyOf(metrics);
    drift = List.copyOf(drift);
  }

  /** How a score on new data stands against its reference. */
  public enum Status {
    /** The new score is at or above the floor (reference minus the allowed drop). */
    HOLDS,
    /**
     * The new score is below the floor, but its interval reaches it: too few rows to tell a
     * regression from noise.
     */
    INCONCLUSIVE,
    /** The whole interval of the new score is below the floor: a regression. */
    REGRESSION,
    /** The metric is undefined on the new data (say, a ROC AUC with one class). */
    UNDEFINED;

    /** Lower-case label for outputs. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One metric on the new data against its reference.
   *
   * @param metric the metric
   * @param reference the reference score
   * @param referenceSource where the reference comes from, e.g. "cross-validation at training"
   * @param allowance how much worse than the reference the new score may be, in the metric's
   *     units
   * @param bound the worst acceptable score: the reference minus the allowance, in the metric's
   *     better direction
   * @param score the new score with its bootstrap interval, empty when undefined
   * @param status the verdict
   * @param rowsNeeded for an inconclusive verdict, about how many new rows would make the
   *     interval narrow enough to decide
   */
  public record MetricCheck(Metric metric, double reference, String referenceSource,
      double allowance, double bound, Optional<Interval> score, Status status,
      OptionalLong rowsNeeded) {}

  /**
   * The model against the trivial baseline on the new data.
   *
   * @param name the baseline, e.g. {@code majority} (the new data's class shares) or {@code mean}
   * @param metric the metric
   * @param baselineScore the baseline's score on the new data
   * @param lead the model's score minus the baseline's, positive when the model is better, with
   *     its paired bootstrap interval
   * @param applicable false when the new targets are all one class or one value: the baseline,
   *     fitted on them, is then perfect and the lead means nothing
   */
  public record BaselineCheck(String name, Metric metric, double baselineScore, Interval lead,
      boolean applicable) {
    /** Whether the model is clearly better (the whole interval above zero). */
    public boolean clearlyBetter() {
      return applicable && lead.lower() > 0;
    }

    /** Whether the model is clearly no better (the whole interval at or below zero). */
    public boolean notBetter() {
      return applicable && lead.upper() <= 0;
    }
  }

  /** Whether everything holds: exit code 0. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The reasons the check fails, one line each; empty when it passes. */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    if (!expectations.passed()) {
      out.add(expectations.failures().size() + " data expectation(s) broken");
    }
    scoringError.ifPresent(e -> out.add("the model cannot score the new data: " + e));
    if (scoringError.isEmpty() && scoredRows == 0) {
      out.add("no labelled rows with a class the model knows: nothing to score");
    }
    if (!metrics.isEmpty() && metrics.get(0).status() == Status.REGRESSION) {
      MetricCheck m = metrics.get(0);
      out.add(String.format(Locale.ROOT,
          "%s regressed: %.4f on the new data (95%% CI %.4f to %.4f) against %.4f from %s,"
              + " worse than the allowed %.4f", m.metric().label(),
          m.score().orElseThrow().estimate(), m.score().orElseThrow().lower(),
          m.score().orElseThrow().upper(), m.reference(), m.referenceSource(), m.bound()));
    }
    if (!metrics.isEmpty() && metrics.get(0).status() == Status.UNDEFINED) {
      out.add(metrics.get(0).metric().label() + ", the deciding metric, is undefined on the new"
          + " data (e.g. ROC AUC with one class); choose another with --metric when training");
    }
    baseline.filter(BaselineCheck::notBetter).ifPresent(b -> out.add(String.format(
        Locale.ROOT, "no better than the %s baseline on the new data (%s lead %.4f, 95%% CI"
            + " %.4f to %.4f)", b.name(), b.metric().label(), b.lead().estimate(),
        b.lead().lower(), b.lead().upper())));
    return out;
  }

  /** The features flagged as drifted, most drifted first. */
  public List<FeatureDrift> drifted() {
    return drift.stream().filter(FeatureDrift::flagged).toList();
  }
}
