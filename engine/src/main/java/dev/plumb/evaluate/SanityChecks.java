package dev.plumb.evaluate;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.Preprocessor;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Two checks that run with every baseline, because a leaderboard is only worth reading when they
 * hold:
 *
 * <ol>
 *   <li>{@code can_overfit}: an unpruned tree (or, where greedy splits stall, one nearest
 *       neighbour) must fit a small training sample (up to {@value #OVERFIT_ROWS} rows) almost
 *       perfectly. If it cannot, either rows with identical features carry different labels
 *       (label noise, or features that do not identify the target: the check computes the best
 *       score any model could reach on the sample) or the pipeline loses information.
 *   <li>{@code beats_shuffled_labels}: the leader, trained on each fold (cut to at most
 *       {@value #SHUFFLE_TRAIN_ROWS} training rows) once with the real labels and once with the
 *       labels shuffled (so its input carries no information about the target), must score
 *       significantly better with the real ones (corrected t-test over the folds). If it does
 *       not, the features carry no signal.
 * </ol>
 *
 * Stateless.
 */
final class SanityChecks {
  /** Rows of the sample the overfitting check fits. */
  static final int OVERFIT_ROWS = 300;

  /** Training rows per fold for the shuffled-label check. */
  static final int SHUFFLE_TRAIN_ROWS = 2_000;

  /** Validation rows per fold for the shuffled-label check. */
  static final int SHUFFLE_VALIDATION_ROWS = 5_000;

  /** Training score an unpruned tree must reach (accuracy, or R² for numbers). */
  static final double OVERFIT_SCORE = 0.99;

  private SanityChecks() {}

  static List<SanityCheck> run(Problem problem, ExperimentPlan plan, List<LeaderboardEntry> board) {
    List<SanityCheck> out = new ArrayList<>();
    out.add(canOverfit(problem, plan.seed()));
    LeaderboardEntry leader = board.get(0);
    if (leader.result().ok()) {
      out.add(beatsShuffled(problem, plan, leader));
    }
    return out;
  }

  static SanityCheck canOverfit(Problem problem, long seed) {
    int n = Math.min(OVERFIT_ROWS, problem.size());
    int[] positions = sample(problem.size(), n, Seeds.derive(seed, 0x6F766572L));
    int[] rows = problem.rows(positions);
    Preprocessor.Fitted pre = Preprocessor.fit(problem.features().features(), rows);
    double[][] x = pre.transform(rows);
    Learner tree = LearnerCatalog.resolve(LearnerSpec.of("", "tree"), problem.task());
    Learner nearest = LearnerCatalog.resolve(LearnerSpec.parse("knn(k=1)"), problem.task());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("rows", n);
    evidence.put("learners", List.of(tree.spec().text(), nearest.spec().text()));
    if (problem.task().isClassification()) {
      int[] y = problem.classes(positions);
      TrainingSet set = TrainingSet.classification(problem.task(), x, y, problem.classNames(),
          pre.featureNames(), pre.groups());
      double accuracy = Metric.ACCURACY.compute(y, tree.fit(set, seed).predictProba(x)).orElse(0);
      if (accuracy < OVERFIT_SCORE) {
        // a greedy tree can stall where no single split helps; one nearest neighbour memorizes
        accuracy = Math.max(accuracy,
            Metric.ACCURACY.compute(y, nearest.fit(set, seed).predictProba(x)).orElse(0));
      }
      double best = bestAccuracy(x, y, problem.classNames().size());
      evidence.put("train_accuracy", accuracy);
      evidence.put("best_possible_accuracy", best);
      return verdict(accuracy, best, "accuracy", n, evidence, conflicts(x, y));
    }
    double[] y = problem.values(positions);
    TrainingSet set = TrainingSet.regression(x, y, pre.featureNames(), pre.groups());
    double r2 = Metric.R2.compute(y, tree.fit(set, seed).predict(x)).orElse(0);
    if (r2 < OVERFIT_SCORE) {
      r2 = Math.max(r2, Metric.R2.compute(y, nearest.fit(set, seed).predict(x)).orElse(0));
    }
    double best = bestR2(x, y);
    evidence.put("train_r2", r2);
    evidence.put("best_possible_r2", best);
    return verdict(r2, best, "R²", n, evidence, -1);
  }

  private static SanityCheck verdict(double score, double best, String metric, int n,
      Map<String, Object> evidence, int conflictRows) {
    if (score >= OVERFIT_SCORE) {
      return new SanityCheck("can_overfit", true, String.format(Locale.ROOT,
          "a flexible model fits %d training rows with %s %.3f: the pipeline can learn", n, metric,
          score), evidence);
    }
    if (best < OVERFIT_SCORE) {
      return new SanityCheck("can_overfit", false, String.format(Locale.ROOT,
          "no model can fit these %d training rows: %s rows with identical features have"
              + " different targets, so the best possible training %s is %.3f (a flexible model"
              + " reaches %.3f); check for label noise, or add the features that tell them apart",
          n, conflictRows >= 0 ? String.valueOf(conflictRows) : "some", metric, best, score),
          evidence);
    }
    return new SanityCheck("can_overfit", false, String.format(Locale.ROOT,
        "neither an unpruned tree nor one nearest neighbour fits %d training rows (%s %.3f,"
            + " although %.3f is possible): the pipeline loses information; please report it",
        n, metric, score, best), evidence);
  }

  /** The share of rows that the majority label of their identical-feature group gets right. */
  private static double bestAccuracy(double[][] x, int[] y, int k) {
    Map<List<Double>, int[]> groups = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      groups.computeIfAbsent(key(x[i]), g -> new int[k])[y[i]]++;
    }
    long right = 0;
    for (int[] counts : groups.values()) {
      right += Arrays.stream(counts).max().orElse(0);
    }
    return (double) right / x.length;
  }

  private static int conflicts(double[][] x, int[] y) {
    Map<List<Double>, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      groups.computeIfAbsent(key(x[i]), g -> new ArrayList<>()).add(y[i]);
    }
    int rows = 0;
    for (List<Integer> labels : groups.values()) {
      if (labels.stream().distinct().count() > 1) {
        rows += labels.size();
      }
    }
    return rows;
  }

  /** R² of predicting each identical-feature group's mean. */
  private static double bestR2(double[][] x, double[] y) {
    Map<List<Double>, double[]> groups = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      double[] g = groups.computeIfAbsent(key(x[i]), k -> new double[2]);
      g[0] += y[i];
      g[1]++;
    }
    double[] fitted = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      double[] g = groups.get(key(x[i]));
      fitted[i] = g[0] / g[1];
    }
    return Metric.R2.compute(y, fitted).orElse(1);
  }

  private static List<Double> key(double[] row) {
    List<Double> k = new ArrayList<>(row.length);
    for (double v : row) {
      k.add(v);
    }
    return k;
  }

  static SanityCheck beatsShuffled(Problem problem, ExperimentPlan plan, LeaderboardEntry leader) {
    Metric metric = plan.primary();
    Map<String, Object> evidence = new LinkedHashMap<>();
    String name = leader.result().spec().name();
    evidence.put("learner", leader.result().spec().text());
    if (Baseline.TRIVIAL.contains(name)) {
      return new SanityCheck("beats_shuffled_labels", false, "the leader is '" + name
          + "', which ignores the features: no model found signal in them; check the features"
          + " and the target", evidence);
    }
    // a backend may have scored another implementation of the plan's learner (Spark's data mode
    // names MLlib's): the check refits the plan's learner of that name here
    Learner learner = plan.learners().stream()
        .filter(l -> l.spec().equals(leader.result().spec())).findFirst()
        .or(() -> plan.learners().stream().filter(l -> l.spec().name().equals(name)).findFirst())
        .orElseThrow();
    List<Fold> folds = plan.splits().folds().stream().filter(f -> f.repeat() == 0).toList();
    double[] real = new double[folds.size()];
    double[] shuffled = new double[folds.size()];
    double trainRows = 0;
    double validationRows = 0;
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = bounded(folds.get(f), Seeds.derive(plan.seed(), 0x73686CL, f));
      trainRows += fold.trainSize();
      validationRows += fold.validationSize();
      FoldData data = FoldData.of(problem, fold, plan.seed());
      long seed = Seeds.derive(plan.seed(), 0x73687566L, fold.index());
      real[f] = score(problem, metric, data, learner.fit(data.train(), seed));
      shuffled[f] = score(problem, metric, data, learner.fit(shuffledLabels(data.train(), seed),
          seed));
    }
    double sign = metric.greaterIsBetter() ? 1 : -1;
    double[] a = new double[folds.size()];
    double[] b = new double[folds.size()];
    int m = 0;
    for (int i = 0; i < folds.size(); i++) {
      if (Double.isFinite(real[i]) && Double.isFinite(shuffled[i])) {
        a[m] = sign * real[i];
        b[m] = sign * shuffled[i];
        m++;
      }
    }
    double realMean = Arrays.stream(real).filter(Double::isFinite).average().orElse(Double.NaN);
    double shuffledMean = Arrays.stream(shuffled).filter(Double::isFinite).average()
        .orElse(Double.NaN);
    evidence.put("metric", metric.label());
    evidence.put("real", realMean);
    evidence.put("shuffled", shuffledMean);
    if (m < 2) {
      return new SanityCheck("beats_shuffled_labels", true, "not enough folds to test the leader"
          + " against shuffled labels", evidence);
    }
    TTestResult t = CorrectedTTest.forSplitSizes(trainRows, validationRows)
        .compare(Arrays.copyOf(a, m), Arrays.copyOf(b, m));
    evidence.put("p_value", t.pValue());
    boolean passed = t.meanDifference() > 0 && t.pValue() < Baseline.ALPHA;
    String message = String.format(Locale.ROOT,
        "%s scores %s %.4f trained on real labels and %.4f on shuffled labels (p = %.3g): %s",
        name, metric.label(), realMean, shuffledMean, t.pValue(),
        passed ? "the features carry signal"
            : "no better than chance: the features carry no signal about the target, or too"
                + " little data to show it");
    return new SanityCheck("beats_shuffled_labels", passed, message, evidence);
  }

  private static double score(Problem problem, Metric metric, FoldData data,
      Model model) {
    return problem.task().isClassification()
        ? metric.compute(data.validationClasses(), model.predictProba(data.validationX()))
            .orElse(Double.NaN)
        : metric.compute(data.validationValues(), model.predict(data.validationX()))
            .orElse(Double.NaN);
  }

  /**
   * The fold cut down to at most {@value #SHUFFLE_TRAIN_ROWS} training and
   * {@value #SHUFFLE_VALIDATION_ROWS} validation rows (seeded), so the check costs little even on
   * large data: telling signal from none does not need every row.
   */
  private static Fold bounded(Fold fold, long seed) {
    int[] train = fold.train();
    int[] validation = fold.validation();
    int[] t = train.length <= SHUFFLE_TRAIN_ROWS ? train
        : pick(train, SHUFFLE_TRAIN_ROWS, seed);
    int[] v = validation.length <= SHUFFLE_VALIDATION_ROWS ? validation
        : pick(validation, SHUFFLE_VALIDATION_ROWS, seed + 1);
    return new Fold(fold.repeat(), fold.index(), t, v);
  }

  private static int[] pick(int[] from, int k, long seed) {
    int[] idx = sample(from.length, k, seed);
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = from[idx[i]];
    }
    return out;
  }

  private static TrainingSet shuffledLabels(TrainingSet set, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    if (set.task().isClassification()) {
      int[] y = set.classes().clone();
      for (int i = y.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = y[i];
        y[i] = y[j];
        y[j] = t;
      }
      return TrainingSet.classification(set.task(), set.x(), y, set.classNames(),
          set.featureNames(), set.groups());
    }
    double[] y = set.y().clone();
    for (int i = y.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      double t = y[i];
      y[i] = y[j];
      y[j] = t;
    }
    return TrainingSet.regression(set.x(), y, set.featureNames(), set.groups());
  }

  private static int[] sample(int n, int k, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, k);
    Arrays.sort(out);
    return out;
  }
}
