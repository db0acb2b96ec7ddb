package dev.plumb.check;

import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Seeds;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap intervals of a metric on one sample of scored rows, and of the paired
 * difference between two sets of predictions for the same rows (Efron and Tibshirani, "An
 * Introduction to the Bootstrap", 1993, ch. 13). Each resample draws its rows from its own
 * generator, seeded from the seed and the resample's number, so the intervals are the same for
 * any number of threads.
 *
 * <p>Resamples: {@value #MAX_RESAMPLES} when rows × resamples stay under {@value #WORK} metric
 * evaluations per row, fewer for large samples (never fewer than {@value #MIN_RESAMPLES}): a
 * 95% percentile interval from 500 resamples moves its ends by about a tenth of its width.
 *
 * <p>A resample on which the metric is undefined (say, a ROC AUC with one class drawn) is left out;
 * when more than half are, the interval is empty.
 */
final class Bootstrap {
  static final int MAX_RESAMPLES = 2_000;
  static final int MIN_RESAMPLES = 200;
  static final long WORK = 50_000_000L;

  private Bootstrap() {}

  /** The number of resamples for {@code n} rows. */
  static int resamples(int n) {
    return (int) Math.max(MIN_RESAMPLES, Math.min(MAX_RESAMPLES, WORK / Math.max(1, n)));
  }

  /** Predictions for the same rows by one model: probabilities or values. */
  record Predictions(double[][] proba, double[] values) {
    OptionalDouble score(Metric m, int[] classes, double[] actual, int[] idx) {
      if (proba != null) {
        int[] a = new int[idx.length];
        double[][] p = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
          a[i] = classes[idx[i]];
          p[i] = proba[idx[i]];
        }
        return m.compute(a, p);
      }
      double[] a = new double[idx.length];
      double[] v = new double[idx.length];
      for (int i = 0; i < idx.length; i++) {
        a[i] = actual[idx[i]];
        v[i] = values[idx[i]];
      }
      return m.compute(a, v);
    }

    OptionalDouble score(Metric m, int[] classes, double[] actual) {
      int n = classes != null ? classes.length : actual.length;
      return score(m, classes, actual, IntStream.range(0, n).toArray());
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
   * Bootstraps {@code metric} for {@code model} and its lead over {@code baseline}.
   *
   * @param classes the true class of each row (classification), or null
   * @param actual the true value of each row (regression), or null
   */
  static Result run(Metric metric, int[] classes, double[] actual, Predictions model,
      Predictions baseline, double level, long seed) {
    int n = classes != null ? classes.length : actual.length;
    OptionalDouble full = model.score(metric, classes, actual);
    OptionalDouble fullBase = baseline.score(metric, classes, actual);
    if (full.isEmpty()) {
      return new Result(Optional.empty(), Optional.empty());
    }
    int b = resamples(n);
    double sign = metric.greaterIsBetter() ? 1 : -1;
    double[][] draws = IntStream.range(0, b).parallel().mapToObj(i -> {
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, i));
      int[] idx = new int[n];
      for (int j = 0; j < n; j++) {
        idx[j] = rng.nextInt(n);
      }
      OptionalDouble s = model.score(metric, classes, actual, idx);
      OptionalDouble base = baseline.score(metric, classes, actual, idx);
      return new double[] {s.orElse(Double.NaN),
          s.isPresent() && base.isPresent() ? sign * (s.getAsDouble() - base.getAsDouble())
              : Double.NaN};
    }).toArray(double[][]::new);
    Optional<Interval> score = percentile(full.getAsDouble(),
        Arrays.stream(draws).mapToDouble(d -> d[0]).toArray(), level);
    Optional<Interval> lead = fullBase.isEmpty() ? Optional.empty()
        : percentile(sign * (full.getAsDouble() - fullBase.getAsDouble()),
            Arrays.stream(draws).mapToDouble(d -> d[1]).toArray(), level);
    return new Result(score, lead);
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
