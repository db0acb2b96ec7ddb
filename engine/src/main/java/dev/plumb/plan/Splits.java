package dev.plumb.plan;

import dev.plumb.data.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The folds of an experiment, computed once and shared by every learner so that comparisons are
 * paired. Named factories give the usual schemes; each takes an explicit seed. Immutable.
 *
 * @param strategy how the folds were made
 * @param k folds per repetition (1 for a holdout)
 * @param repeats repetitions
 * @param seed the seed the shuffles came from
 * @param folds the folds, repetition by repetition
 */
public record Splits(SplitStrategy strategy, int k, int repeats, long seed, List<Fold> folds) {
  /** Copies the list. */
  public Splits {
    folds = List.copyOf(folds);
  }

  /**
   * The same folds with at most {@code max} training rows each: a larger fold keeps a seeded
   * uniform sample of its training rows (in their original order) and all its validation rows.
   * For quick comparisons on big data, where a sample ranks learners as well as the whole.
   */
  public Splits withTrainAtMost(int max, long sampleSeed) {
    List<Fold> out = new ArrayList<>();
    for (Fold f : folds) {
      int[] train = f.train();
      if (train.length <= max) {
        out.add(f);
        continue;
      }
      SplittableRandom rnd = new SplittableRandom(
          Seeds.derive(sampleSeed, f.repeat(), f.index()));
      int[] pick = train.clone();
      for (int i = 0; i < max; i++) {
        int j = i + rnd.nextInt(pick.length - i);
        int t = pick[i];
        pick[i] = pick[j];
        pick[j] = t;
      }
      int[] kept = Arrays.copyOf(pick, max);
      Arrays.sort(kept);
      out.add(new Fold(f.repeat(), f.index(), kept, f.validation()));
    }
    return new Splits(strategy, k, repeats, seed, out);
  }

