package dev.plumb.backend;

import dev.plumb.evaluate.Baseline;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.SplitStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cross-validation of a baseline run on a backend: turns the engine's {@link ExperimentPlan}
 * into a {@link BackendPlan}, runs it, and turns the scores back into {@link LearnerResult}s, so
 * that ranking, tests and reports stay the engine's. It remembers the mode the backend chose, for
 * the report's notes. Thread-safe; one per run.
 */
public final class BackendRunner implements Baseline.Runner {
  private final ExperimentBackend backend;
  private final BackendSettings settings;
  private final BackendPlan template;
  private volatile BackendMode ran;

  /**
   * A runner.
   *
   * @param backend where the fits run
   * @param settings its master and threads
   * @param template the data, target, task, key column and mode; its learners, folds, seed,
   *     metrics and time limit are replaced by the engine plan's
   */
  public BackendRunner(ExperimentBackend backend, BackendSettings settings,
      BackendPlan template) {
    this.backend = backend;
    this.settings = settings;
    this.template = template;
  }

  @Override
  public List<LearnerResult> run(Problem problem, ExperimentPlan plan,
      CrossValidation.Progress progress) {
    if (plan.splits().strategy() != SplitStrategy.HASH_K_FOLD) {
      throw new IllegalArgumentException("a backend runs hash folds, not "
          + plan.splits().strategy().label());
    }
    BackendPlan p = new BackendPlan(template.data(), template.target(),
        Optional.of(problem.task()),
        plan.learners().stream().map(l -> l.spec().text()).toList(), plan.splits().k(),
        plan.splits().repeats(), plan.seed(), plan.metrics(), List.of(), template.keyColumn(),
        template.mode(), plan.timeLimit());
    BackendScores scores = backend.run(p, settings);
    ran = scores.mode();
    List<LearnerResult> out = new ArrayList<>();
    for (int i = 0; i < plan.learners().size(); i++) {
      LearnerScores s = scores.learners().get(i);
      // task-parallel runs the plan's learners; data-parallel names the MLlib estimator it ran
      LearnerSpec spec = scores.mode() == BackendMode.TASK_PARALLEL
          ? plan.learners().get(i).spec() : LearnerSpec.parse(s.spec());
      out.add(new LearnerResult(spec, s.error(),
          s.ok() ? s.folds() : List.of(), OptionalLong.empty()));
      progress.fitDone(i + 1, plan.learners().size(), s.spec());
    }
    return out;
  }

  @Override
  public Map<String, String> versions() {
    return backend.versions();
  }

  @Override
  public List<String> notes() {
    BackendMode m = ran;
    if (m == null) {
      return List.of();
    }
    String where = "the " + backend.name() + " backend"
        + settings.master().map(u -> " (master " + u + ")").orElse("");
    return List.of(m == BackendMode.DATA_PARALLEL
        ? "cross-validated on " + where + " in data-parallel mode: the models are the"
            + " backend's own estimators (spark:...), not Plumb's, so their scores differ from"
            + " a local run's; the folds and the dummies' scores are the same"
        : "cross-validated on " + where + " in task-parallel mode: Plumb's own learners, one"
            + " task per learner and fold, so the scores equal a local run with --folds-by hash");
  }
}
