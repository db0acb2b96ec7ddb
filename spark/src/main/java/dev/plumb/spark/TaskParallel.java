package dev.plumb.spark;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.CurveScore;
import dev.plumb.backend.LearnerScores;
import dev.plumb.backend.ResolvedExperiment;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Task-parallel mode: every (learner, fold) cross-validation fit and every (learner, fold,
 * fraction) learning-curve fit is one Spark task, which runs Plumb's own learner on the data
 * read whole into its executor ({@link ExecutorData}). The work is the engine's {@link
 * ResolvedExperiment}, so the scores equal the local engine's. The driver reads the data too, to
 * know the learners and folds. Stateless.
 */
final class TaskParallel {
  private TaskParallel() {}

  /**
   * The outcome of one task, in plain arrays so that it serializes cheaply.
   *
   * @param learner the learner's index
   * @param fold the fold's index in the splits
   * @param fraction the fraction's index, or -1 for a cross-validation fit
   * @param error why the fit failed, or null
   * @param validation per metric (plan order), NaN where undefined
   * @param train per metric, NaN where undefined or not scored
   */
  record Outcome(int learner, int fold, int fraction, String error, double[] validation,
      double[] train, double fitSeconds, double predictSecondsPer1000, int trainRows)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static BackendScores run(SparkSession spark, BackendPlan plan) {
    String json = plan.toJson();
    ResolvedExperiment e = ExecutorData.of(json);
    int nl = e.learners().size();
    int nf = e.splits().folds().size();
    List<int[]> work = new ArrayList<>();
    for (int l = 0; l < nl; l++) {
      for (int f = 0; f < nf; f++) {
        work.add(new int[] {l, f, -1});
      }
    }
    for (int[] w : e.curveWork()) {
      work.add(new int[] {w[0], w[1], w[2]});
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String run = UUID.randomUUID().toString();
    List<Outcome> outcomes = jsc.parallelize(work, Math.max(1, work.size()))
        .map(w -> fit(run, json, w)).collect();
    OUT_OF_TIME.keySet().removeIf(k -> k.startsWith(run));
    return assemble(e, outcomes);
  }

  /**
   * Learners of a run that went over the plan's time limit on a fold in this JVM, by run and
   * learner, with the reason: their later folds are not fitted here, as the local engine does not
   * go on with them either. (An executor only knows of its own timeouts.)
   */
  private static final Map<String, String> OUT_OF_TIME = new ConcurrentHashMap<>();

  /** One task: runs in an executor. */
  static Outcome fit(String run, String planJson, int[] w) {
    ResolvedExperiment e = ExecutorData.of(planJson);
    List<Metric> metrics = e.metrics();
    if (w[2] < 0) {
      String learner = run + "#" + w[0];
      String earlier = OUT_OF_TIME.get(learner);
      if (earlier != null) {
        return new Outcome(w[0], w[1], -1, earlier, null, null, 0, 0, 0);
      }
      LearnerResult r = e.crossValidate(w[0], w[1]);
      if (!r.ok()) {
        String error = r.error().orElseThrow();
        if (error.startsWith(CrossValidation.OUT_OF_TIME)) {
          OUT_OF_TIME.putIfAbsent(learner, error);
        }
        return new Outcome(w[0], w[1], -1, error, null, null, 0, 0, 0);
      }
      FoldScore s = r.folds().get(0);
      return new Outcome(w[0], w[1], -1, null, values(metrics, s.validation()),
          values(metrics, s.train()), s.fitSeconds(), s.predictSecondsPer1000(),
          e.splits().folds().get(w[1]).trainSize());
    }
    try {
      CurveScore c = e.curvePoint(w[0], w[1], e.plan().fractions().get(w[2]));
      return new Outcome(w[0], w[1], w[2], null, values(metrics, c.validation()),
          values(metrics, c.train()), c.fitSeconds(), 0, c.trainRows());
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
      return new Outcome(w[0], w[1], w[2], "learning curve: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + ex.getMessage()), null, null, 0, 0, 0);
    }
  }

  private static BackendScores assemble(ResolvedExperiment e, List<Outcome> outcomes) {
    List<Metric> metrics = e.metrics();
    List<LearnerScores> out = new ArrayList<>();
    for (int l = 0; l < e.learners().size(); l++) {
      final int li = l;
      List<Outcome> mine = outcomes.stream().filter(o -> o.learner() == li)
          .sorted(Comparator.comparingInt(Outcome::fraction).thenComparingInt(Outcome::fold))
          .toList();
      Optional<String> error = mine.stream().filter(o -> o.error() != null && o.fraction() < 0)
          .map(Outcome::error).findFirst()
          .or(() -> mine.stream().map(Outcome::error).filter(x -> x != null).findFirst());
      List<FoldScore> folds = new ArrayList<>();
      List<CurveScore> curve = new ArrayList<>();
      for (Outcome o : mine) {
        if (o.error() != null) {
          continue;
        }
        var fold = e.splits().folds().get(o.fold());
        if (o.fraction() < 0) {
          folds.add(new FoldScore(fold.repeat(), fold.index(), map(metrics, o.validation()),
              map(metrics, o.train()), o.fitSeconds(), o.predictSecondsPer1000(),
              Optional.empty()));
        } else {
          curve.add(new CurveScore(e.plan().fractions().get(o.fraction()), fold.repeat(),
              fold.index(), o.trainRows(), map(metrics, o.train()),
              map(metrics, o.validation()), o.fitSeconds()));
        }
      }
      boolean cvFailed = mine.stream().anyMatch(o -> o.error() != null && o.fraction() < 0);
      out.add(new LearnerScores(e.learners().get(l).spec().text(), error,
          cvFailed ? List.of() : folds, curve));
    }
    return new BackendScores("spark", BackendMode.TASK_PARALLEL, e.problem().task(),
        e.problem().size(), out);
  }

  private static double[] values(List<Metric> metrics, Map<Metric, Double> scores) {
    return metrics.stream().mapToDouble(m -> scores.getOrDefault(m, Double.NaN)).toArray();
  }

  private static Map<Metric, Double> map(List<Metric> metrics, double[] v) {
    Map<Metric, Double> out = new EnumMap<>(Metric.class);
    for (int i = 0; i < metrics.size(); i++) {
      if (!Double.isNaN(v[i])) {
        out.put(metrics.get(i), v[i]);
      }
    }
    return out;
  }
}
