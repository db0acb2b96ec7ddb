package dev.plumb.backend;

import dev.plumb.data.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** How a distributed backend spreads an experiment. */
public enum BackendMode {
  /** The backend chooses: task-parallel when the data fits one executor, else data-parallel. */
  AUTO("auto"),
  /**
   * Each fit is distributed over the rows (Spark MLlib on a cached DataFrame): for data larger
   * than one executor's memory; only the learners the backend has a distributed version of.
   */
  DATA_PARALLEL("data"),
  /**
   * Each (learner, fold, size) fit is one task running Plumb's own learners on the whole data
   * in one executor, so the numbers equal the local engine's.
   */
  TASK_PARALLEL("task");

  private final String label;

  BackendMode(String label) {
    this.label = label;
  }

  /** The name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /**
   * The mode named {@code text} ({@code auto}, {@code data} or {@code task}).
   *
   * @throws BadInputException for any other text
   */
  public static BackendMode parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.label.equals(t)).findFirst()
        .orElseThrow(() -> new BadInputException("unknown backend mode '" + text
            + "'; use auto, data or task"));
  }
}
