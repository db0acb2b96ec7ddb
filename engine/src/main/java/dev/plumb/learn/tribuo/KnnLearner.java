package dev.plumb.learn.tribuo;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import com.google.protobuf.Any;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.distance.L1Distance;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * k-nearest neighbours through Tribuo's {@code KNNTrainer}: an unweighted vote of the k nearest
 * training rows for classification (probabilities are vote shares), their mean target for
 * regression (see {@link MeanCombiner} for why not Tribuo's own averaging).
 *
 * <p>The model runs with one thread and a brute-force neighbour search: Plumb already runs folds in
 * parallel, Tribuo's threaded backends only engage with more than one thread, and its k-d tree is
 * several times slower than brute force on dense data of more than a handful of dimensions.
 * When k exceeds the training rows, all training rows are used (scikit-learn raises instead; a
 * learning curve's smallest sizes need an answer).
 *
 * <p>Immutable and thread-safe: every fit builds its own trainer.
 */
final class KnnLearner implements Learner {
  static final String NAME = "knn";

  /** Ignored with one thread; Tribuo's default, and its fastest backend with two threads. */
  private static final KNNModel.Backend BACKEND = KNNModel.Backend.THREADPOOL;

  private final Settings settings;

  KnnLearner(Settings settings) {
    this.settings = settings;
  }

  /** Distance between feature rows. */
  enum Metric {
    /** Euclidean distance, as scikit-learn's default Minkowski p=2. */
    L2(L2Distance::new),
    /** Manhattan distance. */
    L1(L1Distance::new),
    /** One minus the cosine similarity. */
    COSINE(CosineDistance::new);

    private final Supplier<Distance> distance;

    Metric(Supplier<Distance> distance) {
      this.distance = distance;
    }
  }

  /**
   * The hyperparameters, validated on construction.
   *
   * @param k how many neighbours vote or are averaged
   * @param metric the distance
   */
  record Settings(int k, Metric metric) {
    static final String K_RANGE = "a whole number in [1, 100000]";
    static final List<String> KEYS = List.of("k", "distance");

    /** scikit-learn's {@code KNeighborsClassifier()}: 5 neighbours, Euclidean, uniform weights. */
    static final Settings DEFAULTS = new Settings(5, Metric.L2);

    /** @throws dev.plumb.data.BadInputException for a value out of range, naming the range */
    Settings {
      if (k < 1 || k > 100_000) {
        throw SpecParams.invalid(TribuoLearners.LIBRARY + ":" + NAME, "k", K_RANGE, k);
      }
    }

    /** The settings a spec asks for, defaults filled in. */
    static Settings from(LearnerSpec spec) {
      SpecParams p = new SpecParams(TribuoLearners.LIBRARY + ":" + NAME, spec, KEYS);
      return new Settings(p.integer("k", DEFAULTS.k, K_RANGE),
          p.choice("distance", DEFAULTS.metric, Metric.class));
    }

    /** The parameters as spec text, in {@link #KEYS} order. */
    Map<String, String> params() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("k", Integer.toString(k));
      m.put("distance", SpecParams.lower(metric));
      return m;
    }
  }

  @Override
  public LearnerSpec spec() {
    return new LearnerSpec(TribuoLearners.LIBRARY, NAME, settings.params());
  }

  @Override
  public boolean supports(Task task) {
    return true;
  }

  /** Fits; there is no randomness, so the seed is unused. */
  @Override
  public Model fit(TrainingSet data, long seed) {
    String[] names = TribuoData.featureNames(data.featureNames());
    int k = Math.min(settings.k(), Math.max(1, data.rows()));
    Distance distance = settings.metric().distance.get();
    if (data.task().isClassification()) {
      KNNTrainer<Label> trainer = new KNNTrainer<>(k, distance, 1, new VotingCombiner(), BACKEND,
          NeighboursQueryFactoryType.BRUTE_FORCE);
      return new TribuoClassifier(trainer.train(TribuoData.classification(data, names)), names,
          data.classNames());
    }
    KNNTrainer<Regressor> trainer = new KNNTrainer<>(k, distance, 1, new MeanCombiner(), BACKEND,
        NeighboursQueryFactoryType.BRUTE_FORCE);
    return new TribuoRegressor(trainer.train(TribuoData.regression(data, names)), names);
  }

  /**
   * The mean of the neighbours' targets. Tribuo 4.3.2's {@code AveragingCombiner} gets the
   * unweighted mean wrong: its running update {@code mean += value - mean} lacks the division by
   * the count, so it returns the last neighbour's target (the k-th nearest). Its weighted overload
   * is right, so this routes the unweighted call there with unit weights.
   */
  private static final class MeanCombiner extends AveragingCombiner {
    private static final long serialVersionUID = 1L;

    /**
     * The combiner of a saved model: Tribuo's protobuf form names this class, and Tribuo calls this
     * method to rebuild it. It has no state.
     */
    public static MeanCombiner deserializeFromProto(int version, String className, Any message) {
      if (version != 0) {
        throw new IllegalArgumentException("unknown version " + version + " of " + className);
      }
      return new MeanCombiner();
    }

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> outputInfo,
        List<Prediction<Regressor>> predictions) {
      float[] weights = new float[predictions.size()];
      Arrays.fill(weights, 1f);
      return combine(outputInfo, predictions, weights);
    }
  }
}
