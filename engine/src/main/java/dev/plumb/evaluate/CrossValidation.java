package dev.plumb.evaluate;

import dev.plumb.learn.Learner;
import dev.plumb.learn.Model;
import dev.plumb.learn.Preprocessor;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs every learner on every fold of a plan, in parallel, and collects the scores.
 *
 * <p>Per fold, the preprocessing is fitted on the training rows only and shared by all learners.
 * Each (learner, fold) fit gets its own seed, derived from the run's seed, the learner's spec and
 * the fold, so the numbers are the same whatever the thread count and whichever order the work
 * runs in. A learner that throws, or exceeds the time limit on a fold, is reported as failed with
 * the reason; the others go on. Stateless and thread-safe.
 */
public final class CrossValidation {
  /** Training scores are computed on a seeded sample of at most this many training rows. */
  public static final int MAX_TRAIN_SCORING_ROWS = 10_000;

  /** How the failure of a learner that went over the time limit on a fold begins. */
  public static final String OUT_OF_TIME = "out of time: ";

  /** Receives progress: fits done out of the total, and what just finished. */
  @FunctionalInterface
  public interface Progress {
    /** Called from worker threads; implementations must be thread-safe. */
    void fitDone(int done, int total, String what);

    /** Ignores progress. */
    Progress NONE = (done, total, what) -> {};
  }

  /** States of one (learner, fold) task. */
  private static final int WAITING = 0;
  private static final int TAKEN = 1;
  private static final int FINISHED = 2;

  private CrossValidation() {}

  /** Runs {@code plan} on {@code problem}. */
  public static List<LearnerResult> run(Problem problem, ExperimentPlan plan, Progress progress) {
    List<Fold> folds = plan.splits().folds();
    int nl = plan.learners().size();
    int nf = folds.size();
    // a fork-join pool, so that the libraries' own parallel streams run inside it (and within
    // --threads) instead of in the shared common pool; its workers are daemon threads
    ExecutorService pool = new ForkJoinPool(plan.threads());
    try {
      List<Future<FoldData>> pending = new ArrayList<>();
      for (Fold fold : folds) {
        pending.add(pool.submit(() -> FoldData.of(problem, fold, plan.seed())));
      }
      List<FoldData> prepared = new ArrayList<>();
      for (Future<FoldData> f : pending) {
        prepared.add(join(f));
      }
      FoldScore[][] scores = new FoldScore[nl][nf];
      long[] sizes = new long[nl];
      Arrays.fill(sizes, -1);
      AtomicReferenceArray<String> failure = new AtomicReferenceArray<>(nl);
      AtomicInteger done = new AtomicInteger();
      int total = nl * nf;
      List<Runnable> work = new ArrayList<>();
      AtomicIntegerArray state = new AtomicIntegerArray(total);
      long[][] started = new long[nl][nf];
      for (int f = 0; f < nf; f++) {
        for (int l = 0; l < nl; l++) {
          final int li = l;
          final int fi = f;
          final int ti = work.size();
          Runnable task = () -> {
            // a task may be queued in a relief pool too (see awaitAll): the first taker runs it
            if (!state.compareAndSet(ti, WAITING, TAKEN)) {
              return;
            }
            if (failure.get(li) != null) {
              done.incrementAndGet();
              state.set(ti, FINISHED);
              return;
            }
            Learner learner = plan.learners().get(li);
            synchronized (started) {
              started[li][fi] = System.nanoTime();
            }
            try {
              FoldData data = prepared.get(fi);
              long seed = Seeds.derive(plan.seed(), Seeds.of(learner.spec().text()),
                  folds.get(fi).repeat(), folds.get(fi).index());
              scores[li][fi] = fitAndScore(learner, data, plan.metrics(), seed, folds.get(fi),
                  fi == 0 ? sizes : null, li, plan.trainScores());
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
              failure.compareAndSet(li, null, describe(e, folds.get(fi)));
            } finally {
              state.set(ti, FINISHED);
              progress.fitDone(done.incrementAndGet(), total, learner.spec().name());
            }
          };
          work.add(task);
          pool.submit(task);
        }
      }
      List<ExecutorService> relief = new ArrayList<>();
      try {
        awaitAll(work, state, plan, started, failure, folds, relief);
      } finally {
        relief.forEach(ExecutorService::shutdownNow);
      }
      List<LearnerResult> results = new ArrayList<>();
      for (int l = 0; l < nl; l++) {
        List<FoldScore> fs = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
          if (scores[l][f] != null) {
            fs.add(scores[l][f]);
          }
        }
        String error = failure.get(l);
        results.add(new LearnerResult(plan.learners().get(l).spec(), Optional.ofNullable(error),
            error == null ? fs : List.of(),
            sizes[l] >= 0 && error == null ? OptionalLong.of(sizes[l]) : OptionalLong.empty()));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing folds", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("preparing a fold failed", e.getCause());
    }
  }

