package dev.plumb.learn.tribuo;

import de.bwaldvogel.liblinear.Parameter;
import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;

/**
 * Regularized logistic regression through Tribuo's liblinear wrapper; one-vs-rest for more than
 * two classes, with liblinear's normalized probabilities. Immutable and thread-safe: every fit
 * builds its own trainer, because Tribuo trainers carry a random generator and an invocation count
 * that change on each {@code train}.
 */
final class LogisticLearner implements Learner {
  static final String NAME = "logistic";

  private final Settings settings;

  LogisticLearner(Settings settings) {
    this.settings = settings;
  }

  /** The liblinear solvers that minimize the logistic loss (and so give probabilities). */
  enum Solver {
    /** L2 penalty, primal trust-region Newton (liblinear {@code -s 0}). */
    L2R_LR(LinearType.L2R_LR, true),
    /** L2 penalty, dual coordinate descent (liblinear {@code -s 7}); penalizes the intercept. */
    L2R_LR_DUAL(LinearType.L2R_LR_DUAL, false),
    /** L1 penalty, primal coordinate descent (liblinear {@code -s 6}); sparse weights. */
    L1R_LR(LinearType.L1R_LR, true);

    final LinearType type;
    final boolean canSkipInterceptPenalty;

    Solver(LinearType type, boolean canSkipInterceptPenalty) {
      this.type = type;
      this.canSkipInterceptPenalty = canSkipInterceptPenalty;
    }
  }

  /**
   * The hyperparameters, validated on construction.
   *
   * @param c inverse regularization strength (liblinear's cost): smaller is stronger
   * @param solver the liblinear solver
   * @param maxIterations the solver's iteration cap
   * @param epsilon the solver's stopping tolerance (liblinear's {@code -e}, relative to the initial
   *     gradient for the primal solvers)
   * @param penalizeIntercept whether the intercept is regularized like the weights (liblinear's
   *     classic behaviour) or not (scikit-learn's default, liblinear's {@code -R})
   */
  record Settings(double c, Solver solver, int maxIterations, double epsilon,
      boolean penalizeIntercept) {
    static final String C_RANGE = "a finite number > 0";
    static final String ITERATIONS_RANGE = "a whole number in [1, 1000000]";
    static final String EPSILON_RANGE = "a number in (0, 1]";
    static final List<String> KEYS =
        List.of("c", "solver", "max_iterations", "epsilon", "penalize_intercept");

    /**
     * scikit-learn's {@code LogisticRegression()} where liblinear allows: C=1, L2 penalty,
     * unpenalized intercept, tolerance 1e-4 (liblinear's own default, 0.01, stops about 3% above
     * the optimal log-loss on standardized WDBC).
     */
    static final Settings DEFAULTS = new Settings(1.0, Solver.L2R_LR, 1000, 1e-4, false);

    /** @throws BadInputException for a value out of range, naming the range */
    Settings {
      String learner = TribuoLearners.LIBRARY + ":" + NAME;
      if (!(c > 0) || !Double.isFinite(c)) {
        throw SpecParams.invalid(learner, "c", C_RANGE, c);
      }
      if (maxIterations < 1 || maxIterations > 1_000_000) {
        throw SpecParams.invalid(learner, "max_iterations", ITERATIONS_RANGE, maxIterations);
      }
      if (!(epsilon > 0) || epsilon > 1) {
        throw SpecParams.invalid(learner, "epsilon", EPSILON_RANGE, epsilon);
      }
      if (!penalizeIntercept && !solver.canSkipInterceptPenalty) {
        throw new BadInputException(learner + ": solver " + SpecParams.lower(solver)
            + " always penalizes the intercept; add penalize_intercept=true or use solver=l2r_lr");
      }
    }

    /** The settings a spec asks for, defaults filled in. */
    static Settings from(LearnerSpec spec) {
      SpecParams p = new SpecParams(TribuoLearners.LIBRARY + ":" + NAME, spec, KEYS);
      return new Settings(
          p.number("c", DEFAULTS.c, C_RANGE),
          p.choice("solver", DEFAULTS.solver, Solver.class),
          p.integer("max_iterations", DEFAULTS.maxIterations, ITERATIONS_RANGE),
          p.number("epsilon", DEFAULTS.epsilon, EPSILON_RANGE),
          p.bool("penalize_intercept", DEFAULTS.penalizeIntercept));
    }

    /** The parameters as spec text, in {@link #KEYS} order. */
    Map<String, String> params() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("c", SpecParams.format(c));
      m.put("solver", SpecParams.lower(solver));
      m.put("max_iterations", Integer.toString(maxIterations));
      m.put("epsilon", SpecParams.format(epsilon));
      m.put("penalize_intercept", Boolean.toString(penalizeIntercept));
      return m;
    }
  }

  @Override
  public LearnerSpec spec() {
    return new LearnerSpec(TribuoLearners.LIBRARY, NAME, settings.params());
  }

  @Override
  public boolean supports(Task task) {
    return task.isClassification();
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    if (!supports(data.task())) {
      throw new IllegalArgumentException(spec() + " does not support " + data.task().label());
    }
    String[] names = TribuoData.featureNames(data.featureNames());
    Trainer trainer = new Trainer(settings, seed);
    return new TribuoClassifier(trainer.train(TribuoData.classification(data, names)), names,
        data.classNames());
  }

  /**
   * Tribuo's trainer, with liblinear's {@code regularize_bias} switch that Tribuo does not expose.
   * Tribuo always appends a constant-1 bias feature (and sets liblinear's {@code bias = 1}), so
   * turning the switch off leaves the intercept unpenalized, as in scikit-learn's default solver.
   * {@code setupParameters} is Tribuo's documented hook for adjusting the liblinear parameters of
   * one {@code train} call; it returns a fresh clone each time.
   */
  private static final class Trainer extends LibLinearClassificationTrainer {
    private final boolean penalizeIntercept;

    Trainer(Settings s, long seed) {
      super(new LinearClassificationType(s.solver().type), s.c(), s.maxIterations(), s.epsilon(),
          seed);
      this.penalizeIntercept = s.penalizeIntercept();
    }

    @Override
    protected Parameter setupParameters(ImmutableOutputInfo<Label> info) {
      Parameter parameters = super.setupParameters(info);
      parameters.setRegularizeBias(penalizeIntercept);
      return parameters;
    }
  }
}
