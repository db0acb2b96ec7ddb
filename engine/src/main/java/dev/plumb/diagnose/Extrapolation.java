package dev.plumb.diagnose;

import dev.plumb.evaluate.Interval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the learning curve says about more rows, in score units of the run's metric. Immutable.
 *
 * @param status whether the power law could be fitted, and if not why ({@code reason})
 * @param reason a sentence for the user
 * @param law the fitted error curve {@code error = a + b·n^-c} (error = distance from the
 *     metric's best value), when fitted
 * @param rows the training rows of the largest size (the "1x")
 * @param atTwice the predicted score with twice the rows, with its 95% interval
 * @param gainAtTwice how much the score improves from the rows now to twice as many, with its
 *     95% interval (narrower than the two predictions' intervals: the asymptote cancels)
 * @param atTenTimes the predicted score with ten times the rows
 * @param asymptote the score the curve levels off at
 * @param rowsForGoal training rows the fit needs to reach {@code --goal}, empty when no goal was
 *     given or the fit says it is out of reach
 * @param fitSecondsAtTwice extrapolated fit seconds with twice the rows
 * @param fitSecondsAtTenTimes extrapolated fit seconds with ten times the rows
 */
public record Extrapolation(FitStatus status, String reason, Optional<PowerLaw> law, int rows,
    Optional<Interval> atTwice, Optional<Interval> gainAtTwice, Optional<Interval> atTenTimes, Optional<Interval> asymptote,
    OptionalDouble rowsForGoal, OptionalDouble fitSecondsAtTwice,
    OptionalDouble fitSecondsAtTenTimes) {}
