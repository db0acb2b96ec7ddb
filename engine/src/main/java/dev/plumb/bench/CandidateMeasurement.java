package dev.plumb.bench;

import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import dev.plumb.learn.LearnerSpec;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Everything {@code plumb bench} measured of one candidate learner, which the verdicts, the Pareto
 * front and the one-standard-error choice read. A measurement that was not taken is empty, never a
 * sentinel. Build one with {@link #of} or {@link #failed} and the {@code with...} methods.
 * Immutable and thread-safe.
 *
 * @param name the candidate's name in reports; unique among the candidates of one run
 * @param spec the learner, with its hyperparameters
 * @param error why the candidate failed, if it did; a failed candidate meets no target and is left
 *     out of the Pareto front and the one-standard-error choice, whatever else was measured
 * @param scores cross-validated summaries (mean, standard deviation, folds) by metric
 * @param latency one-row prediction latency after warm-up
 * @param throughputRowsPerS batch prediction throughput, in rows per second
 * @param sizeBytes serialized size of the model trained on the full data, in bytes
 * @param gzipBytes that serialization gzip-compressed, in bytes
 * @param trainSeconds training time on the full data, in seconds
 * @param trainMemoryBytes memory allocated while training on the full data, in bytes
 * @throws IllegalArgumentException if the name is blank, a score mean or standard deviation is not
 *     finite, or a measurement is negative or not finite
 */
public record CandidateMeasurement(
    String name,
    LearnerSpec spec,
    Optional<String> error,
    Map<Metric, MetricSummary> scores,
    Optional<Latency> latency,
    OptionalDouble throughputRowsPerS,
    OptionalLong sizeBytes,
    OptionalLong gzipBytes,
    OptionalDouble trainSeconds,
    OptionalLong trainMemoryBytes) {

  /** Checks the values; copies the scores. */
  public CandidateMeasurement {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a candidate needs a name");
    }
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(latency, "latency");
    Map<Metric, MetricSummary> copy = new EnumMap<>(Metric.class);
    for (Map.Entry<Metric, MetricSummary> e : scores.entrySet()) {
      MetricSummary s = Objects.requireNonNull(e.getValue(), "score");
      if (!Double.isFinite(s.mean()) || !(s.std() >= 0) || !Double.isFinite(s.std())
          || s.folds() < 1) {
        throw new IllegalArgumentException(name + ": " + e.getKey().label() + " needs a finite"
            + " mean, a finite non-negative std and at least one fold, got " + s);
      }
      copy.put(e.getKey(), s);
    }
    scores = Collections.unmodifiableMap(copy);
    check(name, "throughput", throughputRowsPerS);
    check(name, "train seconds", trainSeconds);
    check(name, "size", sizeBytes);
    check(name, "gzip size", gzipBytes);
    check(name, "train memory", trainMemoryBytes);
  }

  /** A candidate that ran, with nothing measured yet. */
  public static CandidateMeasurement of(String name, LearnerSpec spec) {
    return new CandidateMeasurement(name, spec, Optional.empty(), Map.of(), Optional.empty(),
        OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalDouble.empty(), OptionalLong.empty());
  }

  /** A candidate that failed, and why (one line for a person). */
  public static CandidateMeasurement failed(String name, LearnerSpec spec, String error) {
    return of(name, spec).withError(error);
  }

  /** Whether the candidate ran without error. */
  public boolean ok() {
    return error.isEmpty();
  }

  /** The cross-validated summary of {@code metric}, if measured. */
  public Optional<MetricSummary> score(Metric metric) {
    return Optional.ofNullable(scores.get(metric));
  }

  /** This measurement, marked failed with this reason. */
  public CandidateMeasurement withError(String why) {
    return new CandidateMeasurement(name, spec, Optional.of(why), scores, latency,
        throughputRowsPerS, sizeBytes, gzipBytes, trainSeconds, trainMemoryBytes);
  }

  /** This measurement with the score of {@code metric} set (or replaced). */
  public CandidateMeasurement withScore(Metric metric, MetricSummary summary) {
    Map<Metric, MetricSummary> more = new EnumMap<>(Metric.class);
    more.putAll(scores);
    more.put(metric, summary);
    return new CandidateMeasurement(name, spec, error, more, latency, throughputRowsPerS,
        sizeBytes, gzipBytes, trainSeconds, trainMemoryBytes);
  }

  /** This measurement with the one-row latency set. */
  public CandidateMeasurement withLatency(Latency l) {
    return new CandidateMeasurement(name, spec, error, scores, Optional.of(l), throughputRowsPerS,
        sizeBytes, gzipBytes, trainSeconds, trainMemoryBytes);
  }

  /** This measurement with the batch throughput set, in rows per second. */
  public CandidateMeasurement withThroughput(double rowsPerS) {
    return new CandidateMeasurement(name, spec, error, scores, latency,
        OptionalDouble.of(rowsPerS), sizeBytes, gzipBytes, trainSeconds, trainMemoryBytes);
  }

  /** This measurement with the serialized size and its gzip-compressed size set, in bytes. */
  public CandidateMeasurement withSize(long bytes, long gzip) {
    return new CandidateMeasurement(name, spec, error, scores, latency, throughputRowsPerS,
        OptionalLong.of(bytes), OptionalLong.of(gzip), trainSeconds, trainMemoryBytes);
  }

  /** This measurement with the training time on the full data set, in seconds. */
  public CandidateMeasurement withTrainSeconds(double seconds) {
    return new CandidateMeasurement(name, spec, error, scores, latency, throughputRowsPerS,
        sizeBytes, gzipBytes, OptionalDouble.of(seconds), trainMemoryBytes);
  }

  /** This measurement with the memory allocated while training set, in bytes. */
  public CandidateMeasurement withTrainMemoryBytes(long bytes) {
    return new CandidateMeasurement(name, spec, error, scores, latency, throughputRowsPerS,
        sizeBytes, gzipBytes, trainSeconds, OptionalLong.of(bytes));
  }

  private static void check(String name, String what, OptionalDouble v) {
    Objects.requireNonNull(v, what);
    if (v.isPresent() && !(v.getAsDouble() >= 0 && Double.isFinite(v.getAsDouble()))) {
      throw new IllegalArgumentException(name + ": " + what + " must be finite and non-negative,"
          + " got " + v.getAsDouble());
    }
  }

  private static void check(String name, String what, OptionalLong v) {
    Objects.requireNonNull(v, what);
    if (v.isPresent() && v.getAsLong() < 0) {
      throw new IllegalArgumentException(name + ": " + what + " must be non-negative, got "
          + v.getAsLong());
    }
  }
}
