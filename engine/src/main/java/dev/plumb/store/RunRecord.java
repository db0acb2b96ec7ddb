package dev.plumb.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One finished command as the run store keeps it: what ran (command, arguments, times, exit
 * code), on which data (the dataset version and its hashes), with which settings (target, task,
 * seed, split) and software (Plumb, Java and library versions), what it measured per learner, its
 * notes (verdicts, target checks, findings) and the command's full JSON report. Immutable and
 * thread-safe; build one with {@link #builder()}.
 *
 * @param command the command, e.g. {@code baseline} or {@code datatest check}
 * @param arguments the command line as given, after {@code plumb}
 * @param startedAt when the command started
 * @param endedAt when it ended
 * @param exitCode its exit code (0 or 1: failed commands are not recorded)
 * @param dataset the data it read
 * @param target the target column, for commands that have one
 * @param task {@code binary}, {@code multiclass} or {@code regression}, when known
 * @param seed the seed of every random choice, for commands that draw
 * @param split how the rows were split for validation
 * @param software what produced the results besides the data
 * @param learners per learner, in the report's order (best first where the command ranks)
 * @param best the command's best learner with its leading metric and score
 * @param notes verdicts, target checks and findings, in order
 * @param reportJson the command's JSON report, the bytes {@code --json} writes
 * @throws IllegalArgumentException if the command is blank, the times are reversed, or the
 *     exit code is negative
 */
public record RunRecord(
    String command,
    List<String> arguments,
    Instant startedAt,
    Instant endedAt,
    int exitCode,
    Optional<DatasetRef> dataset,
    Optional<String> target,
    Optional<String> task,
    OptionalLong seed,
    Optional<Split> split,
    Software software,
    List<LearnerRun> learners,
    Optional<Best> best,
    List<Note> notes,
    String reportJson) {

  /** Checks the values and copies the lists. */
  public RunRecord {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("a run needs the name of its command");
    }
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    if (endedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException("a run cannot end (" + endedAt + ") before it starts ("
          + startedAt + ")");
    }
    if (exitCode < 0) {
      throw new IllegalArgumentException("exit code must be non-negative, got " + exitCode);
    }
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(software, "software");
    Objects.requireNonNull(best, "best");
    Objects.requireNonNull(reportJson, "reportJson");
    arguments = List.copyOf(arguments);
    learners = List.copyOf(learners);
    notes = List.copyOf(notes);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The learner with this name, if the run has one. */
  public Optional<LearnerRun> learner(String name) {
    return learners.stream().filter(l -> l.learner().equals(name)).findFirst();
  }

  /**
   * The data a run read: the file as given and its {@code DatasetVersion}.
   *
   * @param path the file as given on the command line
   * @param versionId the short version id (12 hex digits of the content hash)
   * @param contentSha256 the order- and format-independent hash of the values
   * @param bytesSha256 the hash of the exact file
   * @param schemaSha256 the hash of the column names and types
   * @param rows rows read
   * @param columns columns read
   */
  public record DatasetRef(String path, String versionId, String contentSha256,
      String bytesSha256, String schemaSha256, long rows, int columns) {
    /** Checks for nulls. */
    public DatasetRef {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(contentSha256, "contentSha256");
      Objects.requireNonNull(bytesSha256, "bytesSha256");
      Objects.requireNonNull(schemaSha256, "schemaSha256");
    }
  }

  /**
   * How the rows were split for validation.
   *
   * @param strategy e.g. {@code stratified_k_fold}, {@code holdout}
   * @param folds folds per repetition (1 for a holdout)
   * @param repeats repetitions
   * @param testTrainRatio validation rows over training rows in one split, on average ({@code
   *     1/(k-1)} for k folds): what the corrected t-test of two runs' folds needs
   * @throws IllegalArgumentException if a count is below 1 or the ratio is not positive
   */
  public record Split(String strategy, int folds, int repeats, double testTrainRatio) {
    /** Checks the values. */
    public Split {
      Objects.requireNonNull(strategy, "strategy");
      if (folds < 1 || repeats < 1 || !(testTrainRatio > 0) || Double.isInfinite(testTrainRatio)) {
        throw new IllegalArgumentException("a split needs at least one fold and repeat and a"
            + " positive test/train ratio, got " + folds + ", " + repeats + ", " + testTrainRatio);
      }
    }

    /** For people: {@code stratified_k_fold 5 folds × 2}. */
    public String describe() {
      return strategy + " " + folds + (folds == 1 ? " fold" : " folds")
          + (repeats > 1 ? " × " + repeats : "");
    }
  }

  /**
   * What produced a run besides the data.
   *
   * @param plumbVersion Plumb's version
   * @param javaVersion the JVM's version and vendor
   * @param libraries library name to version
   */
  public record Software(String plumbVersion, String javaVersion, Map<String, String> libraries) {
    /** Copies the map, keeping its order. */
    public Software {
      Objects.requireNonNull(plumbVersion, "plumbVersion");
      Objects.requireNonNull(javaVersion, "javaVersion");
      libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
    }
  }

  /**
   * What a run measured of one learner.
   *
   * @param learner the learner's spec as text, e.g. {@code smile:random_forest(trees=300)}
   * @param error why it failed, if it did
   * @param fitSeconds mean fit time per fold
   * @param predictSecondsPer1000 mean time to predict 1,000 rows
   * @param metrics one summary per metric, the leading metric first
   */
  public record LearnerRun(String learner, Optional<String> error, OptionalDouble fitSeconds,
      OptionalDouble predictSecondsPer1000, List<MetricScore> metrics) {
    /** Copies the list. */
    public LearnerRun {
      if (learner == null || learner.isBlank()) {
        throw new IllegalArgumentException("a learner run needs the learner's spec");
      }
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(fitSeconds, "fitSeconds");
      Objects.requireNonNull(predictSecondsPer1000, "predictSecondsPer1000");
      metrics = List.copyOf(metrics);
    }

    /** The summary of this metric, if measured. */
    public Optional<MetricScore> metric(String name) {
      return metrics.stream().filter(m -> m.metric().equals(name)).findFirst();
    }
  }

  /**
   * One metric of one learner over the validation folds.
   *
   * @param metric the metric's label, e.g. {@code balanced_accuracy}
   * @param mean mean over the folds where it is defined
   * @param std sample standard deviation over those folds
   * @param ciLow lower end of the 95% interval of the mean, when computed
   * @param ciHigh upper end of that interval
   * @param folds the score of every fold in fold order; NaN where it is undefined on a fold
   * @throws IllegalArgumentException if the mean or std is not finite or the std is negative
   */
  public record MetricScore(String metric, double mean, double std, OptionalDouble ciLow,
      OptionalDouble ciHigh, double[] folds) {
    /** Checks the values and copies the folds. */
    public MetricScore {
      Objects.requireNonNull(metric, "metric");
      if (!Double.isFinite(mean) || !(std >= 0) || Double.isInfinite(std)) {
        throw new IllegalArgumentException(metric + ": mean and std must be finite and the std"
            + " non-negative, got " + mean + " and " + std);
      }
      Objects.requireNonNull(ciLow, "ciLow");
      Objects.requireNonNull(ciHigh, "ciHigh");
      folds = folds.clone();
    }

    @Override
    public double[] folds() {
      return folds.clone();
    }

    /** The folds where the metric is defined. */
    public int definedFolds() {
      return (int) Arrays.stream(folds).filter(Double::isFinite).count();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MetricScore m && metric.equals(m.metric)
          && Double.compare(mean, m.mean) == 0 && Double.compare(std, m.std) == 0
          && ciLow.equals(m.ciLow) && ciHigh.equals(m.ciHigh) && Arrays.equals(folds, m.folds);
    }

    @Override
    public int hashCode() {
      return Objects.hash(metric, mean, std, ciLow, ciHigh, Arrays.hashCode(folds));
    }

    @Override
    public String toString() {
      return "MetricScore[" + metric + " " + mean + " ± " + std + ", folds "
          + Arrays.toString(folds) + "]";
    }
  }

  /**
   * The run's best learner.
   *
   * @param learner its spec as text
   * @param metric the leading metric
   * @param score its mean score in that metric
   */
  public record Best(String learner, String metric, double score) {
    /** Checks for nulls. */
    public Best {
      Objects.requireNonNull(learner, "learner");
      Objects.requireNonNull(metric, "metric");
    }
  }

  /**
   * A verdict, target check or finding.
   *
   * @param learner the learner it concerns, if one
   * @param kind what it is, e.g. {@code diagnosis}, {@code target max_latency_p99_ms}, {@code
   *     finding}
   * @param value its outcome, e.g. {@code overfitting}, {@code pass}, {@code warning}
   * @param number the number that goes with it (a confidence, a margin), if any
   * @param detail the evidence or message, if any
   */
  public record Note(Optional<String> learner, String kind, String value, OptionalDouble number,
      Optional<String> detail) {
    /** Checks for nulls. */
    public Note {
      Objects.requireNonNull(learner, "learner");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Collects a run's parts; the commands fill in what they measured and the recorder the
   * command, arguments, times and exit code. Not thread-safe.
   */
  public static final class Builder {
    private String command;
    private List<String> arguments = List.of();
    private Instant startedAt;
    private Instant endedAt;
    private int exitCode;
    private DatasetRef dataset;
    private String target;
    private String task;
    private Long seed;
    private Split split;
    private Software software;
    private final List<LearnerRun> learners = new ArrayList<>();
    private Best best;
    private final List<Note> notes = new ArrayList<>();
    private String reportJson;

    private Builder() {}

    /** Sets the command's name. */
    public Builder command(String value) {
      command = value;
      return this;
    }

    /** Sets the arguments. */
    public Builder arguments(List<String> value) {
      arguments = List.copyOf(value);
      return this;
    }

    /** Sets the start and end times. */
    public Builder times(Instant started, Instant ended) {
      startedAt = started;
      endedAt = ended;
      return this;
    }

    /** Sets the exit code. */
    public Builder exitCode(int value) {
      exitCode = value;
      return this;
    }

    /** Sets the data. */
    public Builder dataset(DatasetRef value) {
      dataset = value;
      return this;
    }

    /** Sets the target column. */
    public Builder target(String value) {
      target = value;
      return this;
    }

    /** Sets the task's label. */
    public Builder task(String value) {
      task = value;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Sets the split. */
    public Builder split(Split value) {
      split = value;
      return this;
    }

    /** Sets the software versions. */
    public Builder software(Software value) {
      software = value;
      return this;
    }

    /** Adds a learner. */
    public Builder learner(LearnerRun value) {
      learners.add(Objects.requireNonNull(value, "learner"));
      return this;
    }

    /** Sets the best learner. */
    public Builder best(Best value) {
      best = value;
      return this;
    }

    /** Adds a note. */
    public Builder note(Note value) {
      notes.add(Objects.requireNonNull(value, "note"));
      return this;
    }

    /** Sets the JSON report. */
    public Builder reportJson(String value) {
      reportJson = value;
      return this;
    }

    /**
     * The run.
     *
     * @throws IllegalArgumentException if a required part (command, times, software, report) is
     *     missing or a value is invalid
     */
    public RunRecord build() {
      if (startedAt == null || endedAt == null || software == null || reportJson == null) {
        throw new IllegalArgumentException("a run needs its times, software and report; missing "
            + (startedAt == null || endedAt == null ? "times" : software == null ? "software"
            : "report"));
      }
      return new RunRecord(command, arguments, startedAt, endedAt, exitCode,
          Optional.ofNullable(dataset), Optional.ofNullable(target), Optional.ofNullable(task),
          seed == null ? OptionalLong.empty() : OptionalLong.of(seed), Optional.ofNullable(split),
          software, learners, Optional.ofNullable(best), notes, reportJson);
    }
  }
}
