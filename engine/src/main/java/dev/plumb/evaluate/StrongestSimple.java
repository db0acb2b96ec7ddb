package dev.plumb.evaluate;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Splits;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the strongest simple learner of the ladder by cross-validation on given folds: naive
 * Bayes, logistic regression and kNN for classes; least squares, ridge and kNN for numbers. The
 * reference other commands compare with (the control of {@code plumb bench}, the simple half of
 * {@code plumb diagnose}'s default pair). Stateless.
 */
public final class StrongestSimple {
  private StrongestSimple() {}

  /**
   * The pick.
   *
   * @param learner the winner, if any candidate ran
   * @param results every candidate's cross-validation, in candidate order
   * @param summary the candidates' scores as text, e.g. {@code naive_bayes 0.80, logistic 0.99}
   */
  public record Pick(Optional<Learner> learner, List<LearnerResult> results, String summary) {}

  /** The candidate names for a task, simplest first. */
  public static List<String> candidates(Task task) {
    return task.isClassification() ? List.of("naive_bayes", "logistic", "knn")
        : List.of("linear", "ridge", "knn");
  }

  /** Cross-validates the candidates on {@code splits} and picks the best mean {@code metric}. */
  public static Pick pick(Problem problem, Splits splits, Metric metric, long seed, int threads,
      CrossValidation.Progress progress) {
    List<Learner> learners = new ArrayList<>();
    for (String name : candidates(problem.task())) {
      learners.add(LearnerCatalog.resolve(LearnerSpec.parse(name), problem.task()));
    }
    List<LearnerResult> results = CrossValidation.run(problem,
        new ExperimentPlan(learners, splits, List.of(metric), seed, threads, Optional.empty())
            .withoutTrainScores(), progress);
    Learner best = null;
    double bestScore = Double.NaN;
    StringBuilder scores = new StringBuilder();
    for (int i = 0; i < learners.size(); i++) {
      double s = Arrays.stream(results.get(i).validationScores(metric)).average()
          .orElse(Double.NaN);
      if (results.get(i).ok() && Double.isFinite(s)
          && (best == null || metric.isBetter(s, bestScore))) {
        best = learners.get(i);
        bestScore = s;
      }
      scores.append(scores.length() == 0 ? "" : ", ").append(learners.get(i).spec().name())
          .append(' ').append(Double.isFinite(s) && results.get(i).ok()
              ? String.format(Locale.ROOT, "%.4f", s) : "failed");
    }
    return new Pick(Optional.ofNullable(best), results, scores.toString());
  }
}
