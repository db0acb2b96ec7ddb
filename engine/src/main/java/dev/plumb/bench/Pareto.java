package dev.plumb.bench;

import dev.plumb.evaluate.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Pareto front of candidates over four objectives: the mean score (better in the metric's
 * direction), the 99th-percentile one-row latency (lower), the serialized size in bytes (lower) and
 * the training time on the full data (lower). Candidate A dominates B when A is at least as good as
 * B on all four and strictly better on at least one; the front is the candidates no one dominates.
 * Two candidates equal on all four do not dominate each other, so ties stay on the front together.
 *
 * <p>Failed candidates and those missing one of the four measurements are left out, with the
 * reason. The comparison is exact: the caller rounds measurements beforehand if noise below some
 * resolution should count as a tie. Quadratic in the number of candidates, which is small.
 * Stateless and thread-safe.
 */
public final class Pareto {
  private Pareto() {}

  /**
   * The front of {@code candidates}, and for each dominated one who dominates it.
   *
   * @throws IllegalArgumentException if two candidates share a name
   */
  public static ParetoFront front(List<CandidateMeasurement> candidates, Metric metric) {
    Verdicts.requireUniqueNames(candidates);
    List<Point> points = new ArrayList<>();
    List<ParetoFront.Excluded> excluded = new ArrayList<>();
    for (CandidateMeasurement c : candidates) {
      Optional<String> missing = missing(c, metric);
      if (missing.isPresent()) {
        excluded.add(new ParetoFront.Excluded(c.name(), missing.get()));
      } else {
        points.add(Point.of(c, metric));
      }
    }
    List<String> front = new ArrayList<>();
    for (Point p : points) {
      if (points.stream().noneMatch(q -> q.dominates(p))) {
        front.add(p.name());
      }
    }
    List<ParetoFront.Dominated> dominated = new ArrayList<>();
    for (Point p : points) {
      List<String> by = points.stream().filter(q -> q.dominates(p)).map(Point::name).toList();
      if (!by.isEmpty()) {
        String first = by.stream().filter(front::contains).findFirst().orElseThrow();
        dominated.add(new ParetoFront.Dominated(p.name(), first, by));
      }
    }
    return new ParetoFront(metric, front, dominated, excluded);
  }

  /**
   * Whether {@code a} dominates {@code b}: at least as good on score, p99 latency, size and
   * training time, and strictly better on one.
   *
   * @throws IllegalArgumentException if either failed or lacks one of the four measurements
   */
  public static boolean dominates(CandidateMeasurement a, CandidateMeasurement b, Metric metric) {
    for (CandidateMeasurement c : List.of(a, b)) {
      missing(c, metric).ifPresent(why -> {
        throw new IllegalArgumentException(c.name() + " cannot be compared: " + why);
      });
    }
    return Point.of(a, metric).dominates(Point.of(b, metric));
  }

  private static Optional<String> missing(CandidateMeasurement c, Metric metric) {
    if (!c.ok()) {
      return Optional.of("failed: " + c.error().orElseThrow());
    }
    List<String> lacks = new ArrayList<>();
    if (c.score(metric).isEmpty()) {
      lacks.add(metric.label() + " score");
    }
    if (c.latency().isEmpty()) {
      lacks.add("p99 latency");
    }
    if (c.sizeBytes().isEmpty()) {
      lacks.add("size");
    }
    if (c.trainSeconds().isEmpty()) {
      lacks.add("train seconds");
    }
    return lacks.isEmpty() ? Optional.empty()
        : Optional.of("not measured: " + String.join(", ", lacks));
  }

  /** A candidate's four objectives, each turned so that lower is better. */
  private record Point(String name, double loss, double p99Ms, double bytes, double trainSeconds) {
    static Point of(CandidateMeasurement c, Metric metric) {
      double score = c.score(metric).orElseThrow().mean();
      return new Point(c.name(), metric.greaterIsBetter() ? -score : score,
          c.latency().orElseThrow().p99Ms(), c.sizeBytes().orElseThrow(),
          c.trainSeconds().orElseThrow());
    }

    boolean dominates(Point o) {
      boolean noWorse = loss <= o.loss && p99Ms <= o.p99Ms && bytes <= o.bytes
          && trainSeconds <= o.trainSeconds;
      boolean better = loss < o.loss || p99Ms < o.p99Ms || bytes < o.bytes
          || trainSeconds < o.trainSeconds;
      return noWorse && better;
    }
  }
}
