package dev.plumb.evaluate;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline ladder: cross-validates the learners, ranks them by the primary metric, tests each
 * against the trivial control ({@code majority} for classes, {@code mean} for numbers; the best
 * other input-independent learner when that one was not run) and against the leader with the
 * corrected resampled t-test, and runs the sanity checks. Stateless and thread-safe.
 */
public final class Baseline {
  /** Significance level of the comparisons. */
  public static final double ALPHA = 0.05;

  /** Input-independent learners: the trivial baselines every model must beat. */
  public static final Set<String> TRIVIAL =
      Set.of("majority", "stratified", "uniform", "mean", "median");

  private Baseline() {}

  /**
   * Cross-validates a plan somewhere: in this JVM ({@link CrossValidation#run}), or on a backend
   * such as Spark. Returns one result per learner, in plan order.
   */
  @FunctionalInterface
  public interface Runner {
    /** Runs every learner of {@code plan} on every fold of its splits. */
    List<LearnerResult> run(Problem problem, ExperimentPlan plan,
        CrossValidation.Progress progress);

    /** What the report should say about where the fits ran, after {@link #run}; none locally. */
    default List<String> notes() {
      return List.of();
    }

    /** The versions of what the fits ran on, beyond this JVM's libraries; none locally. */
    default Map<String, String> versions() {
      return Map.of();
    }
  }

  /**
   * Runs the plan. The trivial control ({@code majority}, or {@code mean} for regression) is added
   * when the plan lacks a trivial learner.
   */
  public static BaselineResult run(Problem problem, ExperimentPlan plan,
      CrossValidation.Progress progress) {
    return run(problem, plan, progress, CrossValidation::run);
  }

  /** Runs the plan, its cross-validation done by {@code runner}; otherwise as above. */
  public static BaselineResult run(Problem problem, ExperimentPlan plan,
      CrossValidation.Progress progress, Runner runner) {
    long t0 = System.nanoTime();
    ExperimentPlan full = withControl(problem, plan);
    List<LearnerResult> results = runner.run(problem, full, progress);
    CorrectedTTest test = CorrectedTTest.forSplits(full.splits());
    Metric primary = full.primary();

    List<LearnerResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing((LearnerResult r) -> !r.ok())
        .thenComparing(r -> sortKey(r, primary, test)));
    String preferred = problem.task().isClassification() ? "majority" : "mean";
    LearnerResult control = sorted.stream()
        .filter(r -> r.ok() && r.spec().name().equals(preferred)).findFirst()
        .orElse(sorted.stream().filter(r -> r.ok() && TRIVIAL.contains(r.spec().name()))
            .findFirst().orElse(null));
    LearnerResult leader = sorted.get(0).ok() ? sorted.get(0) : null;

    List<LeaderboardEntry> board = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      LearnerResult r = sorted.get(i);
      Optional<TTestResult> vsBase = compare(r, control, primary, test);
      Optional<TTestResult> vsLead = compare(r, leader, primary, test);
      board.add(new LeaderboardEntry(r, i + 1, r.validation(primary, test),
          r.train(primary, test), vsBase, verdict(r, control, vsBase, primary), vsLead,
          verdict(r, leader, vsLead, primary)));
    }
    List<String> notes = new ArrayList<>(runner.notes());
    notes.addAll(problem.features().notes());
    if (problem.droppedRows() > 0) {
      notes.add(problem.droppedRows() + " rows without a target value were left out");
    }
    if (full.learners().size() > plan.learners().size()) {
      notes.add("'" + full.learners().get(full.learners().size() - 1).spec().name()
          + "' was added as the trivial control");
    }
    if (problem.task().isClassification()) {
      int[] counts = problem.classCounts();
      for (int c = 0; c < counts.length; c++) {
        if (counts[c] < full.splits().k() && full.splits().k() > 1) {
          notes.add("class '" + problem.classNames().get(c) + "' has " + counts[c]
              + " rows, fewer than the " + full.splits().k() + " folds: some validation folds"
              + " lack it");
        }
      }
    }
    List<SanityCheck> checks = SanityChecks.run(problem, full, board);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new BaselineResult(problem, full, board,
        control == null ? "" : control.spec().name(), checks, notes, seconds);
  }


  private static ExperimentPlan withControl(Problem problem, ExperimentPlan plan) {
    boolean hasTrivial = plan.learners().stream()
        .anyMatch(l -> TRIVIAL.contains(l.spec().name()));
    if (hasTrivial) {
      return plan;
    }
    String name = problem.task().isClassification() ? "majority" : "mean";
    List<Learner> learners = new ArrayList<>(plan.learners());
    learners.add(LearnerCatalog.resolve(LearnerSpec.of("plumb", name), problem.task()));
    return new ExperimentPlan(learners, plan.splits(), plan.metrics(), plan.seed(), plan.threads(),
        plan.timeLimit());
  }

  private static double sortKey(LearnerResult r, Metric primary, CorrectedTTest test) {
    Optional<MetricSummary> s = r.validation(primary, test);
    if (s.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    return primary.greaterIsBetter() ? -s.get().mean() : s.get().mean();
  }

  private static Optional<TTestResult> compare(LearnerResult r, LearnerResult reference,
      Metric metric, CorrectedTTest test) {
    if (reference == null || reference == r || !r.ok()) {
      return Optional.empty();
    }
    double[] a = r.validationScores(metric);
    double[] b = reference.validationScores(metric);
    int n = Math.min(a.length, b.length);
    double[] x = new double[n];
    double[] y = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
        double sign = metric.greaterIsBetter() ? 1 : -1;
        x[m] = sign * a[i];
        y[m] = sign * b[i];
        m++;
      }
    }
    if (m < 2) {
      return Optional.empty();
    }
    return Optional.of(test.compare(Arrays.copyOf(x, m), Arrays.copyOf(y, m)));
  }

  private static Comparison verdict(LearnerResult r, LearnerResult reference,
      Optional<TTestResult> t, Metric metric) {
    if (reference == r) {
      return Comparison.SAME;
    }
    if (t.isEmpty()) {
      return Comparison.UNKNOWN;
    }
    TTestResult res = t.get();
    if (res.pValue() >= ALPHA) {
      return Comparison.TIED;
    }
    return res.meanDifference() > 0 ? Comparison.BETTER : Comparison.WORSE;
  }
}
