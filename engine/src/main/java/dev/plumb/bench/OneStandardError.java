package dev.plumb.bench;

import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one-standard-error rule: rather than the candidate with the best mean score, take the
 * cheapest one whose score is within one standard error of that best, since a difference smaller
 * than the noise of the estimate is not worth paying for. L. Breiman, J. Friedman, R. Olshen and C.
 * Stone, "Classification and Regression Trees" (1984), section 3.4.3, chose tree sizes this way;
 * T. Hastie, R. Tibshirani and J. Friedman, "The Elements of Statistical Learning", 2nd ed. (2009),
 * section 7.10, state it for any model family.
 *
 * <p>The standard error is that of the best candidate's mean score over the folds, {@code std /
 * sqrt(folds)} with the sample standard deviation, as in those books. Cross-validation folds share
 * training rows, so this understates the true uncertainty (Nadeau and Bengio's correction, used by
 * the confidence intervals elsewhere in Plumb, would widen it); the rule is a convention for
 * preferring simpler models, not a test. With one fold there is no spread, the standard error is 0
 * and only a score equal to the best counts.
 *
 * <p>"Within" is inclusive: at least {@code best - SE} for a greater-is-better metric, at most
 * {@code best + SE} for a lower-is-better one, ignoring rounding below 1e-12 of the best score.
 * "Cheapest" orders by p99 one-row latency, then serialized size, then training time, an
 * unmeasured cost counting as the largest; remaining ties go to the better score, then to the
 * earlier candidate. Failed candidates and those without a
 * score on the metric are left out. Stateless and thread-safe.
 */
public final class OneStandardError {
  /** Relative slack so that a score exactly one SE from the best is not lost to rounding. */
  private static final double ROUNDING = 1e-12;

  private OneStandardError() {}

  /**
   * The cheapest candidate within one standard error of the best score.
   *
   * @return empty when no candidate ran and has a score on {@code metric}
   * @throws IllegalArgumentException if two candidates share a name
   */
  public static Optional<OneSeChoice> cheapest(List<CandidateMeasurement> candidates,
      Metric metric) {
    Verdicts.requireUniqueNames(candidates);
    List<CandidateMeasurement> scored = candidates.stream()
        .filter(c -> c.ok() && c.score(metric).isPresent()).toList();
    if (scored.isEmpty()) {
      return Optional.empty();
    }
    CandidateMeasurement best = scored.get(0);
    for (CandidateMeasurement c : scored) {
      if (metric.isBetter(mean(c, metric), mean(best, metric))) {
        best = c;
      }
    }
    double se = standardError(best.score(metric).orElseThrow());
    double bestMean = mean(best, metric);
    List<CandidateMeasurement> within = new ArrayList<>();
    for (CandidateMeasurement c : scored) {
      double gap = metric.greaterIsBetter() ? bestMean - mean(c, metric)
          : mean(c, metric) - bestMean;
      if (gap <= se + ROUNDING * Math.max(1, Math.abs(bestMean))) {
        within.add(c);
      }
    }
    Comparator<CandidateMeasurement> cheaper = Comparator
        .comparingDouble((CandidateMeasurement c) -> c.latency().map(Latency::p99Ms)
            .orElse(Double.POSITIVE_INFINITY))
        .thenComparingDouble(c -> c.sizeBytes().isPresent() ? c.sizeBytes().getAsLong()
            : Double.POSITIVE_INFINITY)
        .thenComparingDouble(c -> c.trainSeconds().orElse(Double.POSITIVE_INFINITY))
        .thenComparingDouble(c -> metric.greaterIsBetter() ? -mean(c, metric) : mean(c, metric));
    // min() keeps the first of equal elements, so the earlier candidate wins a complete tie
    CandidateMeasurement chosen = within.stream().min(cheaper).orElseThrow();
    return Optional.of(new OneSeChoice(metric, best, chosen, se,
        within.stream().map(CandidateMeasurement::name).toList()));
  }

  /** The standard error of a mean score over folds: {@code std / sqrt(folds)}. */
  public static double standardError(MetricSummary score) {
    return score.folds() > 1 ? score.std() / Math.sqrt(score.folds()) : 0;
  }

  private static double mean(CandidateMeasurement c, Metric metric) {
    return c.score(metric).orElseThrow().mean();
  }
}
