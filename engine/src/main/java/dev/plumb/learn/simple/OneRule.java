package dev.plumb.learn.simple;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.FeatureGroup;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Holte's 1R (1993, "Very simple classification rules perform well on most commonly used
 * datasets"): for every source column, a rule that maps each of its values (or each interval of a
 * number) to the majority class there; the rule with the fewest training errors wins.
 *
 * <p>Numbers are cut as Holte describes: in sorted order, an interval closes once its majority
 * class has at least {@code min_bucket} rows (default 6, Holte's and Weka's) and the next value
 * differs and belongs to another class; adjacent intervals with the same majority class merge. A
 * one-hot block counts as one categorical column. Predicted probabilities are the class shares in
 * the row's interval or value, with add-one smoothing so that no class gets probability 0.
 */
final class OneRule implements Learner {
  private final LearnerSpec spec;
  private final int minBucket;

  private OneRule(LearnerSpec spec, int minBucket) {
    this.spec = spec;
    this.minBucket = minBucket;
  }

  static OneRule create(LearnerSpec given) {
    int minBucket = 6;
    for (Map.Entry<String, String> e : given.params().entrySet()) {
      if (!e.getKey().equals("min_bucket")) {
        throw new BadInputException("one_rule has one parameter, min_bucket; got '" + e.getKey()
            + "'");
      }
      try {
        minBucket = Integer.parseInt(e.getValue());
      } catch (NumberFormatException ex) {
        minBucket = 0;
      }
      if (minBucket < 1) {
        throw new BadInputException("one_rule min_bucket must be a whole number >= 1, got '"
            + e.getValue() + "'");
      }
    }
    return new OneRule(new LearnerSpec("plumb", "one_rule",
        Map.of("min_bucket", String.valueOf(minBucket))), minBucket);
  }

  @Override
  public LearnerSpec spec() {
    return spec;
  }

  @Override
  public boolean supports(Task task) {
    return task.isClassification();
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    int k = data.numClasses();
    Rule best = null;
    for (FeatureGroup g : data.groups()) {
      Rule r = g.kind() == FeatureGroup.Kind.ONE_HOT ? categorical(data, g, k)
          : numeric(data, g.first(), g.column(), k);
      if (best == null || r.errors < best.errors) {
        best = r;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("one_rule needs at least one feature");
    }
    return best.model();
  }

  /** A candidate rule and its training errors. */
  private record Rule(long errors, RuleModel model) {}

  private static Rule categorical(TrainingSet data, FeatureGroup g, int k) {
    int values = g.count() + 1; // the last value: no indicator set (unseen or missing)
    double[][] counts = new double[values][k];
    double[][] x = data.x();
    int[] y = data.classes();
    for (int i = 0; i < x.length; i++) {
      counts[valueOf(x[i], g)][y[i]]++;
    }
    long errors = 0;
    for (double[] c : counts) {
      errors += (long) (Arrays.stream(c).sum() - Arrays.stream(c).max().orElse(0));
    }
    return new Rule(errors, new RuleModel(g.column(), g.first(), g.count(), null,
        smooth(counts)));
  }

  private static int valueOf(double[] row, FeatureGroup g) {
    for (int j = 0; j < g.count(); j++) {
      if (row[g.first() + j] > 0.5) {
        return j;
      }
    }
    return g.count();
  }

  private Rule numeric(TrainingSet data, int feature, String column, int k) {
    double[][] x = data.x();
    int[] y = data.classes();
    Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i][feature]));
    List<double[]> bucketCounts = new ArrayList<>();
    List<Double> upper = new ArrayList<>(); // exclusive upper cut of each bucket but the last
    double[] current = new double[k];
    for (int p = 0; p < order.length; p++) {
      int row = order[p];
      current[y[row]]++;
      boolean last = p == order.length - 1;
      if (last) {
        break;
      }
      double v = x[row][feature];
      double next = x[order[p + 1]][feature];
      int majority = argmax(current);
      if (current[majority] >= minBucket && next > v && y[order[p + 1]] != majority) {
        bucketCounts.add(current);
        upper.add((v + next) / 2);
        current = new double[k];
      }
    }
    bucketCounts.add(current);
    // merge neighbours with the same majority class; cuts[i] separates merged[i] and merged[i+1]
    List<double[]> merged = new ArrayList<>();
    List<Double> cuts = new ArrayList<>();
    merged.add(bucketCounts.get(0).clone());
    for (int b = 1; b < bucketCounts.size(); b++) {
      double[] c = bucketCounts.get(b);
      double[] last = merged.get(merged.size() - 1);
      if (argmax(last) == argmax(c)) {
        for (int j = 0; j < k; j++) {
          last[j] += c[j];
        }
      } else {
        cuts.add(upper.get(b - 1));
        merged.add(c.clone());
      }
    }
    long errors = 0;
    for (double[] c : merged) {
      errors += (long) (Arrays.stream(c).sum() - c[argmax(c)]);
    }
    double[] cutArray = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    return new Rule(errors, new RuleModel(column, feature, 1, cutArray,
        smooth(merged.toArray(new double[0][]))));
  }

  private static double[][] smooth(double[][] counts) {
    double[][] p = new double[counts.length][];
    for (int v = 0; v < counts.length; v++) {
      double total = Arrays.stream(counts[v]).sum() + counts[v].length;
      p[v] = new double[counts[v].length];
      for (int c = 0; c < counts[v].length; c++) {
        p[v][c] = (counts[v][c] + 1) / total;
      }
    }
    return p;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The chosen rule: for a number, {@code cuts} split it into intervals (value below
   * {@code cuts[0]} is interval 0, ...); for a one-hot block, the value is the set indicator.
   *
   * @param column the source column, for people
   * @param first the first feature
   * @param count how many features (1 for a number)
   * @param cuts interval boundaries, or null for a one-hot block
   * @param proba class probabilities per interval or value
   */
  record RuleModel(String column, int first, int count, double[] cuts, double[][] proba)
      implements Model {
    private static final long serialVersionUID = 1L;

    @Override
    public double[][] predictProba(double[][] x) {
      double[][] out = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        int v;
        if (cuts == null) {
          v = count;
          for (int j = 0; j < count; j++) {
            if (x[i][first + j] > 0.5) {
              v = j;
              break;
            }
          }
        } else {
          double value = x[i][first];
          v = 0;
          while (v < cuts.length && value >= cuts[v]) {
            v++;
          }
        }
        out[i] = proba[v].clone();
      }
      return out;
    }

    @Override
    public double[] predict(double[][] x) {
      throw new UnsupportedOperationException("a classification model");
    }
  }
}
