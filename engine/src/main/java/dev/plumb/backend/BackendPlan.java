package dev.plumb.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An experiment as every backend takes it: where the data is, what to predict, which learners,
 * how many hash folds, which learning-curve fractions, which metrics, which seed. It travels as
 * JSON to a {@code spark-submit} job ({@link #toJson()}, {@link #fromJson(String)}). Immutable;
 * validated on construction.
 *
 * @param data the CSV file: a local path, or any Hadoop-compatible URI ({@code hdfs://},
 *     {@code s3a://}, {@code file:}) for a backend whose executors read it
 * @param target the label column
 * @param task the task, or empty to detect it as the local engine does
 * @param learners learner specs ({@code logistic}, {@code smile:tree(max_depth=4)}); empty for
 *     the task's whole ladder
 * @param folds hash folds per repetition (at least 2)
 * @param repeats repetitions (at least 1)
 * @param seed the seed of the folds, subsets and fits
 * @param metrics the metrics, the primary first; empty for the task's defaults
 * @param fractions learning-curve fractions of each fold's training rows, increasing, in (0, 1];
 *     empty for no learning curve
 * @param keyColumn a column that identifies rows, whose value alone keys the hash folds; empty to
 *     key rows by all their fields
 * @param mode how a distributed backend spreads the work
 * @param timeLimit the longest one learner may spend on one fold (fit and scoring) before it is
 *     reported as out of time, as {@code --time-limit} does locally; empty for no limit
 */
public record BackendPlan(String data, String target, Optional<Task> task, List<String> learners,
    int folds, int repeats, long seed, List<Metric> metrics, List<Double> fractions,
    Optional<String> keyColumn, BackendMode mode, Optional<Duration> timeLimit) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies and checks. */
  public BackendPlan {
    learners = List.copyOf(learners);
    metrics = List.copyOf(metrics);
    fractions = List.copyOf(fractions);
    if (data == null || data.isBlank()) {
      throw new BadInputException("the plan names no data file");
    }
    if (target == null || target.isBlank()) {
      throw new BadInputException("the plan names no target column");
    }
    if (folds < 2) {
      throw new BadInputException("--folds must be at least 2, got " + folds);
    }
    if (repeats < 1) {
      throw new BadInputException("--repeats must be at least 1, got " + repeats);
    }
    double last = 0;
    for (double f : fractions) {
      if (!(f > 0 && f <= 1)) {
        throw new BadInputException("learning-curve fractions are fractions of the training"
            + " rows, in (0, 1], got " + f);
      }
      if (f <= last) {
        throw new BadInputException("learning-curve fractions must increase, got " + fractions);
      }
      last = f;
    }
    if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
      throw new BadInputException("the time limit must be positive, got " + timeLimit.get());
    }
  }

  /** A plan of a baseline run: every learner of the ladder, 5 folds, no curve. */
  public static BackendPlan baseline(String data, String target, long seed) {
    return new BackendPlan(data, target, Optional.empty(), List.of(), 5, 1, seed, List.of(),
        List.of(), Optional.empty(), BackendMode.AUTO, Optional.empty());
  }

  /** The same plan in another mode. */
  public BackendPlan withMode(BackendMode m) {
    return new BackendPlan(data, target, task, learners, folds, repeats, seed, metrics, fractions,
        keyColumn, m, timeLimit);
  }

  /** The same plan with other learners. */
  public BackendPlan withLearners(List<String> specs) {
    return new BackendPlan(data, target, task, specs, folds, repeats, seed, metrics, fractions,
        keyColumn, mode, timeLimit);
  }

  /** The same plan with learning-curve fractions. */
  public BackendPlan withFractions(List<Double> f) {
    return new BackendPlan(data, target, task, learners, folds, repeats, seed, metrics, f,
        keyColumn, mode, timeLimit);
  }

  /** The metrics to compute for {@code t}: the plan's, or the task's defaults. */
  public List<Metric> metricsFor(Task t) {
    if (!metrics.isEmpty()) {
      return metrics;
    }
    List<Metric> out = new ArrayList<>();
    Metric primary = t.isClassification() ? Metric.BALANCED_ACCURACY : Metric.RMSE;
    out.add(primary);
    Metric.forTask(t).stream().filter(m -> m != primary).forEach(out::add);
    return out;
  }

  /** The plan as one JSON object (keys as in {@link #fromJson}). */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("data", data);
    o.put("target", target);
    o.put("task", task.map(Task::label).orElse("auto"));
    ArrayNode l = o.putArray("learners");
    learners.forEach(l::add);
    o.put("folds", folds);
    o.put("repeats", repeats);
    o.put("seed", seed);
    ArrayNode m = o.putArray("metrics");
    metrics.forEach(x -> m.add(x.label()));
    ArrayNode f = o.putArray("fractions");
    fractions.forEach(f::add);
    keyColumn.ifPresent(k -> o.put("key_column", k));
    o.put("mode", mode.label());
    timeLimit.ifPresent(t -> o.put("time_limit_seconds", t.toMillis() / 1000.0));
    return o.toString();
  }

  /**
   * Reads a plan: {@code data} and {@code target} are required; {@code task} (auto, binary,
   * multiclass, regression), {@code learners}, {@code folds} (5), {@code repeats} (1), {@code seed}
   * (42), {@code metrics}, {@code fractions}, {@code key_column}, {@code mode} (auto) and
   * {@code time_limit_seconds} (none) are optional.
   *
   * @throws BadInputException when the text is not such a JSON object
   */
  public static BackendPlan fromJson(String text) {
    JsonNode o;
    try {
      o = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadInputException("the plan is not valid JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      throw new BadInputException("the plan must be a JSON object with at least \"data\" and"
          + " \"target\"");
    }
    String taskText = o.path("task").asText("auto").toLowerCase(Locale.ROOT);
    Optional<Task> task = switch (taskText) {
      case "auto" -> Optional.empty();
      case "binary" -> Optional.of(Task.BINARY);
      case "multiclass", "classification" -> Optional.of(Task.MULTICLASS);
      case "regression" -> Optional.of(Task.REGRESSION);
      default -> throw new BadInputException("plan: unknown task '" + taskText
          + "'; use auto, binary, multiclass or regression");
    };
    List<String> learners = new ArrayList<>();
    o.path("learners").forEach(n -> learners.add(n.asText()));
    List<Metric> metrics = new ArrayList<>();
    o.path("metrics").forEach(n -> metrics.add(Metric.parse(n.asText())));
    List<Double> fractions = new ArrayList<>();
    o.path("fractions").forEach(n -> fractions.add(n.asDouble()));
    Optional<Duration> limit = Optional.empty();
    JsonNode seconds = o.path("time_limit_seconds");
    if (!seconds.isMissingNode() && !seconds.isNull()) {
      if (!seconds.isNumber() || !(seconds.asDouble() > 0)) {
        throw new BadInputException("plan: time_limit_seconds must be a positive number, got "
            + seconds);
      }
      limit = Optional.of(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)));
    }
    return new BackendPlan(o.path("data").asText(null), o.path("target").asText(null), task,
        learners, o.path("folds").asInt(5), o.path("repeats").asInt(1), o.path("seed").asLong(42),
        metrics, fractions, Optional.ofNullable(o.path("key_column").asText(null)),
        BackendMode.parse(o.path("mode").asText("auto")), limit);
  }
}
