package dev.plumb.cli;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendRunner;
import dev.plumb.backend.BackendSettings;
import dev.plumb.backend.ExperimentBackend;
import dev.plumb.backend.ResolvedExperiment;
import dev.plumb.data.BadInputException;
import dev.plumb.data.Column;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Baseline;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.HashFolds;
import dev.plumb.plan.Splits;
import dev.plumb.plan.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options every experiment command shares (baseline, diagnose): the data, the target, the
 * learners, the metric, the folds, the seed and the threads; and how they become a problem, a
 * list of learners, metrics and folds.
 */
final class ExperimentOptions {
  /** The task option's values. */
  enum TaskOption {
    AUTO, CLASSIFICATION, BINARY, MULTICLASS, REGRESSION
  }

  /** The command this mixin is part of. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The CSV file.")
  Path data;

  @Option(names = {"-t", "--target"}, required = true, paramLabel = "COLUMN",
      description = "The label column.")
  String target;

  @Option(names = "--task", paramLabel = "TASK",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: text, boolean or few"
          + " integers are classes, other numbers regression).")
  TaskOption task = TaskOption.AUTO;

  @Option(names = {"-m", "--metric"}, paramLabel = "METRIC",
      description = "Primary metric (default: balanced_accuracy for classes, rmse for numbers).")
  String metric;

  @Option(names = {"-k", "--folds"}, paramLabel = "K", description = "Folds (default: 5).")
  int folds = 5;

  @Option(names = "--repeats", paramLabel = "N", description = "Repetitions of the k folds"
      + " with fresh shuffles (default: 1).")
  int repeats = 1;

  @Option(names = "--holdout", paramLabel = "FRACTION",
      description = "Instead of k folds, validate on one held-out fraction of the rows.")
  Double holdout;

  @Option(names = "--group-by", paramLabel = "COLUMN",
      description = "Grouped folds: rows sharing a value of COLUMN stay in one fold.")
  String groupBy;

  @Option(names = "--time-column", paramLabel = "COLUMN",
      description = "Train on the past, validate on the future, ordered by COLUMN.")
  String timeColumn;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the"
      + " number of cores); results do not depend on it.")
  Integer threads;

  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Fail a learner that spends longer than this on one fold.")
  Double timeLimit;

  /** How folds are drawn. */
  enum FoldsBy {
    /** Seeded shuffles of the row order (the default; stratified for classes). */
    RANDOM,
    /** A seeded hash of each row's key: independent of row order, the same on every backend. */
    HASH
  }

  @Option(names = "--folds-by", paramLabel = "HOW",
      description = "random: seeded shuffles of the rows (default); hash: a seeded hash of each"
          + " row's fields (or --key column), the same whatever the row order or backend.")
  FoldsBy foldsBy = FoldsBy.RANDOM;

  @Option(names = "--key", paramLabel = "COLUMN",
      description = "With hash folds: key rows by this column alone instead of all fields.")
  String key;

