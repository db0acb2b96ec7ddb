package dev.plumb.testing;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.time.Duration;
import java.util.Arrays;

/**
 * A learner whose every fit sleeps for a while before it returns a model that predicts every class
 * alike: a stand-in for a learner too slow for a time limit. An interrupt ends the sleep, and the
 * fit then throws. Immutable and thread-safe.
 */
public final class SleepingLearner implements Learner {
  private final Duration sleep;

  /** A learner named {@code test:sleeping} whose fits take {@code sleep}. */
  public SleepingLearner(Duration sleep) {
    this.sleep = sleep;
  }

  @Override
  public LearnerSpec spec() {
    return LearnerSpec.of("test", "sleeping");
  }

  @Override
  public boolean supports(Task task) {
    return task.isClassification();
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    try {
      Thread.sleep(sleep.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sleeping", e);
    }
    int classes = data.numClasses();
    return new Model() {
      @Override
      public double[][] predictProba(double[][] x) {
        double[][] p = new double[x.length][classes];
        for (double[] row : p) {
          Arrays.fill(row, 1.0 / classes);
        }
        return p;
      }

      @Override
      public double[] predict(double[][] x) {
        throw new UnsupportedOperationException("a classifier");
      }
    };
  }
}
