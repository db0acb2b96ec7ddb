package dev.plumb.bench;

import dev.plumb.evaluate.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One kind of bound a targets file can set, named by its key in the file. Each is an upper bound
 * ("at most", the {@code max_} keys) or a lower bound ("at least", the {@code min_} keys) on one
 * measurement of a candidate, in the unit the key names.
 *
 * <p>The score has two keys so that the file says plainly which way it points: {@code min_score}
 * for a metric where greater is better (accuracy, balanced accuracy, F1, ROC AUC, R²) and {@code
 * max_score} for one where lower is better (log loss, Brier, RMSE, MAE). A file that writes the key
 * that does not fit its metric is rejected rather than silently reinterpreted.
 */
public enum TargetKind {
  /** Cross-validated mean score at least this, for a greater-is-better metric. */
  MIN_SCORE("min_score", false, ""),
  /** Cross-validated mean score at most this, for a lower-is-better metric. */
  MAX_SCORE("max_score", true, ""),
  /** Median latency of one-row predictions after warm-up, in milliseconds, at most this. */
  MAX_LATENCY_P50_MS("max_latency_p50_ms", true, "ms"),
  /** 99th-percentile latency of one-row predictions after warm-up, in milliseconds. */
  MAX_LATENCY_P99_MS("max_latency_p99_ms", true, "ms"),
  /** Batch prediction throughput, in rows per second, at least this. */
  MIN_THROUGHPUT_ROWS_PER_S("min_throughput_rows_per_s", false, "rows/s"),
  /** Serialized model size, in bytes, at most this. */
  MAX_MODEL_BYTES("max_model_bytes", true, "bytes"),
  /** Training time on the full data, in seconds, at most this. */
  MAX_TRAIN_SECONDS("max_train_seconds", true, "s"),
  /** Memory allocated while training on the full data, in bytes, at most this. */
  MAX_TRAIN_MEMORY_BYTES("max_train_memory_bytes", true, "bytes");

  private final String key;
  private final boolean upperBound;
  private final String unit;

  TargetKind(String key, boolean upperBound, String unit) {
    this.key = key;
    this.upperBound = upperBound;
    this.unit = unit;
  }

  /** The key in the targets file, e.g. {@code max_latency_p99_ms}. */
  public String key() {
    return key;
  }

  /** Whether the bound is a maximum (the measurement must be at most the limit). */
  public boolean isUpperBound() {
    return upperBound;
  }

  /**
   * The unit of the limit and of the margin: {@code ms}, {@code rows/s}, {@code bytes} or {@code
   * s}; empty for a score, which is in the metric's own units.
   */
  public String unit() {
    return unit;
  }

  /** Whether the limit counts bytes, so the file must give a whole number. */
  public boolean isWholeNumber() {
    return unit.equals("bytes");
  }

  /** Whether this is one of the two score bounds. */
  public boolean isScore() {
    return this == MIN_SCORE || this == MAX_SCORE;
  }

  /** The score key that fits the metric's direction: {@code min_score} or {@code max_score}. */
  public static TargetKind scoreFor(Metric metric) {
    return metric.greaterIsBetter() ? MIN_SCORE : MAX_SCORE;
  }

  /** Every key, in declaration order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(TargetKind::key).toList();
  }

  /**
   * What this bound reads from a candidate: the mean of {@code metric} for a score bound, else the
   * matching measurement; empty when it was not measured. A failed candidate's partial
   * measurements are returned as they are; {@link Verdicts} does not read them.
   */
  public OptionalDouble measured(CandidateMeasurement candidate, Metric metric) {
    return switch (this) {
      case MIN_SCORE, MAX_SCORE -> candidate.score(metric).map(s -> OptionalDouble.of(s.mean()))
          .orElse(OptionalDouble.empty());
      case MAX_LATENCY_P50_MS -> candidate.latency().map(l -> OptionalDouble.of(l.p50Ms()))
          .orElse(OptionalDouble.empty());
      case MAX_LATENCY_P99_MS -> candidate.latency().map(l -> OptionalDouble.of(l.p99Ms()))
          .orElse(OptionalDouble.empty());
      case MIN_THROUGHPUT_ROWS_PER_S -> candidate.throughputRowsPerS();
      case MAX_MODEL_BYTES -> asDouble(candidate.sizeBytes());
      case MAX_TRAIN_SECONDS -> candidate.trainSeconds();
      case MAX_TRAIN_MEMORY_BYTES -> asDouble(candidate.trainMemoryBytes());
    };
  }

  private static OptionalDouble asDouble(OptionalLong v) {
    return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
  }
}
