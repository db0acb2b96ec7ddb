package dev.plumb.check;

import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Seeds;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Percentile bootstrap intervals of a metric on one sample of scored rows, and of the paired
 * difference between two sets of predictions for the same rows (Efron and Tibshirani, "An
 * Introduction to the Bootstrap", 1993, ch. 13). Each resample draws its rows from its own
 * generator, seeded from the seed and the resample's number, so the intervals are the same for
 * any number of threads.
 *
 * <p>Resamples: {@value #MAX_RESAMPLES} when rows × resamples stay under {@value #WORK}, fewer for
 * large samples (never fewer than {@value #MIN_RESAMPLES}). With at least {@value
 * #PERCENTILE_RESAMPLES} resamples the interval is the percentile interval; with fewer (samples
 * above 40,000 rows, where the score's sampling distribution is close to normal) it is the normal
 * interval from the resamples' standard deviation, which few resamples estimate well (Efron and
 * Tibshirani, ch. 13.3 and 19). All metrics are computed on the same resamples.
 *
 * <p>A resample on which the metric is undefined (say, a ROC AUC with one class drawn) is left out;
 * when more than half are, the interval is empty.
 */
final class Bootstrap {
  static final int MAX_RESAMPLES = 2_000;
  static final int MIN_RESAMPLES = 400;
  static final int PERCENTILE_RESAMPLES = 1_000;
  static final long WORK = 40_000_000L;

  private Bootstrap() {}

  /** The number of resamples for {@code n} rows. */
  static int resamples(int n) {
    return (int) Math.max(MIN_RESAMPLES, Math.min(MAX_RESAMPLES, WORK / Math.max(1, n)));
  }

  /** Predictions for the same rows by one model: probabilities or values. */
  record Predictions(double[][] proba, double[] values) {
    /** The predictions of rows {@code idx}, in that order. */
    Predictions rows(int[] idx) {
      if (proba != null) {
        double[][] p = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
          p[i] = proba[idx[i]];
        }
        return new Predictions(p, null);
      }
      return new Predictions(null, pick(values, idx));
    }

    /** The score against the true classes (classification) or values (regression). */
    OptionalDouble score(Metric m, int[] classes, double[] actual) {
      return proba != null ? m.compute(classes, proba) : m.compute(actual, values);
    }
  }

  /**
   * Intervals for a model's score and for its lead over a baseline, from the same resamples.
   *
   * @param score the model's score with its interval, or empty when undefined
   * @param lead the model's score minus the baseline's, in the metric's better direction
   *     (positive = the model is better), with its interval, or empty
   */
  record Result(Optional<Interval> score, Optional<Interval> lead) {}

  /**
   * Bootstraps every metric of {@code metrics} for {@code model} and its lead over {@code
   * baseline}, on the same resamples.
   *
   * @param classes the true class of each row (classification), or null
   * @param actual the true value of each row (regression), or null
   */
  static Map<Metric, Result> run(List<Metric> metrics, int[] classes, double[] actual,
      Predictions model, Predictions baseline, double level, long seed) {
    int n = classes != null ? classes.length : actual.length;
    int b = resamples(n);
    int k = metrics.size();
    // draws[i][2j] is metric j's score on resample i, draws[i][2j+1] the model's lead
    double[][] draws = IntStream.range(0, b).parallel().mapToObj(i -> {
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, i));
      int[] idx = new int[n];
      for (int j = 0; j < n; j++) {
        idx[j] = rng.nextInt(n);
      }
      Predictions m = model.rows(idx);
      Predictions base = baseline.rows(idx);
      int[] c = classes == null ? null : pick(classes, idx);
      double[] a = actual == null ? null : pick(actual, idx);
      double[] out = new double[2 * k];
      for (int j = 0; j < k; j++) {
        Metric metric = metrics.get(j);
        OptionalDouble s = m.score(metric, c, a);
        OptionalDouble bs = base.score(metric, c, a);
        out[2 * j] = s.orElse(Double.NaN);
        out[2 * j + 1] = s.isPresent() && bs.isPresent()
            ? (metric.greaterIsBetter() ? 1 : -1) * (s.getAsDouble() - bs.getAsDouble())
            : Double.NaN;
      }
      return out;
    }).toArray(double[][]::new);
    Map<Metric, Result> results = new EnumMap<>(Metric.class);
    for (int j = 0; j < k; j++) {
      Metric metric = metrics.get(j);
      OptionalDouble full = model.score(metric, classes, actual);
      OptionalDouble fullBase = baseline.score(metric, classes, actual);
      if (full.isEmpty()) {
        results.put(metric, new Result(Optional.empty(), Optional.empty()));
        continue;
      }
      int col = 2 * j;
      Optional<Interval> score = interval(full.getAsDouble(),
          Arrays.stream(draws).mapToDouble(d -> d[col]).toArray(), level);
      Optional<Interval> lead = fullBase.isEmpty() ? Optional.empty()
          : interval((metric.greaterIsBetter() ? 1 : -1)
              * (full.getAsDouble() - fullBase.getAsDouble()),
              Arrays.stream(draws).mapToDouble(d -> d[col + 1]).toArray(), level);
      results.put(metric, new Result(score, lead));
    }
    return results;
  }

  /**
   * The interval around {@code estimate} from the resampled values: percentile with enough
   * resamples, normal otherwise; empty when most resamples are undefined.
   */
  static Optional<Interval> interval(double estimate, double[] draws, double level) {
    if (draws.length >= PERCENTILE_RESAMPLES) {
      return percentile(estimate, draws, level);
    }
    double[] ok = Arrays.stream(draws).filter(Double::isFinite).toArray();
    if (ok.length * 2 < draws.length || ok.length < 2) {
      return Optional.empty();
    }
    double sd = new StandardDeviation()
        .evaluate(ok);
    double z = new NormalDistribution(null, 0, 1)
        .inverseCumulativeProbability(1 - (1 - level) / 2);
    return Optional.of(new Interval(estimate, estimate - z * sd, estimate + z * sd, level));
  }

  private static int[] pick(int[] v, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }

  private static double[] pick(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }

  /** The percentile interval around {@code estimate}, or empty when most draws are undefined. */
  static Optional<Interval> percentile(double estimate, double[] draws, double level) {
    double[] ok = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
    if (ok.length * 2 < draws.length || ok.length == 0) {
      return Optional.empty();
    }
    double alpha = (1 - level) / 2;
    double lo = quantile(ok, alpha);
    double hi = quantile(ok, 1 - alpha);
    return Optional.of(new Interval(estimate, Math.min(lo, estimate),
        Math.max(hi, estimate), level));
  }

  /** The {@code p} quantile of sorted values, interpolated linearly (Hyndman and Fan type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
