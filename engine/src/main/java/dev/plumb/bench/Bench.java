package dev.plumb.bench;

import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.evaluate.StrongestSimple;
import dev.plumb.learn.Learner;
import dev.plumb.plan.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code plumb bench}: the candidates and a control, given the same tuning budget, cross-validated
 * on shared folds, then each fitted on every row and measured for speed and size, one at a time.
 * The control is the strongest simple learner of the ladder ({@link StrongestSimple}), so every
 * comparison has a fair, cheap reference. Stateless.
 */
public final class Bench {
  private Bench() {}

  /**
   * What to run.
   *
   * @param candidates the candidate learners
   * @param tuneBudget random-search trials per learner; 0 compares the given settings
   * @param seed the run's seed
   * @param threads worker threads for cross-validation and training (latency is single-threaded)
   * @param timeLimit the most one learner may spend on one fold, or on the full-data fit
   */
  public record Options(List<Learner> candidates, int tuneBudget, long seed, int threads,
      Optional<Duration> timeLimit) {
    /** Copies. */
    public Options {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * The outcome.
   *
   * @param problem the data
   * @param splits the folds every score used
   * @param metrics the metrics, the primary first
   * @param entries the control first, then the candidates in the order given
   * @param tuneBudget the trials per learner (0: not tuned)
   * @param seed the run's seed
   * @param notes what the run chose on its own
   */
  public record Run(Problem problem, Splits splits, List<Metric> metrics, List<BenchEntry> entries,
      int tuneBudget, long seed, List<String> notes) {
    /** Copies. */
    public Run {
      metrics = List.copyOf(metrics);
      entries = List.copyOf(entries);
      notes = List.copyOf(notes);
    }

    /** The primary metric. */
    public Metric metric() {
      return metrics.get(0);
    }
  }

  /** Runs the benchmark. */
  public static Run run(Problem problem, Splits splits, List<Metric> metrics, Options o,
      CrossValidation.Progress progress) {
    Metric metric = metrics.get(0);
    List<String> notes = new ArrayList<>();
    StrongestSimple.Pick pick = StrongestSimple.pick(problem, splits, metric, o.seed(),
        o.threads(), progress);
    List<Learner> learners = new ArrayList<>();
    List<Boolean> isControl = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (pick.learner().isPresent()) {
      learners.add(pick.learner().get());
      isControl.add(true);
      seen.add(pick.learner().get().spec().text());
      notes.add("control: " + pick.learner().get().spec().name() + ", the strongest simple"
          + " learner of the ladder (" + metric.label() + ": " + pick.summary() + ")");
    } else {
      notes.add("no simple learner ran, so there is no control: " + pick.summary());
    }
    for (Learner c : o.candidates()) {
      if (seen.add(c.spec().text())) {
        learners.add(c);
        isControl.add(false);
      } else {
        notes.add(c.spec().text() + " is the control already; it is listed once");
      }
    }
    List<Optional<Tuner.Result>> tuning = new ArrayList<>();
    List<Learner> chosen = new ArrayList<>();
    for (Learner l : learners) {
      if (o.tuneBudget() > 0) {
        Tuner.Result t = Tuner.tune(l, problem, o.tuneBudget(), metric, o.seed(), o.threads(),
            o.timeLimit(), progress);
        tuning.add(Optional.of(t));
        chosen.add(t.chosen());
      } else {
        tuning.add(Optional.empty());
        chosen.add(l);
      }
    }
    if (o.tuneBudget() == 0) {
      notes.add("not tuned: the settings given (or the defaults) are compared; --tune N gives"
          + " every learner N random-search trials");
    } else {
      notes.add(String.format(java.util.Locale.ROOT, "tuned: %d random-search trials per"
          + " learner, each scored by %d-fold cross-validation on all rows", o.tuneBudget(),
          Tuner.INNER_FOLDS));
    }
    List<LearnerResult> cv = CrossValidation.run(problem, new ExperimentPlan(chosen, splits,
        metrics, o.seed(), o.threads(), o.timeLimit()), progress);
    List<BenchEntry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < chosen.size(); i++) {
      String name = chosen.get(i).spec().name();
      for (int k = 2; !names.add(name); k++) {
        name = chosen.get(i).spec().name() + "#" + k;
      }
      Optional<Measure.Result> measured = Optional.empty();
      Optional<String> error = cv.get(i).error();
      if (error.isEmpty()) {
        try {
          measured = Optional.of(measureWithin(chosen.get(i), problem, o));
        } catch (RuntimeException e) {
          error = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName()
              : e.getMessage());
        }
      }
      progress.fitDone(i + 1, chosen.size(), "measured " + name);
      entries.add(new BenchEntry(name, isControl.get(i), tuning.get(i), cv.get(i), measured,
          error));
    }
    return new Run(problem, splits, metrics, entries, o.tuneBudget(), o.seed(), notes);
  }

  /** The full-data fit and measurements, failed when the fit outlasts the time limit. */
  private static Measure.Result measureWithin(Learner learner, Problem problem, Options o) {
    if (o.timeLimit().isEmpty()) {
      return Measure.run(learner, problem, o.seed(), o.threads());
    }
    ExecutorService single = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "plumb-measure");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Measure.Result> f = single.submit(() -> Measure.run(learner, problem, o.seed(),
          o.threads()));
      // the limit bounds the fit; the fixed few seconds of speed measurement come on top
      long ms = o.timeLimit().get().toMillis() + 30_000;
      return f.get(ms, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("out of time: the full-data fit and measurement took more"
          + " than " + java.math.BigDecimal.valueOf(o.timeLimit().get().toMillis())
          .movePointLeft(3).stripTrailingZeros().toPlainString() + " s (--time-limit) plus 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
    } finally {
      single.shutdownNow();
    }
  }
}
