package dev.plumb.diagnose;

import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.FoldData;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
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
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.IntStream;

/**
 * Fits learners on growing nested subsets of each training fold (learning curves) and across a
 * hyperparameter's values (validation curves), always scoring on the fold's whole validation
 * part, in parallel.
 *
 * <p>scikit-learn's {@code learning_curve} protocol: the folds are split once; each fold's
 * training rows are shuffled once with a seed derived from the run's seed and the fold, and a
 * size-n subset is the first n of them, so every subset contains the smaller ones. Preprocessing
 * is fitted on each subset, as a pipeline would be. Every fit's seed is derived from the run's
 * seed, the learner's spec, the fold and the size, so the curves do not depend on the thread
 * count. A fit that throws is recorded on its point with the reason; the others go on.
 * Stateless.
 */
public final class CurveRunner {
  private CurveRunner() {}

  /** One learner's plan: the learner and its sweep, if any. */
  public record Job(Learner learner, Optional<Sweep> sweep) {}

  /**
   * The curves of one learner.
   *
   * @param learningCurve one point per size, smallest first
   * @param validationCurve the sweep's curve, at {@link Result#sweepSize}
   */
  public record Curves(List<CurvePoint> learningCurve, Optional<ValidationCurve> validationCurve) {}

  /**
   * Everything measured.
   *
   * @param sizes the training sizes of the learning curves
   * @param sweepSize the training size of the validation curves (one of the sizes)
   * @param curves per job, in job order
   * @param trivial the trivial baseline ({@code majority} or {@code mean}) at the largest size
   */
  public record Result(int[] sizes, int sweepSize, List<Curves> curves, CurvePoint trivial) {
    /** Copies. */
    public Result {
      sizes = sizes.clone();
      curves = List.copyOf(curves);
    }

    @Override
    public int[] sizes() {
      return sizes.clone();
    }
  }

  /**
   * Runs the curves.
   *
   * @param sizes training sizes, increasing, the last at most the smallest fold's training rows
   * @param sweepSize the size for validation curves; must be one of {@code sizes}
   */
  public static Result run(Problem problem, List<Fold> folds, List<Job> jobs, int[] sizes,
      int sweepSize, Metric metric, long seed, int threads, CrossValidation.Progress progress) {
    int sweepIndex = Arrays.binarySearch(sizes, sweepSize);
    if (sweepIndex < 0) {
      throw new IllegalArgumentException("sweep size " + sweepSize + " is not a curve size");
    }
    Learner trivial = LearnerCatalog.resolve(LearnerSpec.parse(
        problem.task().isClassification() ? "majority" : "mean"), problem.task());
    int nf = folds.size();
    int ns = sizes.length;
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // 1. every (fold, size) subset, preprocessed once and shared by all learners
      int[][] order = new int[nf][];
      for (int f = 0; f < nf; f++) {
        order[f] = shuffled(folds.get(f).train(), Seeds.derive(seed, 0x6C63L,
            folds.get(f).repeat(), folds.get(f).index()));
      }
      List<Future<FoldData>> pendingData = new ArrayList<>();
      for (int f = 0; f < nf; f++) {
        for (int s = 0; s < ns; s++) {
          int fi = f;
          int si = s;
          // the subset is a random sample already, so its first rows are a random scoring sample
          pendingData.add(pool.submit(() -> FoldData.of(problem,
              Arrays.copyOf(order[fi], sizes[si]), folds.get(fi).validation(),
              IntStream.range(0, Math.min(sizes[si], CrossValidation.MAX_TRAIN_SCORING_ROWS))
                  .toArray())));
        }
      }
      FoldData[][] data = new FoldData[nf][ns];
      for (int i = 0; i < pendingData.size(); i++) {
        data[i / ns][i % ns] = join(pendingData.get(i));
      }

      // 2. the fits: learning curve points, sweep points (the learner's own setting is the
      // learning curve's point at the sweep size), and the trivial baseline
      List<Fit> fits = new ArrayList<>();
      for (int j = 0; j < jobs.size(); j++) {
        Job job = jobs.get(j);
        for (int s = ns - 1; s >= 0; s--) {
          fits.add(new Fit(j, -1, s, job.learner()));
        }
        if (job.sweep().isPresent()) {
          Sweep sw = job.sweep().orElseThrow();
          int own = sw.indexOf(job.learner().spec().params().get(sw.parameter()));
          for (int v = 0; v < sw.values().size(); v++) {
            if (v != own) {
              fits.add(new Fit(j, v, sweepIndex, LearnerCatalog.resolve(
                  sw.apply(job.learner().spec(), v), problem.task())));
            }
          }
        }
      }
      fits.add(new Fit(-1, -1, ns - 1, trivial));
      int total = fits.size() * nf;
      AtomicInteger done = new AtomicInteger();
      Outcome[][] outcomes = new Outcome[fits.size()][nf];
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < fits.size(); i++) {
        for (int f = 0; f < nf; f++) {
          int fi = i;
          int fo = f;
          tasks.add(pool.submit(() -> {
            Fit fit = fits.get(fi);
            try {
              outcomes[fi][fo] = fitAndScore(fit.learner, data[fo][fit.size], metric,
                  Seeds.derive(seed, Seeds.of(fit.learner.spec().text()),
                      folds.get(fo).repeat(), folds.get(fo).index(), sizes[fit.size]));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
              outcomes[fi][fo] = Outcome.failed(describe(e, folds.get(fo)));
            } finally {
              progress.fitDone(done.incrementAndGet(), total, fit.learner.spec().name() + " @ "
                  + sizes[fit.size]);
            }
          }));
        }
      }
      for (Future<?> t : tasks) {
        join(t);
      }

