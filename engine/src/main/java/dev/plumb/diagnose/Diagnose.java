package dev.plumb.diagnose;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.evaluate.StrongestSimple;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Splits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code plumb diagnose}: picks the learners (unless given), runs their learning and validation
 * curves on shared folds, and diagnoses each. Stateless.
 */
public final class Diagnose {
  /** Learning-curve sizes by default. */
  public static final int DEFAULT_SIZES = 8;
  /** Validation curves run at the largest curve size up to this many training rows. */
  public static final int SWEEP_MAX_ROWS = 10_000;
  /** The default learners are picked on at most this many training rows per fold. */
  static final int PICK_MAX_ROWS = 20_000;
  /** The smallest default size. */
  static final int MIN_SIZE = 40;

  private Diagnose() {}

  /**
   * What to run.
   *
   * @param learners the learners; empty for the default pair
   * @param sizes the training sizes; empty for {@value #DEFAULT_SIZES} log-spaced ones
   * @param sweeps user sweeps ({@code name=v1,v2,...}), applied to learners that have the
   *     parameter; learners without one get their default sweep
   * @param goal the score aimed at, if any
   * @param threads worker threads
   * @param test the training and test rows together (training rows first) and how many table
   *     rows are training rows, when a test file was given
   */
  public record Options(List<Learner> learners, int[] sizes, List<String> sweeps,
      OptionalDouble goal, int threads, Optional<TestData> test) {
    /** Copies. */
    public Options {
      learners = List.copyOf(learners);
      sizes = sizes.clone();
      sweeps = List.copyOf(sweeps);
    }
  }

  /**
   * A test file's rows appended to the training rows in one table, so that both are typed and
   * encoded alike.
   *
   * @param combined the problem over all rows
   * @param trainRows how many table rows (the first) come from the training file
   */
  public record TestData(Problem combined, int trainRows) {}

  /**
   * The default learners: the strongest simple learner of the ladder (by cross-validation on the
   * same folds: naive Bayes, logistic regression and kNN for classes; least squares, ridge and
   * kNN for numbers) and a high-capacity one, the random forest.
   */
  static List<Learner> defaultLearners(Problem problem, Splits splits, Metric metric, long seed,
      int threads, CrossValidation.Progress progress, List<String> notes) {
    // on big data a sample of each training fold ranks the simple learners as well, for less
    Splits sample = splits.withTrainAtMost(PICK_MAX_ROWS, seed);
    StrongestSimple.Pick pick = StrongestSimple.pick(problem, sample, metric, seed, threads,
        progress);
    List<Learner> out = new ArrayList<>();
    boolean sampled = !sample.equals(splits);
    pick.learner().ifPresent(best -> {
      out.add(best);
      notes.add("learners: " + best.spec().name() + ", the strongest simple learner ("
          + metric.label() + (sampled ? String.format(Locale.ROOT, " on %,d training rows per"
              + " fold", PICK_MAX_ROWS) : "") + ": " + pick.summary()
          + "), and random_forest for high capacity; choose others with --learners");
    });
    out.add(LearnerCatalog.resolve(LearnerSpec.parse("random_forest"), problem.task()));
    return out;
  }

  /** The training sizes: given ones checked, or log-spaced ones fitted to the folds. */
  static int[] sizes(int[] given, int fullRows, int classes, List<String> notes) {
    if (given.length > 0) {
      int[] s = given.clone();
      Arrays.sort(s);
      for (int v : s) {
        if (v < 2 || v > fullRows) {
          throw new BadInputException("--sizes value " + v + " is out of range: training folds"
              + " hold " + fullRows + " rows, so use sizes from 2 to " + fullRows);
        }
      }
      return Arrays.stream(s).distinct().toArray();
    }
    int min = Math.max(MIN_SIZE, 10 * classes);
    if (fullRows < 4 * min) {
      min = Math.max(2, fullRows / 4);
      int[] s = CurveRunner.logSpaced(min, fullRows, Math.min(DEFAULT_SIZES, 4));
      notes.add(String.format(Locale.ROOT, "only %d training rows per fold: a reduced plan of"
          + " %d sizes from %d; the verdicts are rough", fullRows, s.length, min));
      return s;
    }
    return CurveRunner.logSpaced(min, fullRows, DEFAULT_SIZES);
  }

