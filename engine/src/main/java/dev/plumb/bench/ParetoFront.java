package dev.plumb.bench;

import dev.plumb.evaluate.Metric;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which candidates are worth considering at all when score, p99 latency, model size and training
 * time all matter: those that no other candidate beats on one of the four while matching it on the
 * rest. Made by {@link Pareto#front}. Immutable.
 *
 * @param metric the metric the score was compared on
 * @param front the non-dominated candidates, in the order given
 * @param dominated the others that were compared, in the order given, each with who dominates it
 * @param excluded candidates that could not be compared (failed, or a measurement is missing)
 */
public record ParetoFront(
    Metric metric, List<String> front, List<Dominated> dominated, List<Excluded> excluded) {

  /** Copies the lists. */
  public ParetoFront {
    Objects.requireNonNull(metric, "metric");
    front = List.copyOf(front);
    dominated = List.copyOf(dominated);
    excluded = List.copyOf(excluded);
  }

  /**
   * A dominated candidate.
   *
   * @param candidate its name
   * @param by the first candidate on the front, in the order given, that dominates it: the one to
   *     take instead (one always exists, since domination is transitive)
   * @param allBy every candidate that dominates it, in the order given (front or not)
   */
  public record Dominated(String candidate, String by, List<String> allBy) {
    /** Copies the list. */
    public Dominated {
      allBy = List.copyOf(allBy);
    }
  }

  /**
   * A candidate left out of the comparison.
   *
   * @param candidate its name
   * @param reason why: the candidate failed, or which measurements are missing
   */
  public record Excluded(String candidate, String reason) {}

  /** Whether the named candidate is on the front. */
  public boolean isOnFront(String name) {
    return front.contains(name);
  }

  /** The front candidate to take instead of the named one, if it is dominated. */
  public Optional<String> dominatedBy(String name) {
    return dominated.stream().filter(d -> d.candidate().equals(name)).map(Dominated::by)
        .findFirst();
  }
}
