package dev.plumb.bench;

import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The cheapest candidate whose score is within one standard error of the best, made by {@link
 * OneStandardError#cheapest}. Immutable.
 *
 * @param metric the metric the scores were compared on
 * @param best the candidate with the best mean score
 * @param chosen the cheapest candidate within one standard error of it (may be {@code best})
 * @param standardError the best score's standard error, {@code std / sqrt(folds)}
 * @param withinOneSe the names of every candidate within one standard error, the best included, in
 *     the order given
 */
public record OneSeChoice(
    Metric metric,
    CandidateMeasurement best,
    CandidateMeasurement chosen,
    double standardError,
    List<String> withinOneSe) {

  /** Copies the list. */
  public OneSeChoice {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(best, "best");
    Objects.requireNonNull(chosen, "chosen");
    withinOneSe = List.copyOf(withinOneSe);
  }

  /** The worst score that still counts: the best mean minus one SE (plus, if lower is better). */
  public double threshold() {
    double bestMean = best.score(metric).orElseThrow().mean();
    return metric.greaterIsBetter() ? bestMean - standardError : bestMean + standardError;
  }

  /** Whether the best-scoring candidate is also the cheapest within one standard error. */
  public boolean chosenIsBest() {
    return chosen.name().equals(best.name());
  }

  /** One sentence for a person: what was chosen, against what, and why. */
  public String explanation() {
    MetricSummary b = best.score(metric).orElseThrow();
    String se = "standard error " + num(standardError) + (b.folds() > 1
        ? " = std " + num(b.std()) + " / √" + b.folds() + " folds"
        : ", from one fold, so only an equal score counts");
    if (chosenIsBest()) {
      return String.format(Locale.ROOT, "%s has the best %s (%s), and no candidate within one"
          + " standard error of it (%s) is cheaper.", best.name(), metric.label(), num(b.mean()),
          se);
    }
    double c = chosen.score(metric).orElseThrow().mean();
    return String.format(Locale.ROOT, "%s is the cheapest candidate whose %s is within one"
        + " standard error of the best: %s against %s for %s (%s)%s.", chosen.name(),
        metric.label(), num(c), num(b.mean()), best.name(), se, costs());
  }

  /** The costs of the chosen candidate against the best, where both were measured. */
  private String costs() {
    List<String> parts = new ArrayList<>();
    if (chosen.latency().isPresent() && best.latency().isPresent()) {
      parts.add("p99 latency " + num(chosen.latency().get().p99Ms()) + " ms against "
          + num(best.latency().get().p99Ms()));
    }
    if (chosen.sizeBytes().isPresent() && best.sizeBytes().isPresent()) {
      parts.add("size " + chosen.sizeBytes().getAsLong() + " bytes against "
          + best.sizeBytes().getAsLong());
    }
    if (chosen.trainSeconds().isPresent() && best.trainSeconds().isPresent()) {
      parts.add("training " + num(chosen.trainSeconds().getAsDouble()) + " s against "
          + num(best.trainSeconds().getAsDouble()));
    }
    return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
  }

  /** Four significant digits, no exponent, no trailing zeros. */
  private static String num(double v) {
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