  /** Runs the diagnosis. */
  public static DiagnoseResult run(Problem problem, Splits splits, Metric metric, long seed,
      Options options, CrossValidation.Progress progress) {
    List<String> notes = new ArrayList<>();
    int fullRows = splits.folds().stream().mapToInt(Fold::trainSize).min().orElseThrow();
    int validationRows = (int) Math.round(splits.folds().stream()
        .mapToInt(Fold::validationSize).average().orElseThrow());
    // before the default learners' cross-validation, so that bad --sizes fail at once
    int[] sizes = sizes(options.sizes(), fullRows, problem.classNames().size(), notes);
    List<Learner> learners = options.learners().isEmpty()
        ? defaultLearners(problem, splits, metric, seed, options.threads(), progress, notes)
        : options.learners();
    int sweepSize = sizes[0];
    for (int s : sizes) {
      if (s <= SWEEP_MAX_ROWS) {
        sweepSize = s;
      }
    }
    if (sweepSize < sizes[sizes.length - 1]) {
      notes.add(String.format(Locale.ROOT, "validation curves use %,d training rows per fold"
          + " (of %,d) to keep the sweep affordable", sweepSize, sizes[sizes.length - 1]));
    }
    List<CurveRunner.Job> jobs = new ArrayList<>();
    List<String> unusedSweeps = new ArrayList<>(options.sweeps());
    for (Learner l : learners) {
      Optional<Sweep> sweep = Optional.empty();
      for (String text : options.sweeps()) {
        Optional<Sweep> s = Sweep.parse(text, l.spec());
        if (s.isPresent()) {
          sweep = s;
          unusedSweeps.remove(text);
        }
      }
      if (sweep.isEmpty()) {
        sweep = Sweep.defaultFor(l.spec());
      }
      for (int i = 0; sweep.isPresent() && i < sweep.get().values().size(); i++) {
        // fail early, with the learner's own message, on a value it does not accept
        LearnerCatalog.resolve(sweep.get().apply(l.spec(), i), problem.task());
      }
      jobs.add(new CurveRunner.Job(l, sweep));
    }
    if (!unusedSweeps.isEmpty()) {
      throw new BadInputException("--sweep " + unusedSweeps.get(0) + " names a parameter none"
          + " of the learners has; their parameters: " + learners.stream()
              .map(l -> l.spec().name() + " " + l.spec().params().keySet()).toList());
    }
    CurveRunner.Result curves = CurveRunner.run(problem, splits.folds(), jobs, sizes, sweepSize,
        metric, seed, options.threads(), progress);
    Diagnoser diagnoser = new Diagnoser(metric, curves, validationRows, options.goal());
    List<LearnerSpec> specs = learners.stream().map(Learner::spec).toList();
    Optional<TestCheck.Report> report = options.test().map(t -> TestCheck.run(t.combined(),
        t.trainRows(), learners, metric, seed));
    List<OptionalDouble> tests = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      double v = report.map(r -> r.scores()[tests.size()]).orElse(Double.NaN);
      tests.add(Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty());
    }
    report.ifPresent(r -> notes.add(String.format(Locale.ROOT, "test file: %,d labelled rows;"
        + " a classifier tells them from the training rows with ROC AUC %.3f (%s)",
        r.testRows(), r.shiftAuc(), r.shifted() ? "a shift: see the columns that differ"
            : "no clear shift")));
    return new DiagnoseResult(problem, splits, metric, seed, sizes, sweepSize, curves.trivial(),
        diagnoser.diagnose(specs, tests), notes, report);
  }
}
