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
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cross-validation of a baseline run on a backend: turns the engine's {@link ExperimentPlan}
 * into a {@link BackendPlan}, runs it, and turns the scores back into {@link LearnerResult}s, so
 * that ranking, tests and reports stay the engine's. Immutable and thread-safe.
 *
 * @param backend where the fits run
 * @param settings its master and threads
 * @param template the data, target, task, key column and mode; its learners, folds, seed and
 *     metrics are replaced by the engine plan's
 */
public record BackendRunner(ExperimentBackend backend, BackendSettings settings,
    BackendPlan template) implements Baseline.Runner {

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
}