  /**
   * Stratified k-fold, repeated: per repetition, the rows of each class are shuffled and dealt to
   * the folds in turn, continuing from fold to fold across classes, so that every fold's size and
   * every fold's count of each class differ by at most one row.
   *
   * @param classes the class index of each row
   */
  public static Splits stratifiedKFold(int[] classes, int k, int repeats, long seed) {
    checkK(k, classes.length, repeats);
    int numClasses = Arrays.stream(classes).max().orElse(-1) + 1;
    List<Fold> folds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, r));
      int[] assignment = new int[classes.length];
      int next = 0;
      for (int c = 0; c < numClasses; c++) {
        final int cls = c;
        int[] rows = IntStream.range(0, classes.length).filter(i -> classes[i] == cls).toArray();
        shuffle(rows, rnd);
        for (int row : rows) {
          assignment[row] = next;
          next = (next + 1) % k;
        }
      }
      folds.addAll(fromAssignment(assignment, k, r));
    }
    return new Splits(SplitStrategy.STRATIFIED_K_FOLD, k, repeats, seed, folds);
  }

  /**
   * Hash k-fold, repeated: folds from a seeded hash of each row's key, the same whatever the row
   * order or partitioning; stratified when {@code labels} (canonical class names) are given.
   *
   * @see HashFolds
   */
  public static Splits hashKFold(long[] keys, String[] labels, int k, int repeats, long seed) {
    return HashFolds.kFold(keys, labels, k, repeats, seed);
  }

  /** Plain k-fold over {@code n} shuffled rows, repeated. */
  public static Splits kFold(int n, int k, int repeats, long seed) {
    checkK(k, n, repeats);
    List<Fold> folds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      int[] rows = IntStream.range(0, n).toArray();
      shuffle(rows, new SplittableRandom(Seeds.derive(seed, r)));
      int[] assignment = new int[n];
      for (int i = 0; i < n; i++) {
        assignment[rows[i]] = i % k;
      }
      folds.addAll(fromAssignment(assignment, k, r));
    }
    return new Splits(SplitStrategy.K_FOLD, k, repeats, seed, folds);
  }

  /**
   * Group k-fold: whole groups go to folds, largest group first to the fold with the fewest rows
   * so far (ties between groups of one size broken by a seeded shuffle), so no group is split.
   *
   * @param groups a group id per row (dense, from 0)
   */
  public static Splits groupKFold(int[] groups, int k, int repeats, long seed) {
    int numGroups = Arrays.stream(groups).max().orElse(-1) + 1;
    if (numGroups < k) {
      throw new BadInputException("grouped folds need at least " + k + " groups, found "
          + numGroups + "; use fewer folds (--folds) or another group column");
    }
    checkK(k, groups.length, repeats);
    int[] size = new int[numGroups];
    for (int g : groups) {
      size[g]++;
    }
    List<Fold> folds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      Integer[] order = IntStream.range(0, numGroups).boxed().toArray(Integer[]::new);
      SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, r));
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        Integer t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      Arrays.sort(order, Comparator.comparingInt((Integer g) -> size[g]).reversed());
      int[] foldOfGroup = new int[numGroups];
      long[] load = new long[k];
      for (int g : order) {
        int best = 0;
        for (int f = 1; f < k; f++) {
          if (load[f] < load[best]) {
            best = f;
          }
        }
        foldOfGroup[g] = best;
        load[best] += size[g];
      }
      int[] assignment = new int[groups.length];
      for (int i = 0; i < groups.length; i++) {
        assignment[i] = foldOfGroup[groups[i]];
      }
      folds.addAll(fromAssignment(assignment, k, r));
    }
    return new Splits(SplitStrategy.GROUP_K_FOLD, k, repeats, seed, folds);
  }

  /**
   * Time-series split with an expanding window, as scikit-learn's {@code TimeSeriesSplit}: rows
   * sorted by time (ties by row order) are cut into {@code k + 1} blocks; fold {@code i} trains on
   * blocks {@code 0..i} and validates on block {@code i + 1}.
   *
   * @param times a sortable time per row
   */
  public static Splits timeSeries(double[] times, int k) {
    int n = times.length;
    if (n < k + 1) {
      throw new BadInputException("a time split into " + k + " folds needs at least " + (k + 1)
          + " rows, found " + n + "; use fewer folds (--folds)");
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> times[i]).thenComparingInt(i -> i));
    int block = n / (k + 1);
    int first = n - k * block;
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      int trainEnd = first + f * block;
      int[] train = new int[trainEnd];
      int[] validation = new int[block];
      for (int i = 0; i < trainEnd; i++) {
        train[i] = order[i];
      }
      for (int i = 0; i < block; i++) {
        validation[i] = order[trainEnd + i];
      }
      folds.add(new Fold(0, f, train, validation));
    }
    return new Splits(SplitStrategy.TIME_SERIES, k, 1, 0, folds);
  }

  /**
   * One holdout split: {@code fraction} of the rows validate, the rest train; stratified by class
   * when {@code classes} is given (one class per row), shuffled with the seed.
   */
  public static Splits holdout(int n, double fraction, int[] classes, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new BadInputException("--holdout is a fraction of rows, in (0, 1), got " + fraction);
    }
    int validationRows = (int) Math.round(n * fraction);
    if (validationRows < 1 || validationRows >= n) {
      throw new BadInputException("--holdout " + fraction + " of " + n + " rows leaves "
          + validationRows + " for validation; choose a fraction that leaves rows on both sides");
    }
    SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 0));
    int[] order;
    if (classes != null) {
      // deal classes in turn as for stratified folds, then take the first rows of the dealing order
      int numClasses = Arrays.stream(classes).max().orElse(-1) + 1;
      double[] key = new double[n];
      for (int c = 0; c < numClasses; c++) {
        final int cls = c;
        int[] rows = IntStream.range(0, n).filter(i -> classes[i] == cls).toArray();
        shuffle(rows, rnd);
        for (int j = 0; j < rows.length; j++) {
          key[rows[j]] = (j + rnd.nextDouble()) / rows.length;
        }
      }
      order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> key[i]))
          .mapToInt(Integer::intValue).toArray();
    } else {
      order = IntStream.range(0, n).toArray();
      shuffle(order, rnd);
    }
    int[] validation = Arrays.copyOfRange(order, 0, validationRows);
    int[] train = Arrays.copyOfRange(order, validationRows, n);
    return new Splits(SplitStrategy.HOLDOUT, 1, 1, seed, List.of(new Fold(0, 0, train, validation)));
  }

  static List<Fold> fromAssignment(int[] assignment, int k, int repeat) {
    List<Fold> out = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      final int fold = f;
      int[] validation = IntStream.range(0, assignment.length).filter(i -> assignment[i] == fold)
          .toArray();
      int[] train = IntStream.range(0, assignment.length).filter(i -> assignment[i] != fold)
          .toArray();
      out.add(new Fold(repeat, f, train, validation));
    }
    return out;
  }

  /** Checks the fold count, the repeats and that there are enough rows, as bad input. */
  static void checkK(int k, int n, int repeats) {
    if (k < 2) {
      throw new BadInputException("--folds must be at least 2, got " + k);
    }
    if (repeats < 1) {
      throw new BadInputException("--repeats must be at least 1, got " + repeats);
    }
    if (n < k) {
      throw new BadInputException(k + " folds need at least " + k + " rows, found " + n
          + "; use fewer folds (--folds)");
    }
  }

  private static void shuffle(int[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
