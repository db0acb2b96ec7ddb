package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --folds-by hash} and {@code --backend}, as a user runs them. */
class BackendCliTest {
  @Test
  void hashFoldsRunLocallyAndAreNamed() {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--learners", "majority,tree", "--folds", "3", "--folds-by", "hash");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("hash_k_fold 3 folds");
  }

  @Test
  void sparkBackendWithoutTheModuleSaysHowToRunIt() {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--backend", "spark", "--master", "local[2]");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("plumb-spark").contains("spark-submit");
  }

  @Test
  void backendOptionsAreRejectedWhereTheyDoNotApply() {
    assertThat(CliRun.of("diagnose", "../datasets/iris.csv", "--target", "species",
        "--backend", "spark").err()).contains("diagnose runs in this JVM only");
    assertThat(CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--master", "local[2]").err()).contains("apply to --backend spark");
    assertThat(CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--backend", "spark", "--holdout", "0.2").exitCode()).isEqualTo(2);
  }
}
