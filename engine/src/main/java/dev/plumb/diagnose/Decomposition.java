package dev.plumb.diagnose;

import java.util.OptionalDouble;

/**
 * The bias/variance table of one learner, in the run's metric: the target, and the scores on
 * training, validation and (with {@code --test}) test rows. The gaps between consecutive rows
 * name the problem: target to training is avoidable bias, training to validation is variance,
 * validation to test is a shift between the data sets. Immutable.
 *
 * @param target the score aimed at: {@code --goal}, else the best validation score found
 * @param targetSource {@code goal} or {@code best validation}
 * @param train the training score at the largest size
 * @param validation the validation score at the largest size
 * @param test the score on the test file, trained on all the rows
 */
public record Decomposition(double target, String targetSource, double train, double validation,
    OptionalDouble test) {}
