package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Splits;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DiagnoseHoldoutTest {
  @Test
  void aSingleValidationSplitGivesAVerdictButNoConfidence() {
    Problem p = Problem.of(CsvTableReader.read(Path.of("../datasets/iris.csv"),
        CsvOptions.defaults()).table(), "species", Optional.empty());
    Splits holdout = Splits.holdout(p.size(), 0.3, p.classes(), 42);

    DiagnoseResult r = Diagnose.run(p, holdout, Metric.BALANCED_ACCURACY, 42,
        new Diagnose.Options(List.of(LearnerCatalog.resolve(LearnerSpec.parse("logistic"),
            p.task())), new int[0], List.of(), OptionalDouble.empty(), 2, Optional.empty()),
        CrossValidation.Progress.NONE);

    LearnerDiagnosis d = r.models().get(0);
    assertThat(d.confidence()).isEqualTo(0.5);
    if (d.verdict() != Verdict.INCONCLUSIVE) {
      assertThat(d.evidence()).contains("one validation split");
    }
  }
}
