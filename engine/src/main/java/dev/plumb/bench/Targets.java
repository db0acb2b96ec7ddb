package dev.plumb.bench;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a model must achieve to be worth shipping, as written in a targets file (see {@link
 * TargetsFile}); every part is optional, and a candidate must meet every bound that is set.
 * Immutable and thread-safe.
 *
 * <p>The score bound is {@code min_score} for a metric where greater is better and {@code
 * max_score} for one where lower is better (see {@link TargetKind}); at most one is set, and when
 * the metric is known it must be the one that fits it. When {@code metric} is absent the command's
 * primary metric is used, and {@link #requireScoreFits(Metric)} checks the score bound against it.
 *
 * @param metric the metric the score bound and the rankings use; empty for the command's primary
 * @param minScore the least acceptable mean score, for a greater-is-better metric
 * @param maxScore the greatest acceptable mean score, for a lower-is-better metric
 * @param maxLatencyP50Ms the greatest acceptable median one-row latency, in milliseconds
 * @param maxLatencyP99Ms the greatest acceptable 99th-percentile one-row latency, in milliseconds
 * @param minThroughputRowsPerS the least acceptable batch throughput, in rows per second
 * @param maxModelBytes the greatest acceptable serialized model size, in bytes
 * @param maxTrainSeconds the greatest acceptable training time on the full data, in seconds
 * @param maxTrainMemoryBytes the greatest acceptable training memory, in bytes
 * @param candidates learners to try instead of the command's default list; empty for the default
 * @throws IllegalArgumentException if both score bounds are set, a bound is not finite, a
 *     non-score bound is not positive, or the score bound does not fit the given metric
 */
public record Targets(
    Optional<Metric> metric,
    OptionalDouble minScore,
    OptionalDouble maxScore,
    OptionalDouble maxLatencyP50Ms,
    OptionalDouble maxLatencyP99Ms,
    OptionalDouble minThroughputRowsPerS,
    OptionalLong maxModelBytes,
    OptionalDouble maxTrainSeconds,
    OptionalLong maxTrainMemoryBytes,
    List<LearnerSpec> candidates) {

  /** Checks the bounds against each other and the metric; copies the candidates. */
  public Targets {
    Objects.requireNonNull(metric, "metric");
    candidates = List.copyOf(candidates);
    if (minScore.isPresent() && maxScore.isPresent()) {
      throw new IllegalArgumentException("set min_score or max_score, not both");
    }
    for (Bound b : boundsOf(minScore, maxScore, maxLatencyP50Ms, maxLatencyP99Ms,
        minThroughputRowsPerS, maxModelBytes, maxTrainSeconds, maxTrainMemoryBytes)) {
      Optional<String> problem = problem(b.kind(), b.limit(), metric);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(b.kind().key() + ": " + problem.get());
      }
    }
  }

  /** No targets and no candidates: every candidate that runs meets all targets. */
  public static Targets none() {
    return new Targets(Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(), List.of());
  }

  /** These targets, judged on {@code m}. */
  public Targets withMetric(Metric m) {
    return new Targets(Optional.of(m), minScore, maxScore, maxLatencyP50Ms, maxLatencyP99Ms,
        minThroughputRowsPerS, maxModelBytes, maxTrainSeconds, maxTrainMemoryBytes, candidates);
  }

  /** These targets with these candidates instead of the current ones. */
  public Targets withCandidates(List<LearnerSpec> specs) {
    return new Targets(metric, minScore, maxScore, maxLatencyP50Ms, maxLatencyP99Ms,
        minThroughputRowsPerS, maxModelBytes, maxTrainSeconds, maxTrainMemoryBytes, specs);
  }

  /**
   * These targets with the bound of this kind set (or replaced).
   *
   * @throws IllegalArgumentException if the limit is not valid for the kind (see the constructor),
   *     or a byte count is not a whole number
   */
  public Targets with(TargetKind kind, double limit) {
    Map<TargetKind, Double> all = new EnumMap<>(TargetKind.class);
    for (Bound b : bounds()) {
      all.put(b.kind(), b.limit());
    }
    all.put(kind, limit);
    if (kind.isWholeNumber() && (limit != Math.rint(limit) || Math.abs(limit) >= 0x1p63)) {
      throw new IllegalArgumentException(kind.key() + " must be a whole number, got " + limit);
    }
    return new Targets(metric, d(all, TargetKind.MIN_SCORE), d(all, TargetKind.MAX_SCORE),
        d(all, TargetKind.MAX_LATENCY_P50_MS), d(all, TargetKind.MAX_LATENCY_P99_MS),
        d(all, TargetKind.MIN_THROUGHPUT_ROWS_PER_S), l(all, TargetKind.MAX_MODEL_BYTES),
        d(all, TargetKind.MAX_TRAIN_SECONDS), l(all, TargetKind.MAX_TRAIN_MEMORY_BYTES),
        candidates);
  }

  /** Every bound that is set, in the order of {@link TargetKind}. */
  public List<Bound> bounds() {
    return boundsOf(minScore, maxScore, maxLatencyP50Ms, maxLatencyP99Ms, minThroughputRowsPerS,
        maxModelBytes, maxTrainSeconds, maxTrainMemoryBytes);
  }

  /** The bound of this kind, if set. */
  public Optional<Bound> bound(TargetKind kind) {
    return bounds().stream().filter(b -> b.kind() == kind).findFirst();
  }

  /** Whether no bound is set (candidates may still be). */
  public boolean hasNoBounds() {
    return bounds().isEmpty();
  }

  /** The metric the targets are judged on: the file's, else {@code primary}. */
  public Metric metricOr(Metric primary) {
    return metric.orElse(primary);
  }

  /**
   * Checks the score bound against the metric it will be judged on (the file's, else {@code
   * primary}); a file that names its metric was checked when it was read.
   *
   * @throws BadInputException if {@code min_score} is set for a lower-is-better metric, {@code
   *     max_score} for a greater-is-better one, or the limit lies outside the metric's range
   */
  public void requireScoreFits(Metric primary) {
    Metric m = metricOr(primary);
    for (Bound b : bounds()) {
      if (b.kind().isScore()) {
        Optional<String> problem = problem(b.kind(), b.limit(), Optional.of(m));
        if (problem.isPresent()) {
          throw new BadInputException("targets: " + b.kind().key() + ": " + problem.get()
              + (metric.isEmpty() ? " (the targets name no metric, so the command's metric "
                  + m.label() + " is used; add 'metric: NAME' to choose another)" : ""));
        }
      }
    }
  }

  /**
   * What is wrong with a limit for a kind, given the metric when it is known: a score bound must
   * point the metric's way and lie in its range; every other bound must be positive. The message
   * says what is allowed.
   */
  static Optional<String> problem(TargetKind kind, double limit, Optional<Metric> metric) {
    if (!Double.isFinite(limit)) {
      return Optional.of("must be a finite number, found " + limit);
    }
    if (!kind.isScore()) {
      return limit > 0 ? Optional.empty() : Optional.of("must be positive, found "
          + (kind.isWholeNumber() ? Long.toString((long) limit) : Double.toString(limit))
          + "; remove the key for no " + kind.key().substring(4) + " target");
    }
    if (metric.isEmpty()) {
      return Optional.empty();
    }
    Metric m = metric.get();
    TargetKind fits = TargetKind.scoreFor(m);
    if (kind != fits) {
      return Optional.of(m.label() + " is a metric where " + (m.greaterIsBetter()
          ? "greater is better, so bound it from below with min_score"
          : "lower is better, so bound it from above with max_score") + ", not " + kind.key());
    }
    if (limit < m.lowest() || limit > m.highest()) {
      return Optional.of(m.label() + " lies " + range(m) + ", found " + limit);
    }
    return Optional.empty();
  }

  private static String range(Metric m) {
    if (m.lowest() == Double.NEGATIVE_INFINITY) {
      return "at most " + fmt(m.highest());
    }
    if (m.highest() == Double.POSITIVE_INFINITY) {
      return "at least " + fmt(m.lowest());
    }
    return "between " + fmt(m.lowest()) + " and " + fmt(m.highest());
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static List<Bound> boundsOf(OptionalDouble minScore, OptionalDouble maxScore,
      OptionalDouble p50, OptionalDouble p99, OptionalDouble throughput, OptionalLong bytes,
      OptionalDouble seconds, OptionalLong memory) {
    List<Bound> out = new ArrayList<>();
    add(out, TargetKind.MIN_SCORE, minScore);
    add(out, TargetKind.MAX_SCORE, maxScore);
    add(out, TargetKind.MAX_LATENCY_P50_MS, p50);
    add(out, TargetKind.MAX_LATENCY_P99_MS, p99);
    add(out, TargetKind.MIN_THROUGHPUT_ROWS_PER_S, throughput);
    if (bytes.isPresent()) {
      out.add(new Bound(TargetKind.MAX_MODEL_BYTES, bytes.getAsLong()));
    }
    add(out, TargetKind.MAX_TRAIN_SECONDS, seconds);
    if (memory.isPresent()) {
      out.add(new Bound(TargetKind.MAX_TRAIN_MEMORY_BYTES, memory.getAsLong()));
    }
    return List.copyOf(out);
  }

  private static void add(List<Bound> out, TargetKind kind, OptionalDouble limit) {
    if (limit.isPresent()) {
      out.add(new Bound(kind, limit.getAsDouble()));
    }
  }

  private static OptionalDouble d(Map<TargetKind, Double> all, TargetKind kind) {
    Double v = all.get(kind);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static OptionalLong l(Map<TargetKind, Double> all, TargetKind kind) {
    Double v = all.get(kind);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v.longValue());
  }
}