  @Option(names = "--backend", paramLabel = "NAME",
      description = "Where the fits run: local (default) or spark (hash folds; needs the"
          + " plumb-spark module and Spark on the class path).")
  String backend = "local";

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for --backend spark, e.g. local[2], yarn, spark://host:7077.")
  String master;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "Spark mode: auto (default), data (MLlib on the distributed rows) or task"
          + " (one task per fit, Plumb's own learners).")
  String mode = "auto";

  /** Whether the fits run off this JVM. */
  boolean remote() {
    return !backend.equals("local");
  }

  /**
   * Who cross-validates: this JVM, or the {@code --backend} (found on the class path).
   *
   * @throws BadInputException when the backend is not on the class path
   */
  Baseline.Runner runner(Problem problem) {
    if (!remote()) {
      return CrossValidation::run;
    }
    ExperimentBackend b = ExperimentBackend.named(backend);
    BackendPlan template = new BackendPlan(data.toAbsolutePath().toUri().toString(), target,
        Optional.of(problem.task()), List.of(), folds, repeats, seed, List.of(),
        List.of(), Optional.ofNullable(key), BackendMode.parse(mode), limit());
    return new BackendRunner(b, new BackendSettings(Optional.ofNullable(master), workers()),
        template);
  }

  /**
   * Rejects {@code option} unless the fits run Plumb's own learners (locally, or on Spark in task
   * mode): it refits one of them here, which must be the learner that was scored.
   */
  void requireSameLearners(String option) {
    if (remote() && BackendMode.parse(mode) != BackendMode.TASK_PARALLEL) {
      throw new BadInputException(option + " with --backend " + backend + " needs --mode task,"
          + " so that the saved learner is the one cross-validated (data mode runs MLlib's)");
    }
  }

  /** The worker threads: {@code --threads}, else the number of cores. */
  int workers() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** The per-learner time limit, if any. */
  Optional<Duration> limit() {
    return Optional.ofNullable(timeLimit).map(s -> Duration.ofMillis(Math.round(s * 1000)));
  }

  void validateOptions() {
    int schemes = (holdout != null ? 1 : 0) + (groupBy != null ? 1 : 0)
        + (timeColumn != null ? 1 : 0);
    if (schemes > 1) {
      throw new BadInputException("choose one of --holdout, --group-by and --time-column");
    }
    if (holdout != null && repeats != 1) {
      throw new BadInputException("--repeats does not apply to --holdout");
    }
    if (timeColumn != null && repeats != 1) {
      throw new BadInputException("--repeats does not apply to --time-column (the split is fixed"
          + " by time)");
    }
    if (threads != null && threads < 1) {
      throw new BadInputException("--threads must be at least 1, got " + threads);
    }
    String command = mixee == null ? "" : mixee.name();
    if (remote() && !command.equals("baseline")) {
      throw new BadInputException(command + " runs in this JVM only; drop --backend " + backend
          + " (baseline runs on other backends)");
    }
    if (remote() && (holdout != null || groupBy != null || timeColumn != null)) {
      throw new BadInputException("--backend " + backend + " runs hash folds; drop --holdout,"
          + " --group-by and --time-column");
    }
    if (foldsBy == FoldsBy.HASH && (holdout != null || groupBy != null || timeColumn != null)) {
      throw new BadInputException("--folds-by hash draws k folds; drop --holdout, --group-by and"
          + " --time-column");
    }
    if (key != null && foldsBy != FoldsBy.HASH && !remote()) {
      throw new BadInputException("--key applies to hash folds; add --folds-by hash");
    }
    if ((master != null || !mode.equals("auto")) && !remote()) {
      throw new BadInputException("--master and --mode apply to --backend spark");
    }
    BackendMode.parse(mode);
    if (timeLimit != null && !(timeLimit > 0)) {
      throw new BadInputException("--time-limit must be a positive number of seconds, got "
          + timeLimit);
    }
  }

  Optional<Task> requestedTask() {
    return switch (task) {
      case AUTO -> Optional.empty();
      case CLASSIFICATION, MULTICLASS -> Optional.of(Task.MULTICLASS);
      case BINARY -> Optional.of(Task.BINARY);
      case REGRESSION -> Optional.of(Task.REGRESSION);
    };
  }

  /**
   * The learners of a {@code --learners} list, each resolved once; {@code null} (the option not
   * given) is the whole ladder.
   */
  static List<Learner> chosenLearners(String learners, Task t) {
    if (learners == null) {
      return LearnerCatalog.ladder(t);
    }
    List<Learner> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String text : splitSpecs("--learners", learners)) {
      Learner l = LearnerCatalog.resolve(LearnerSpec.parse(text), t);
      if (!seen.add(l.spec().text())) {
        throw new BadInputException("learner '" + text + "' is listed twice in --learners");
      }
      out.add(l);
    }
    if (out.isEmpty()) {
      throw new BadInputException("--learners is empty; name at least one, e.g. --learners"
          + " logistic,random_forest");
    }
    return out;
  }

  /** Splits the value of {@code option} on commas that are not inside parentheses. */
  static List<String> splitSpecs(String option, String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        if (!cur.toString().isBlank()) {
          out.add(cur.toString().strip());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (depth != 0) {
      throw new BadInputException(option + " '" + text + "' has unbalanced parentheses");
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  /** The metrics of the task, {@code --metric} (or the default primary metric) first. */
  List<Metric> metrics(Task t) {
    return metricsLedBy(metric == null
        ? (t.isClassification() ? Metric.BALANCED_ACCURACY : Metric.RMSE)
        : Metric.parse(metric, t), t);
  }

  /** The metrics of the task, {@code primary} first. */
  static List<Metric> metricsLedBy(Metric primary, Task t) {
    List<Metric> all = new ArrayList<>();
    all.add(primary);
    for (Metric m : Metric.forTask(t)) {
      if (m != primary) {
        all.add(m);
      }
    }
    return all;
  }

  /** The problem the options describe on {@code table}: its target and task. */
  Problem problem(Table table) {
    return Problem.of(table, target, requestedTask());
  }

  Splits splits(Problem problem, Table table) {
    int n = problem.size();
    if (holdout != null) {
      return Splits.holdout(n, holdout,
          problem.task().isClassification() ? problem.classes() : null, seed);
    }
    if (timeColumn != null) {
      Column c = table.require(timeColumn, "time");
      if (!(c instanceof NumericColumn num)) {
        throw new BadInputException("time column '" + timeColumn + "' is " + c.type().label()
            + "; it must hold dates, date-times or numbers");
      }
      double[] times = new double[n];
      for (int i = 0; i < n; i++) {
        int row = problem.row(i);
        if (num.isMissing(row)) {
          throw new BadInputException("time column '" + timeColumn + "' is missing in data row "
              + (row + 1) + "; every row needs a time");
        }
        times[i] = num.get(row);
      }
      return Splits.timeSeries(times, folds);
    }
    if (groupBy != null) {
      Column c = table.require(groupBy, "group");
      Map<String, Integer> ids = new HashMap<>();
      int[] groups = new int[n];
      for (int i = 0; i < n; i++) {
        String v = c.text(problem.row(i));
        groups[i] = ids.computeIfAbsent(v == null ? "\u0000missing" : v, k -> ids.size());
      }
      return Splits.groupKFold(groups, folds, repeats, seed);
    }
    if (foldsBy == FoldsBy.HASH || remote()) {
      int[] rows = IntStream.range(0, n).map(problem::row).toArray();
      return Splits.hashKFold(HashFolds.rowKeys(table, rows, Optional.ofNullable(key)),
          ResolvedExperiment.labels(problem), folds, repeats, seed);
    }
    if (problem.task().isClassification()) {
      return Splits.stratifiedKFold(problem.classes(), folds, repeats, seed);
    }
    return Splits.kFold(n, folds, repeats, seed);
  }
}
