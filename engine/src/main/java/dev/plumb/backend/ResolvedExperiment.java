package dev.plumb.backend;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.FoldData;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.plan.Fold;
import dev.plumb.plan.HashFolds;
import dev.plumb.plan.Seeds;
import dev.plumb.plan.Splits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A {@link BackendPlan} resolved against the data: the problem, each labelled row's key, the hash
 * folds, the learners and the metrics; and the two units of work every backend runs, one
 * learner on one fold ({@link #crossValidate}) and one learner on one learning-curve subset
 * ({@link #curvePoint}). The local backend loops over them; the Spark backend's task-parallel
 * mode runs each as one Spark task, so both give the same numbers. Immutable and thread-safe
 * (the subset orders are computed on demand).
 */
public final class ResolvedExperiment {
  private final BackendPlan plan;
  private final Problem problem;
  private final long[] keys;
  private final Splits splits;
  private final List<Learner> learners;
  private final List<Metric> metrics;

  private ResolvedExperiment(BackendPlan plan, Problem problem) {
    this.plan = plan;
    this.problem = problem;
    int[] rows = IntStream.range(0, problem.size()).map(problem::row).toArray();
    this.keys = HashFolds.rowKeys(problem.table(), rows, plan.keyColumn());
    this.splits = Splits.hashKFold(keys, labels(problem), plan.folds(), plan.repeats(),
        plan.seed());
    this.learners = plan.learners().isEmpty() ? LearnerCatalog.ladder(problem.task())
        : plan.learners().stream()
            .map(s -> LearnerCatalog.resolve(LearnerSpec.parse(s), problem.task())).toList();
    this.metrics = plan.metricsFor(problem.task());
  }

  /** Resolves {@code plan} on a problem already read. */
  public static ResolvedExperiment of(Problem problem, BackendPlan plan) {
    return new ResolvedExperiment(plan, problem);
  }

  /** Reads the plan's CSV from a local file with the default CSV options, and resolves. */
  public static ResolvedExperiment read(Path localCsv, BackendPlan plan) {
    Problem p = Problem.of(CsvTableReader.read(localCsv, CsvOptions.defaults()).table(),
        plan.target(), plan.task());
    return of(p, plan);
  }

  /** Each labelled row's canonical class name, or {@code null} for regression. */
  public static String[] labels(Problem problem) {
    if (!problem.task().isClassification()) {
      return null;
    }
    List<String> names = problem.classNames().stream().map(HashFolds::classLabel).toList();
    return Arrays.stream(problem.classes()).mapToObj(names::get).toArray(String[]::new);
  }

  /** The plan. */
  public BackendPlan plan() {
    return plan;
  }

  /** The problem. */
  public Problem problem() {
    return problem;
  }

  /** The hash folds. */
  public Splits splits() {
    return splits;
  }

  /** Each labelled row's key (a copy). */
  public long[] keys() {
    return keys.clone();
  }

  /** The learners, in plan order. */
  public List<Learner> learners() {
    return learners;
  }

  /** The metrics, the primary first. */
  public List<Metric> metrics() {
    return metrics;
  }

  /**
   * One learner on one fold, exactly as the local engine's cross-validation scores it (the same
   * fit seed, preprocessing and training-score sample), within the plan's time limit.
   *
   * @return a result with one fold score, or the failure (out of time is one)
   */
  public LearnerResult crossValidate(int learner, int fold) {
    Splits one = new Splits(splits.strategy(), splits.k(), splits.repeats(), splits.seed(),
        List.of(splits.folds().get(fold)));
    ExperimentPlan p = new ExperimentPlan(List.of(learners.get(learner)), one, metrics,
        plan.seed(), 1, plan.timeLimit());
    return CrossValidation.run(problem, p, CrossValidation.Progress.NONE).get(0);
  }

  /**
   * One learner on the subset of {@code fraction} of one fold's training rows, in {@link
   * HashFolds#subsetOrder} order, scored on the subset and on the fold's validation rows.
   *
   * @throws RuntimeException when the learner cannot fit the subset
   */
  public CurveScore curvePoint(int learner, int fold, double fraction) {
    Fold f = splits.folds().get(fold);
    int[] order = HashFolds.subsetOrder(f, keys, plan.seed());
    int n = Math.max(1, Math.min(order.length, (int) Math.round(fraction * order.length)));
    int[] subset = Arrays.copyOf(order, n);
    FoldData d = FoldData.of(problem, subset, f.validation(),
        IntStream.range(0, Math.min(n, CrossValidation.MAX_TRAIN_SCORING_ROWS)).toArray());
    Learner l = learners.get(learner);
    long seed = Seeds.derive(plan.seed(), Seeds.of(l.spec().text()), f.repeat(), f.index(), n);
    long t0 = System.nanoTime();
    Model model = l.fit(d.train(), seed);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<Metric, Double> train = new EnumMap<>(Metric.class);
    Map<Metric, Double> validation = new EnumMap<>(Metric.class);
    if (problem.task().isClassification()) {
      double[][] tp = model.predictProba(d.scoringX());
      double[][] vp = model.predictProba(d.validationX());
      for (Metric m : metrics) {
        m.compute(d.scoringClasses(), tp).ifPresent(v -> train.put(m, v));
        m.compute(d.validationClasses(), vp).ifPresent(v -> validation.put(m, v));
      }
    } else {
      double[] tp = model.predict(d.scoringX());
      double[] vp = model.predict(d.validationX());
      for (Metric m : metrics) {
        m.compute(d.scoringValues(), tp).ifPresent(v -> train.put(m, v));
        m.compute(d.validationValues(), vp).ifPresent(v -> validation.put(m, v));
      }
    }
    return new CurveScore(fraction, f.repeat(), f.index(), n, train, validation, seconds);
  }

  /** Every (learner, fold, fraction) of the plan's learning curves, fraction-major per learner. */
  public List<int[]> curveWork() {
    List<int[]> out = new ArrayList<>();
    for (int l = 0; l < learners.size(); l++) {
      for (int q = 0; q < plan.fractions().size(); q++) {
        for (int f = 0; f < splits.folds().size(); f++) {
          out.add(new int[] {l, f, q});
        }
      }
    }
    return out;
  }
}