  /**
   * Waits for every task, except that once a learner has run longer than the time limit on a fold
   * it is marked failed and its remaining work is not waited for. A fit cannot be interrupted: its
   * thread finishes in the background and its result is dropped. So that the other learners do
   * go on when such fits hold every worker, the work still waiting is queued again in a relief
   * pool with as many workers as the fits out of time hold; the first pool to take a task runs
   * it, and the results do not depend on which.
   */
  private static void awaitAll(List<Runnable> work, AtomicIntegerArray state,
      ExperimentPlan plan, long[][] started, AtomicReferenceArray<String> failure,
      List<Fold> folds, List<ExecutorService> relief) {
    int nl = plan.learners().size();
    long limit = plan.timeLimit().map(d -> d.toNanos()).orElse(Long.MAX_VALUE);
    while (true) {
      long now = System.nanoTime();
      int lost = 0;
      for (int t = 0; t < work.size(); t++) {
        int l = t % nl;
        int f = t / nl;
        if (state.get(t) == FINISHED || failure.get(l) != null) {
          continue;
        }
        long start;
        synchronized (started) {
          start = started[l][f];
        }
        if (start != 0 && now - start > limit && failure.compareAndSet(l, null,
            outOfTime(plan.timeLimit().orElseThrow(), folds.get(f).index()))) {
          lost += running(l, state, started, nl);
        }
      }
      boolean pending = false;
      List<Runnable> waiting = new ArrayList<>();
      for (int t = 0; t < work.size(); t++) {
        if (state.get(t) != FINISHED && failure.get(t % nl) == null) {
          pending = true;
          if (state.get(t) == WAITING) {
            waiting.add(work.get(t));
          }
        }
      }
      if (!pending) {
        return;
      }
      if (lost > 0 && !waiting.isEmpty()) {
        ExecutorService pool = new ForkJoinPool(lost);
        relief.add(pool);
        waiting.forEach(pool::submit);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for fits", e);
      }
    }
  }

  /** The failure of a learner that spent longer than {@code limit} on fold {@code index} + 1. */
  public static String outOfTime(Duration limit, int index) {
    return OUT_OF_TIME + "more than " + seconds(limit) + " s on fold " + (index + 1)
        + " (--time-limit)";
  }

  /** A limit in seconds as given, e.g. {@code 0.5} or {@code 30} (not rounded to whole ones). */
  static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros()
        .toPlainString();
  }

  /** How many of learner {@code l}'s fits hold a worker now. */
  private static int running(int l, AtomicIntegerArray state, long[][] started, int nl) {
    int n = 0;
    for (int t = l; t < state.length(); t += nl) {
      boolean began;
      synchronized (started) {
        began = started[l][t / nl] != 0;
      }
      if (began && state.get(t) != FINISHED) {
        n++;
      }
    }
    return n;
  }

  private static FoldScore fitAndScore(Learner learner, FoldData data, List<Metric> metrics,
      long seed, Fold fold, long[] sizes, int learnerIndex, boolean trainScores) {
    long t0 = System.nanoTime();
    Model model = learner.fit(data.train(), seed);
    long t1 = System.nanoTime();
    Map<Metric, Double> validation;
    Map<Metric, Double> train;
    Optional<ConfusionMatrix> confusion = Optional.empty();
    long t2;
    long t3;
    if (data.train().task().isClassification()) {
      t2 = System.nanoTime();
      double[][] proba = model.predictProba(data.validationX());
      t3 = System.nanoTime();
      validation = score(metrics, data.validationClasses(), proba);
      confusion = Optional.of(ConfusionMatrix.of(data.train().classNames(), data.validationClasses(),
          proba));
      train = trainScores
          ? score(metrics, data.scoringClasses(), model.predictProba(data.scoringX())) : Map.of();
    } else {
      t2 = System.nanoTime();
      double[] predicted = model.predict(data.validationX());
      t3 = System.nanoTime();
      validation = score(metrics, data.validationValues(), predicted);
      train = trainScores
          ? score(metrics, data.scoringValues(), model.predict(data.scoringX())) : Map.of();
    }
    if (sizes != null) {
      sizes[learnerIndex] = model.sizeBytes();
    }
    double per1000 = (t3 - t2) / 1e9 / Math.max(1, data.validationX().length) * 1000;
    return new FoldScore(fold.repeat(), fold.index(), validation, train, (t1 - t0) / 1e9, per1000,
        confusion);
  }

  static Map<Metric, Double> score(List<Metric> metrics, int[] actual, double[][] proba) {
    Map<Metric, Double> out = new EnumMap<>(Metric.class);
    for (Metric m : metrics) {
      m.compute(actual, proba).ifPresent(v -> out.put(m, v));
    }
    return out;
  }

  static Map<Metric, Double> score(List<Metric> metrics, double[] actual, double[] predicted) {
    Map<Metric, Double> out = new EnumMap<>(Metric.class);
    for (Metric m : metrics) {
      m.compute(actual, predicted).ifPresent(v -> out.put(m, v));
    }
    return out;
  }

  private static String describe(Throwable e, Fold fold) {
    String what = e instanceof OutOfMemoryError ? "out of memory"
        : e instanceof StackOverflowError ? "stack overflow"
        : e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) {
      return describe(e.getCause(), fold);
    }
    return what + " (fold " + (fold.index() + 1) + (fold.repeat() > 0 ? ", repeat "
        + (fold.repeat() + 1) : "") + ")";
  }
}
