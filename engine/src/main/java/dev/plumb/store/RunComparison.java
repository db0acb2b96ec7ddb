package dev.plumb.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What changed between two runs: the data, the settings, the software, and per learner and
 * metric the change in the mean score and whether it exceeds the fold-to-fold noise (see {@link
 * FoldNoise}). Immutable.
 *
 * @param first the earlier run's id (the one compared from)
 * @param second the later run's id (the one compared to)
 * @param dataset the data of each run
 * @param settings command, target, task, seed and split of each run, in that order
 * @param argumentsRemoved command-line items of the first run missing from the second
 * @param argumentsAdded command-line items of the second run missing from the first
 * @param versions the software versions that differ (Plumb, Java, libraries)
 * @param paired whether the runs scored the same folds (same data content, split and seed), so
 *     fold scores are compared pairwise
 * @param metrics per learner in both runs and per metric in both, the change
 * @param learnersAdded learners only in the second run
 * @param learnersRemoved learners only in the first run
 */
public record RunComparison(long first, long second, DatasetChange dataset,
    List<Change> settings, List<String> argumentsRemoved, List<String> argumentsAdded,
    List<Change> versions, boolean paired, List<MetricDelta> metrics, List<String> learnersAdded,
    List<String> learnersRemoved) {

  /** Copies the lists. */
  public RunComparison {
    Objects.requireNonNull(dataset, "dataset");
    settings = List.copyOf(settings);
    argumentsRemoved = List.copyOf(argumentsRemoved);
    argumentsAdded = List.copyOf(argumentsAdded);
    versions = List.copyOf(versions);
    metrics = List.copyOf(metrics);
    learnersAdded = List.copyOf(learnersAdded);
    learnersRemoved = List.copyOf(learnersRemoved);
  }

  /**
   * The data of the two runs.
   *
   * @param first the first run's data, if it read any
   * @param second the second run's
   */
  public record DatasetChange(Optional<RunRecord.DatasetRef> first,
      Optional<RunRecord.DatasetRef> second) {
    /** Whether both runs read data with the same content hash. */
    public boolean sameContent() {
      return first.isPresent() && second.isPresent()
          && first.get().contentSha256().equals(second.get().contentSha256());
    }
  }

  /**
   * One setting or version in both runs.
   *
   * @param name what it is, e.g. {@code seed}, {@code smile}
   * @param first its value in the first run, if set
   * @param second its value in the second run, if set
   */
  public record Change(String name, Optional<String> first, Optional<String> second) {
    /** Whether the value differs. */
    public boolean changed() {
      return !first.equals(second);
    }
  }

  /** How a change of a mean was weighed against the noise of the folds. */
  public enum NoiseTest {
    /** Nadeau and Bengio's corrected resampled t-test on the per-fold differences. */
    PAIRED_CORRECTED_T,
    /** Welch's t-test on the two means, standard error {@code sqrt(s1²/k1 + s2²/k2)}. */
    UNPAIRED_T,
    /** No test: a run has fewer than two scored folds. */
    NONE;

    /** The JSON name, e.g. {@code paired_corrected_t}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The change of one learner's mean score in one metric.
   *
   * @param learner the learner
   * @param metric the metric
   * @param firstMean its mean in the first run
   * @param secondMean its mean in the second run
   * @param delta {@code secondMean - firstMean}
   * @param test how the change was tested
   * @param pValue the two-sided p-value, when tested
   * @param exceedsNoise whether {@code p < 0.05}
   */
  public record MetricDelta(String learner, String metric, double firstMean, double secondMean,
      double delta, NoiseTest test, OptionalDouble pValue, boolean exceedsNoise) {
    /** Checks for nulls. */
    public MetricDelta {
      Objects.requireNonNull(learner, "learner");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(pValue, "pValue");
    }
  }

  /** Compares two stored runs. */
  public static RunComparison of(StoredRun a, StoredRun b) {
    RunRecord x = a.run();
    RunRecord y = b.run();
    List<Change> settings = List.of(
        new Change("command", Optional.of(x.command()), Optional.of(y.command())),
        new Change("target", x.target(), y.target()),
        new Change("task", x.task(), y.task()),
        new Change("seed", seed(x), seed(y)),
        new Change("split", x.split().map(RunRecord.Split::describe),
            y.split().map(RunRecord.Split::describe)));
    DatasetChange dataset = new DatasetChange(x.dataset(), y.dataset());
    boolean paired = dataset.sameContent() && x.split().isPresent()
        && x.split().equals(y.split()) && x.seed().equals(y.seed());
    List<MetricDelta> deltas = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (RunRecord.LearnerRun l : x.learners()) {
      Optional<RunRecord.LearnerRun> other = y.learner(l.learner());
      if (other.isEmpty()) {
        removed.add(l.learner());
        continue;
      }
      for (RunRecord.MetricScore m : l.metrics()) {
        Optional<RunRecord.MetricScore> n = other.get().metric(m.metric());
        if (n.isPresent()) {
          deltas.add(FoldNoise.delta(l.learner(), m, n.get(), paired
              ? OptionalDouble.of(x.split().orElseThrow().testTrainRatio())
              : OptionalDouble.empty()));
        }
      }
    }
    List<String> added = y.learners().stream().map(RunRecord.LearnerRun::learner)
        .filter(n -> x.learner(n).isEmpty()).toList();
    return new RunComparison(a.id(), b.id(), dataset, settings,
        minus(items(x.arguments()), items(y.arguments())),
        minus(items(y.arguments()), items(x.arguments())), versions(x.software(), y.software()),
        paired, deltas, added, removed);
  }

  private static Optional<String> seed(RunRecord r) {
    return r.seed().isPresent() ? Optional.of(Long.toString(r.seed().getAsLong()))
        : Optional.empty();
  }

  private static List<Change> versions(RunRecord.Software x, RunRecord.Software y) {
    List<Change> out = new ArrayList<>();
    out.add(new Change("plumb", Optional.of(x.plumbVersion()), Optional.of(y.plumbVersion())));
    out.add(new Change("java", Optional.of(x.javaVersion()), Optional.of(y.javaVersion())));
    Set<String> names = new LinkedHashSet<>(x.libraries().keySet());
    names.addAll(y.libraries().keySet());
    for (String name : names) {
      if (!name.equals("java")) {
        out.add(new Change(name, Optional.ofNullable(x.libraries().get(name)),
            Optional.ofNullable(y.libraries().get(name))));
      }
    }
    return out.stream().filter(Change::changed).toList();
  }

  /**
   * The command line as items: an option with its value ({@code --seed 7}) is one item, so that a
   * changed value shows as one removed and one added item.
   */
  static List<String> items(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      boolean option = a.startsWith("-") && !a.matches("-[0-9.].*") && !a.equals("-");
      if (option && !a.contains("=") && i + 1 < args.size()
          && (!args.get(i + 1).startsWith("-") || args.get(i + 1).matches("-[0-9.].*")
          || args.get(i + 1).equals("-"))) {
        out.add(a + " " + args.get(++i));
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /** The items of {@code a} not in {@code b}, counting repeats. */
  private static List<String> minus(List<String> a, List<String> b) {
    Map<String, Integer> left = new LinkedHashMap<>();
    b.forEach(s -> left.merge(s, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String s : a) {
      Integer n = left.get(s);
      if (n == null || n == 0) {
        out.add(s);
      } else {
        left.put(s, n - 1);
      }
    }
    return out;
  }
}
