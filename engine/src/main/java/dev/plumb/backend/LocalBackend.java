package dev.plumb.backend;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.LearnerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The experiment contract run in this JVM: Plumb's own learners on hash folds, cross-validated by
 * the engine's {@link CrossValidation} on {@code settings.threads()} workers. The reference the
 * other backends are checked against. Stateless and thread-safe.
 */
public final class LocalBackend implements ExperimentBackend {
  @Override
  public String name() {
    return "local";
  }

  @Override
  public BackendScores run(BackendPlan plan, BackendSettings settings) {
    return run(ResolvedExperiment.read(localPath(plan.data()), plan), settings.threads());
  }

  @Override
  public Map<Long, Integer> foldOfKey(BackendPlan plan, BackendSettings settings, int repeat) {
    ResolvedExperiment e = ResolvedExperiment.read(localPath(plan.data()), plan);
    long[] keys = e.keys();
    Map<Long, Integer> out = new HashMap<>();
    e.splits().folds().stream().filter(f -> f.repeat() == repeat).forEach(f -> {
      for (int i : f.validation()) {
        if (out.put(keys[i], f.index()) != null) {
          throw new BadInputException("two rows share the key " + keys[i]);
        }
      }
    });
    return out;
  }

  /** Runs a resolved experiment: cross-validation of every learner, then the curve points. */
  public static BackendScores run(ResolvedExperiment e, int threads) {
    ExperimentPlan cv = new ExperimentPlan(e.learners(), e.splits(), e.metrics(), e.plan().seed(),
        threads, e.plan().timeLimit());
    List<LearnerResult> results = CrossValidation.run(e.problem(), cv,
        CrossValidation.Progress.NONE);
    List<int[]> work = e.curveWork();
    List<CurveScore> points = new ArrayList<>();
    String[] curveErrors = new String[e.learners().size()];
    if (!work.isEmpty()) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        List<Future<CurveScore>> pending = new ArrayList<>();
        for (int[] w : work) {
          pending.add(pool.submit(() -> e.curvePoint(w[0], w[1], e.plan().fractions().get(w[2]))));
        }
        for (int i = 0; i < work.size(); i++) {
          try {
            points.add(pending.get(i).get());
          } catch (ExecutionException ex) {
            int l = work.get(i)[0];
            if (curveErrors[l] == null) {
              Throwable c = ex.getCause();
              curveErrors[l] = "learning curve: " + c.getClass().getSimpleName()
                  + (c.getMessage() == null ? "" : ": " + c.getMessage());
            }
            points.add(null);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting curves", ex);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<LearnerScores> out = new ArrayList<>();
    for (int l = 0; l < e.learners().size(); l++) {
      LearnerResult r = results.get(l);
      List<CurveScore> curve = new ArrayList<>();
      for (int i = 0; i < work.size(); i++) {
        if (work.get(i)[0] == l && points.get(i) != null) {
          curve.add(points.get(i));
        }
      }
      String curveError = curveErrors[l];
      Optional<String> error = r.error().or(() -> Optional.ofNullable(curveError));
      out.add(new LearnerScores(r.spec().text(), error, r.folds(), curve));
    }
    return new BackendScores("local", BackendMode.TASK_PARALLEL, e.problem().task(),
        e.problem().size(), out);
  }

  /** A local file path from a plain path or a {@code file:} URI. */
  static Path localPath(String data) {
    if (data.startsWith("file:")) {
      return Path.of(java.net.URI.create(data));
    }
    if (data.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw new BadInputException("the local backend reads local files; " + data + " needs"
          + " --backend spark");
    }
    return Path.of(data);
  }
}
