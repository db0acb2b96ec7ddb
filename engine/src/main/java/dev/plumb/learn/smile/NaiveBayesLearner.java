package dev.plumb.learn.smile;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.List;
import smile.classification.NaiveBayes;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;

/**
 * Gaussian naive Bayes as scikit-learn's {@code GaussianNB} computes it, predicted by Smile: the
 * learner {@code naive_bayes}.
 *
 * <p>Smile 3.1.1 has no Gaussian naive Bayes trainer, only a {@code NaiveBayes} model built from
 * priors and per-class conditional distributions. So {@code fit} estimates them as scikit-learn
 * does (class priors are the training shares; per class and feature, the mean and the
 * maximum-likelihood variance, dividing by the class count, plus {@code var_smoothing} times the
 * largest variance of any feature over all rows) and hands them to Smile as
 * {@code GaussianDistribution}s; Smile's {@code predict(x, posteriori)} then computes the
 * posterior from the log densities. If every feature is constant, the largest variance is 0 and
 * {@code var_smoothing} itself is added, so that no variance is 0 (scikit-learn would divide by
 * 0). Classes absent from training get probability 0. Deterministic; immutable and thread-safe.
 */
final class NaiveBayesLearner implements Learner {
  private final LearnerSpec spec;
  private final double varSmoothing;

  private NaiveBayesLearner(LearnerSpec spec, double varSmoothing) {
    this.spec = spec;
    this.varSmoothing = varSmoothing;
  }

  /** {@code naive_bayes(var_smoothing=1.0e-9)}. */
  static NaiveBayesLearner create(LearnerSpec given) {
    ParamReader r = new ParamReader(given, List.of("var_smoothing"));
    double smoothing = r.real("var_smoothing", 1e-9, 0, true, 1, false);
    return new NaiveBayesLearner(r.spec("naive_bayes"), smoothing);
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
    SmileFrames.check(data, true, spec);
    int[] present = SmileFrames.presentClasses(data);
    if (present.length == 1) {
      return ConstantModel.oneClass(present[0], data.numClasses());
    }
    double[][] x = data.x();
    int[] y = data.classes();
    int n = data.rows();
    int p = data.features();
    int k = present.length;
    int[] slot = new int[data.numClasses()];
    for (int s = 0; s < k; s++) {
      slot[present[s]] = s;
    }

    int[] count = new int[k];
    double[][] mean = new double[k][p];
    for (int i = 0; i < n; i++) {
      int s = slot[y[i]];
      count[s]++;
      for (int j = 0; j < p; j++) {
        mean[s][j] += x[i][j];
      }
    }
    for (int s = 0; s < k; s++) {
      for (int j = 0; j < p; j++) {
        mean[s][j] /= count[s];
      }
    }
    double[][] var = new double[k][p];
    for (int i = 0; i < n; i++) {
      int s = slot[y[i]];
      for (int j = 0; j < p; j++) {
        double d = x[i][j] - mean[s][j];
        var[s][j] += d * d;
      }
    }

    double epsilon = varSmoothing * largestVariance(x, p);
    if (epsilon == 0) {
      epsilon = varSmoothing;
    }
    double[] priori = new double[k];
    Distribution[][] conditional = new Distribution[k][p];
    for (int s = 0; s < k; s++) {
      priori[s] = (double) count[s] / n;
      for (int j = 0; j < p; j++) {
        double v = var[s][j] / count[s] + epsilon;
        conditional[s][j] = new GaussianDistribution(mean[s][j], Math.sqrt(v));
      }
    }
    NaiveBayes model = new NaiveBayes(priori, conditional);
    return new VectorClassifier(model, present, data.numClasses(), p);
  }

  /** The largest maximum-likelihood variance of a feature over all rows. */
  private static double largestVariance(double[][] x, int p) {
    int n = x.length;
    double largest = 0;
    for (int j = 0; j < p; j++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[j];
      }
      mean /= n;
      double sum = 0;
      for (double[] row : x) {
        double d = row[j] - mean;
        sum += d * d;
      }
      largest = Math.max(largest, sum / n);
    }
    return largest;
  }
}
