package dev.plumb.check;

import dev.plumb.data.BadInputException;
import dev.plumb.data.Column;
import dev.plumb.data.Dataset;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import dev.plumb.drift.DriftCheck;
import dev.plumb.drift.FeatureReference;
import dev.plumb.drift.FeatureDrift;
import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.profile.ExpectationChecker;
import dev.plumb.profile.ExpectationFailure;
import dev.plumb.profile.ExpectationReport;
import dev.plumb.profile.Expectations;
import dev.plumb.store.RunRecord;
import dev.plumb.store.StoredRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Checks a saved model on new labelled data: the data expectations of its card, its scores on the
 * new rows against the scores it was saved with, its lead over a trivial baseline, and the drift of
 * every feature.
 *
 * <h2>The rule</h2>
 *
 * For each metric of the card (the leading one decides), the reference {@code r} is the
 * cross-validated mean at training, or a recorded run's ({@link Reference}). The allowance {@code
 * a} is {@code --max-drop} in the metric's units for the bounded metrics (accuracy, balanced
 * accuracy, F1, ROC AUC, Brier, R²) and {@code --max-drop} times {@code |r|} for the unbounded
 * error metrics (RMSE, MAE, log-loss), where only a relative drop means the same on every scale.
 * The bound is {@code r - a} (or {@code r + a} for an error metric). The new score's 95% interval
 * is a percentile bootstrap over the new rows ({@link Bootstrap}), so its width follows the size
 * of the new sample:
 *
 * <ul>
 *   <li>{@code holds}: the new score is at least as good as the bound;
 *   <li>{@code regression}: the whole interval is worse than the bound (exit 1);
 *   <li>{@code inconclusive}: the score is worse than the bound but the interval reaches it; the
 *       result says about how many rows would decide, from the interval's {@code 1/√n} width.
 * </ul>
 *
 * <p>The baseline is the best constant prediction for the new data itself (its own class shares
 * for {@code majority}, its own mean for {@code mean}), so beating it means the features carry
 * information on the new data; a model whose lead over it is zero or negative fails. The lead's
 * interval comes from the same resamples (paired).
 *
 * <p>Rows whose target is missing, or whose class the model never saw, are left out of the scores
 * and counted; the expectations (allowed target values) report the unseen classes.
 *
 * <p>A numeric range expectation ({@code min}, {@code max}) is derived from the training sample's
 * extremes, which a larger sample of the same distribution exceeds now and then: of {@code m} new
 * values, each lies beyond the largest of {@code n} training values with probability at most
 * {@code 1/(n+1)} (order statistics). So a range failure is tolerated, and listed as such, unless
 * its count of out-of-range values has a binomial tail probability below {@value
 * #RANGE_ALPHA} under that rate: a few extreme values in a big batch are not a broken
 * expectation, a block of them is.
 */
public final class Check {
  /** Metrics whose allowed drop is relative to the reference, being unbounded. */
  static final Set<Metric> RELATIVE = EnumSet.of(Metric.RMSE, Metric.MAE, Metric.LOG_LOSS);

  /** The tail probability below which out-of-range values break a range expectation. */
  static final double RANGE_ALPHA = 0.001;

  private Check() {}

  /**
   * A reference score other than the card's, e.g. a recorded run's.
   *
   * @param source what it is, for reports, e.g. "run 12"
   * @param scores the reference mean per metric
   */
  public record Reference(String source, Map<Metric, Double> scores) {
    /**
     * The scores of the card's learner in the recorded run {@code run}, which must predict the
     * card's target: from a
     * {@code baseline} run its cross-validated means, from a {@code check} run its scores on that
     * batch.
     *
     * @throws BadInputException when the run has no scores of that learner, listing those it has
     */
    public static Reference of(StoredRun run, ModelCard card) {
      RunRecord r = run.run();
      String learner = card.learner();
      if (r.target().isPresent() && !r.target().get().equals(card.target())) {
        throw new BadInputException("run " + run.id() + " predicts '" + r.target().get()
            + "', the model '" + card.target() + "'; give a run of this model's target");
      }
      RunRecord.LearnerRun scores = r.learner(learner).orElseThrow(() -> new BadInputException(
          "run " + run.id() + " (" + r.command() + ") has no scores of " + learner
              + "; its learners: " + String.join(", ", r.learners().stream()
              .map(RunRecord.LearnerRun::learner).toList())));
      if (scores.error().isPresent() || scores.metrics().isEmpty()) {
        throw new BadInputException("run " + run.id() + " has no scores of " + learner
            + scores.error().map(e -> " (it failed: " + e + ")").orElse(""));
      }
      Map<Metric, Double> means = new EnumMap<>(Metric.class);
      for (RunRecord.MetricScore m : scores.metrics()) {
        means.put(Metric.parse(m.metric()), m.mean());
      }
      return new Reference("run " + run.id() + " (" + r.command() + r.dataset()
          .map(d -> " of " + d.path() + ", version " + d.versionId()).orElse("") + ")", means);
    }
  }

  /**
   * Settings.
   *
   * @param maxDrop the allowed drop, see the class comment
   * @param level the confidence level of the intervals, e.g. 0.95
   * @param seed the bootstrap seed
   * @param reference the reference scores, or empty for the card's cross-validated ones
   * @param metrics the metrics to score, the deciding one first, or empty for the card's
   */
  public record Options(double maxDrop, double level, long seed, Optional<Reference> reference,
      List<Metric> metrics) {
    /** The card's metrics against the card's or {@code reference}'s scores. */
    public Options(double maxDrop, double level, long seed, Optional<Reference> reference) {
      this(maxDrop, level, seed, reference, List.of());
    }

    /** Checks ranges; copies the metrics. */
    public Options {
      metrics = List.copyOf(metrics);
      if (!(maxDrop >= 0) || Double.isInfinite(maxDrop)) {
        throw new BadInputException("--max-drop must be zero or positive, got " + maxDrop);
      }
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0, 1), got " + level);
      }
    }
  }

  /**
   * Checks {@code model} (from {@code modelFile}) on {@code data}.
   *
   * @throws BadInputException when the model has no card, or the new data has no target column
   */
  public static CheckResult run(SavedModel model, Path modelFile, Dataset data, Options options) {
    ModelCard card = model.requireCard(modelFile);
    FittedPipeline pipeline = model.pipeline();
    Table table = data.table();
    Column target = table.require(pipeline.target(), "target");
    ExpectationReport raw = ExpectationChecker.check(data, card.expectations() == null
        ? new Expectations("plumb/1", "expectations", null, null, null, true, List.of())
        : card.expectations(), modelFile);
    List<ExpectationFailure> broken = new ArrayList<>();
    List<ExpectationFailure> tolerated = new ArrayList<>();
    for (ExpectationFailure f : raw.failures()) {
      (tolerable(f, card, table) ? tolerated : broken).add(f);
    }
    ExpectationReport expectations = new ExpectationReport(raw.data(), raw.version(),
        raw.expectations(), raw.checks(), broken);
    List<FeatureDrift> drift = card.driftReference() == null ? List.of()
        : DriftCheck.compare(card.driftReference(), table);

    // the rows to score and their truth, in the model's class order
    List<Integer> keep = new ArrayList<>();
    List<Integer> classList = new ArrayList<>();
    Map<String, Integer> unseen = new TreeMap<>();
    int unlabelled = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      if (target.isMissing(r)) {
        unlabelled++;
        continue;
      }
      if (pipeline.task().isClassification()) {
        String label = target instanceof NumericColumn num
            ? NumericColumn.formatNumber(num.get(r)) : target.text(r);
        int c = pipeline.classNames().indexOf(label);
        if (c < 0) {
          unseen.merge(label, 1, Integer::sum);
          continue;
        }
        classList.add(c);
      } else if (!(target instanceof NumericColumn)) {
        throw new BadInputException(data.path() + ": target '" + pipeline.target() + "' is "
            + target.type().label() + ", but the model predicts numbers");
      }
      keep.add(r);
    }
    int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
    List<Metric> metrics = options.metrics().isEmpty() ? metrics(card) : options.metrics();
    if (metrics.isEmpty()) {
      throw new BadInputException(modelFile + ": the model card records no scores to check"
          + " against; save the model again with 'plumb baseline --save-model'");
    }
    if (options.metrics().isEmpty() && reference(card, options, metrics.get(0)).isEmpty()) {
      throw new BadInputException(options.reference().map(Reference::source).orElse("the card")
          + " has no " + metrics.get(0).label() + " score to check the model against");
    }
    for (Metric m : metrics) {
      if (!m.appliesTo(pipeline.task())) {
        throw new BadInputException("metric " + m.label() + " does not apply to a "
            + pipeline.task().label() + " model");
      }
    }
    if (rows.length == 0) {
      return new CheckResult(modelFile, card, data.path(), data.version(), expectations,
          tolerated, 0, unlabelled, unseen, Optional.empty(), List.of(), Optional.empty(), drift,
          options.maxDrop(), options.seed());
    }

    Bootstrap.Predictions predicted;
    Bootstrap.Predictions constant;
    int[] classes = null;
    double[] actual = null;
    try {
      FittedPipeline.Bound bound = pipeline.bind(table);
      if (pipeline.task().isClassification()) {
        classes = classList.stream().mapToInt(Integer::intValue).toArray();
        predicted = new Bootstrap.Predictions(bound.predictProba(rows), null);
        constant = new Bootstrap.Predictions(prior(classes, pipeline.classNames().size()), null);
      } else {
        NumericColumn num = (NumericColumn) target;
        actual = IntStream.of(rows).mapToDouble(num::get).toArray();
        predicted = new Bootstrap.Predictions(null, bound.predict(rows));
        double mean = Arrays.stream(actual).average().orElse(0);
        double[] means = new double[actual.length];
        Arrays.fill(means, mean);
        constant = new Bootstrap.Predictions(null, means);
      }
    } catch (BadInputException e) {
      return new CheckResult(modelFile, card, data.path(), data.version(), expectations,
          tolerated, rows.length, unlabelled, unseen, Optional.of(e.getMessage()), List.of(),
          Optional.empty(), drift, options.maxDrop(), options.seed());
    }

    List<CheckResult.MetricCheck> checks = new ArrayList<>();
    Optional<CheckResult.BaselineCheck> baseline = Optional.empty();
    List<Metric> scored = metrics.stream()
        .filter(m -> m == metrics.get(0) || reference(card, options, m).isPresent()).toList();
    Map<Metric, Bootstrap.Result> boot = Bootstrap.run(scored, classes, actual, predicted,
        constant, options.level(), options.seed());
    for (Metric m : scored) {
      Optional<Double> ref = reference(card, options, m);
      boolean first = m == metrics.get(0);
      Bootstrap.Result b = boot.get(m);
      ref.ifPresent(v -> checks.add(verdict(m, v, options, b.score(), rows.length)));
      if (first && b.lead().isPresent()) {
        double baseScore = constant.score(m, classes, actual).orElse(Double.NaN);
        baseline = Optional.of(new CheckResult.BaselineCheck(pipeline.task().isClassification()
            ? "majority" : "mean", m, baseScore, b.lead().get(), varied(classes, actual)));
      }
    }
    return new CheckResult(modelFile, card, data.path(), data.version(), expectations,
        tolerated, rows.length, unlabelled, unseen, Optional.empty(), checks, baseline, drift,
        options.maxDrop(), options.seed());
  }

  /**
   * Whether a range failure is within what a sample of the training distribution gives; see the
   * class comment.
   */
  static boolean tolerable(ExpectationFailure f, ModelCard card, Table table) {
    if (!List.of("min", "max", "earliest", "latest").contains(f.check()) || f.column().isEmpty()
        || card.driftReference() == null) {
      return false;
    }
    Optional<FeatureReference> ref = card.driftReference().find(f.column().get());
    Optional<Column> column = table.find(f.column().get());
    if (ref.isEmpty() || column.isEmpty()) {
      return false;
    }
    int trained = ref.get().rows() - ref.get().missing();
    Column c = column.get();
    int present = (int) IntStream.range(0, table.rowCount())
        .filter(r -> !c.isMissing(r)).count();
    if (trained < 1 || present < 1 || f.count() > present) {
      return false;
    }
    BinomialDistribution beyond = new BinomialDistribution(null, present, 1.0 / (trained + 1));
    double tail = 1 - beyond.cumulativeProbability((int) f.count() - 1);
    return tail >= RANGE_ALPHA;
  }

  /** Whether the new targets take at least two classes or values. */
  private static boolean varied(int[] classes, double[] actual) {
    return classes != null ? IntStream.of(classes).distinct().limit(2).count() == 2
        : Arrays.stream(actual).distinct().limit(2).count() == 2;
  }

  /** The card's metrics, the leading one first. */
  private static List<Metric> metrics(ModelCard card) {
    if (card.validation() == null) {
      return List.of();
    }
    return card.validation().scores().stream().map(s -> Metric.parse(s.metric())).toList();
  }

  private static Optional<Double> reference(ModelCard card, Options options, Metric m) {
    if (options.reference().isPresent()) {
      return Optional.ofNullable(options.reference().get().scores().get(m));
    }
    return card.validation() == null ? Optional.empty()
        : card.validation().score(m).map(ModelCard.Score::mean);
  }

  /** The verdict for one metric; see the class comment. */
  static CheckResult.MetricCheck verdict(Metric m, double reference, Options options,
      Optional<Interval> score, int n) {
    double allowance = RELATIVE.contains(m) ? options.maxDrop() * Math.abs(reference)
        : options.maxDrop();
    double sign = m.greaterIsBetter() ? 1 : -1;
    double bound = reference - sign * allowance;
    String source = options.reference().map(Reference::source)
        .orElse("cross-validation at training");
    if (score.isEmpty()) {
      return new CheckResult.MetricCheck(m, reference, source, allowance, bound, score,
          CheckResult.Status.UNDEFINED, OptionalLong.empty());
    }
    Interval s = score.get();
    double shortfall = sign * (bound - s.estimate()); // > 0: worse than the bound
    double bestEnd = m.greaterIsBetter() ? s.upper() : s.lower();
    if (shortfall <= 0) {
      return new CheckResult.MetricCheck(m, reference, source, allowance, bound, score,
          CheckResult.Status.HOLDS, OptionalLong.empty());
    }
    if (sign * (bound - bestEnd) > 0) {
      return new CheckResult.MetricCheck(m, reference, source, allowance, bound, score,
          CheckResult.Status.REGRESSION, OptionalLong.empty());
    }
    // the half-width shrinks as 1/sqrt(n): rows at which it equals the shortfall
    double half = Math.max(s.halfWidth(), 1e-12);
    long needed = (long) Math.ceil(n * (half / shortfall) * (half / shortfall));
    return new CheckResult.MetricCheck(m, reference, source, allowance, bound, score,
        CheckResult.Status.INCONCLUSIVE, OptionalLong.of(Math.max(needed, n + 1)));
  }

  /** Every row predicted with the class shares of {@code classes}. */
  private static double[][] prior(int[] classes, int k) {
    double[] share = new double[k];
    for (int c : classes) {
      share[c] += 1.0 / classes.length;
    }
    double[][] out = new double[classes.length][];
    Arrays.fill(out, share);
    return out;
  }
}
