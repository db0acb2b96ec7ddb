package dev.plumb.diagnose;

import dev.plumb.learn.LearnerSpec;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code plumb diagnose} concludes about one learner. Immutable.
 *
 * @param spec the learner
 * @param learningCurve scores per training size, smallest first
 * @param validationCurve scores across its main hyperparameter, if it has one
 * @param verdict the fit diagnosis
 * @param confidence how sure, in [0.5, 1): the normal probability that the decisive difference
 *     has the observed sign, given its fold-to-fold standard error; 0.5 (unknown) for
 *     {@code inconclusive} and for a single validation split (a holdout)
 * @param evidence the numbers behind the verdict, as a sentence
 * @param settle for {@code inconclusive}, what would settle it
 * @param moreDataHelps whether more rows of the same kind would raise the validation score; empty
 *     when the curve cannot tell
 * @param moreDataEvidence the numbers behind {@code moreDataHelps}
 * @param extrapolation the power-law extrapolation
 * @param decomposition the bias/variance table
 * @param remedies what to try, best first
 */
public record LearnerDiagnosis(
    LearnerSpec spec,
    List<CurvePoint> learningCurve,
    Optional<ValidationCurve> validationCurve,
    Verdict verdict,
    double confidence,
    String evidence,
    Optional<String> settle,
    Optional<Boolean> moreDataHelps,
    String moreDataEvidence,
    Extrapolation extrapolation,
    Decomposition decomposition,
    List<Remedy> remedies) {
  /** Copies the lists. */
  public LearnerDiagnosis {
    learningCurve = List.copyOf(learningCurve);
    remedies = List.copyOf(remedies);
  }

  /** The learning curve's largest size. */
  public CurvePoint full() {
    return learningCurve.get(learningCurve.size() - 1);
  }
}
