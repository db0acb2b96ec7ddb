package dev.plumb.bench;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Every candidate judged against every target: pass or fail with a signed margin per bound, and
 * whether any candidate meets them all, which decides the exit code of {@code plumb bench} (0 when
 * one does, 1 when none does). Immutable.
 *
 * <p>A bound on a measurement a candidate lacks fails with a reason rather than passing by default:
 * a failed candidate fails every bound ("failed: ..."), and a measurement that was not taken fails
 * its bound ("not measured"). Scores are judged on their cross-validated mean.
 *
 * @param metric the metric the score bound was judged on
 * @param targets the targets
 * @param candidates one verdict per candidate, in the order given
 */
public record Verdicts(Metric metric, Targets targets, List<CandidateVerdict> candidates) {
  /** Copies the verdicts. */
  public Verdicts {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(targets, "targets");
    candidates = List.copyOf(candidates);
  }

  /**
   * Judges each candidate against each bound of {@code targets}.
   *
   * @param primary the command's primary metric, used when the targets name none
   * @throws BadInputException if the score bound does not fit the metric (see {@link
   *     Targets#requireScoreFits(Metric)})
   * @throws IllegalArgumentException if two candidates share a name
   */
  public static Verdicts of(Targets targets, Metric primary, List<CandidateMeasurement> measured) {
    targets.requireScoreFits(primary);
    Metric metric = targets.metricOr(primary);
    requireUniqueNames(measured);
    List<CandidateVerdict> out = new ArrayList<>();
    for (CandidateMeasurement c : measured) {
      List<TargetCheck> checks = new ArrayList<>();
      for (Bound b : targets.bounds()) {
        checks.add(check(b, c, metric));
      }
      out.add(new CandidateVerdict(c, checks));
    }
    return new Verdicts(metric, targets, out);
  }

  private static TargetCheck check(Bound b, CandidateMeasurement c, Metric metric) {
    if (c.error().isPresent()) {
      return TargetCheck.unmeasured(b, "failed: " + c.error().get());
    }
    OptionalDouble v = b.kind().measured(c, metric);
    if (v.isEmpty()) {
      return TargetCheck.unmeasured(b, "not measured" + (b.kind().isScore() ? ": no "
          + metric.label() + " score" : ""));
    }
    return TargetCheck.of(b, v.getAsDouble());
  }

  static void requireUniqueNames(List<CandidateMeasurement> candidates) {
    Set<String> seen = new HashSet<>();
    for (CandidateMeasurement c : candidates) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("two candidates are named '" + c.name() + "'");
      }
    }
  }

  /** The verdict of the candidate with this name, if there is one. */
  public Optional<CandidateVerdict> candidate(String name) {
    return candidates.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * Whether the named candidate ran and meets every bound.
   *
   * @throws IllegalArgumentException if no candidate has that name
   */
  public boolean meetsAll(String name) {
    return candidate(name).orElseThrow(
        () -> new IllegalArgumentException("no candidate is named '" + name + "'")).meetsAll();
  }

  /** The names of the candidates that meet every bound, in order. */
  public List<String> meetingAll() {
    return candidates.stream().filter(CandidateVerdict::meetsAll).map(CandidateVerdict::name)
        .toList();
  }

  /**
   * Whether at least one candidate meets every bound: exit code 0 when true, 1 when false. With no
   * bounds, true as soon as one candidate ran; with no candidates, false.
   */
  public boolean anyMeetsAll() {
    return candidates.stream().anyMatch(CandidateVerdict::meetsAll);
  }
}
