package dev.plumb.diagnose;

import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.plan.Splits;
import java.util.List;

/**
 * The outcome of {@code plumb diagnose}. Immutable.
 *
 * @param problem the task, target and rows
 * @param splits the folds
 * @param metric the metric of every curve
 * @param seed the run's seed
 * @param sizes the learning curves' training sizes
 * @param sweepSize the validation curves' training size
 * @param trivial the trivial baseline at the largest size
 * @param models one diagnosis per learner
 * @param notes what the run chose or changed on its own (the learners picked, a reduced plan)
 * @param test what the test file said, when one was given
 */
public record DiagnoseResult(Problem problem, Splits splits, Metric metric, long seed, int[] sizes,
    int sweepSize, CurvePoint trivial, List<LearnerDiagnosis> models, List<String> notes,
    java.util.Optional<TestCheck.Report> test) {
  /** Copies. */
  public DiagnoseResult {
    sizes = sizes.clone();
    models = List.copyOf(models);
    notes = List.copyOf(notes);
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }
}
