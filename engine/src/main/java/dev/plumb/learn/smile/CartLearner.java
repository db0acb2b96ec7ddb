package dev.plumb.learn.smile;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;

/**
 * What the tree-based learners (tree and stump, random forest, gradient boosting) share: one spec,
 * one task family (classes or numbers), and the check of a training set against both before a fit.
 * Subclasses are immutable and thread-safe.
 */
abstract class CartLearner implements Learner {
  /** The full spec, defaults spelled out. */
  protected final LearnerSpec spec;

  /** Whether this learner predicts classes (else numbers). */
  protected final boolean classification;

  CartLearner(LearnerSpec spec, boolean classification) {
    this.spec = spec;
    this.classification = classification;
  }

  @Override
  public final LearnerSpec spec() {
    return spec;
  }

  @Override
  public final boolean supports(Task task) {
    return task.isClassification() == classification;
  }

  /** Rejects a training set of the other task family, or one Smile cannot fit. */
  final void check(TrainingSet data) {
    SmileFrames.check(data, classification, spec);
  }
}