      // 3. assemble
      List<Curves> curves = new ArrayList<>();
      CurvePoint trivialPoint = null;
      for (int j = 0; j < jobs.size(); j++) {
        CurvePoint[] lc = new CurvePoint[ns];
        Sweep sw = jobs.get(j).sweep().orElse(null);
        CurvePoint[] vc = sw == null ? null : new CurvePoint[sw.values().size()];
        int own = sw == null ? -1
            : sw.indexOf(jobs.get(j).learner().spec().params().get(sw.parameter()));
        for (int i = 0; i < fits.size(); i++) {
          Fit fit = fits.get(i);
          if (fit.job != j) {
            continue;
          }
          if (fit.sweepValue < 0) {
            lc[fit.size] = point(sizes[fit.size], Optional.empty(), outcomes[i]);
          } else {
            vc[fit.sweepValue] = point(sizes[fit.size],
                Optional.of(sw.values().get(fit.sweepValue)), outcomes[i]);
          }
        }
        Optional<ValidationCurve> validation = Optional.empty();
        if (sw != null) {
          CurvePoint mine = lc[sweepIndex];
          vc[own] = new CurvePoint(mine.trainSize(), Optional.of(sw.values().get(own)),
              mine.train(), mine.validation(), mine.fitSeconds(), mine.error());
          validation = Optional.of(new ValidationCurve(sw, own, Arrays.asList(vc)));
        }
        curves.add(new Curves(Arrays.asList(lc), validation));
      }
      for (int i = 0; i < fits.size(); i++) {
        if (fits.get(i).job < 0) {
          trivialPoint = point(sizes[ns - 1], Optional.empty(), outcomes[i]);
        }
      }
      return new Result(sizes, sweepSize, curves, trivialPoint);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Log-spaced sizes from {@code min} to {@code max}, {@code count} of them, distinct; every whole
   * number from {@code min} to {@code max} when there are no more than {@code count} of them.
   */
  public static int[] logSpaced(int min, int max, int count) {
    if (max <= min || count < 2) {
      return new int[] {max};
    }
    if (max - min + 1 <= count) {
      return IntStream.rangeClosed(min, max).toArray();
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      double v = Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * i / (count - 1));
      int n = i == count - 1 ? max : (int) Math.round(v);
      // where rounding makes neighbours equal (the small end of a short range), step by one,
      // leaving room for the sizes still to come
      out[i] = Math.min(Math.max(n, i == 0 ? min : out[i - 1] + 1), max - (count - 1 - i));
    }
    return out;
  }

  private record Fit(int job, int sweepValue, int size, Learner learner) {}

  private record Outcome(double train, double validation, double fitSeconds, String error) {
    static Outcome failed(String why) {
      return new Outcome(Double.NaN, Double.NaN, Double.NaN, why);
    }
  }

  private static CurvePoint point(int size, Optional<String> setting, Outcome[] perFold) {
    int nf = perFold.length;
    double[] tr = new double[nf];
    double[] va = new double[nf];
    double[] sec = new double[nf];
    String error = null;
    for (int f = 0; f < nf; f++) {
      tr[f] = perFold[f].train;
      va[f] = perFold[f].validation;
      sec[f] = perFold[f].fitSeconds;
      if (error == null && perFold[f].error != null) {
        error = perFold[f].error;
      }
    }
    return new CurvePoint(size, setting, tr, va, sec, Optional.ofNullable(error));
  }

  private static Outcome fitAndScore(Learner learner, FoldData d, Metric metric, long seed) {
    long t0 = System.nanoTime();
    Model model = learner.fit(d.train(), seed);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double tr;
    double va;
    if (d.train().task().isClassification()) {
      tr = metric.compute(d.scoringClasses(), model.predictProba(d.scoringX())).orElse(Double.NaN);
      va = metric.compute(d.validationClasses(), model.predictProba(d.validationX()))
          .orElse(Double.NaN);
    } else {
      tr = metric.compute(d.scoringValues(), model.predict(d.scoringX())).orElse(Double.NaN);
      va = metric.compute(d.validationValues(), model.predict(d.validationX())).orElse(Double.NaN);
    }
    return new Outcome(tr, va, seconds, null);
  }

  private static String describe(Throwable e, Fold fold) {
    String what = e instanceof OutOfMemoryError ? "out of memory"
        : e instanceof StackOverflowError ? "stack overflow"
        : e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return what + " (fold " + (fold.index() + 1) + ")";
  }

  private static int[] shuffled(int[] positions, long seed) {
    int[] out = positions.clone();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = out.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
