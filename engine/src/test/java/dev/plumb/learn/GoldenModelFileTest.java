package dev.plumb.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.check.ModelCard;
import dev.plumb.check.SavedModel;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files written by earlier builds keep loading and predicting exactly what they predicted
 * when saved: the committed files under {@code golden/models/v1} (format 1, no card) and {@code
 * v2} (format 2, with a model card), written by {@link GoldenModelFiles}. When this fails after a
 * change, the change broke the saved form of a class in model files (a serialVersionUID, a field,
 * a renamed class): restore it, or teach {@link ModelFile} to read the old form. Never regenerate
 * these files to make the test pass.
 */
class GoldenModelFileTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/models");

  static Stream<Arguments> files() {
    List<Arguments> out = new ArrayList<>();
    for (int version = 1; version <= ModelFile.VERSION; version++) {
      for (String[] c : GoldenModelFiles.CASES) {
        for (int i = 2; i < c.length; i++) {
          out.add(Arguments.of(version, c[0], c[1], c[i]));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "v{0} {1} {3}")
  @MethodSource("files")
  void anOlderFileLoadsAndPredictsWhatItDidWhenSaved(int version, String dataset, String target,
      String spec) throws IOException {
    Path dir = GOLDEN.resolve("v" + version);
    Path file = dir.resolve(GoldenModelFiles.stem(dataset, spec) + ".plumbmdl");
    Dataset data = CsvTableReader.read(Path.of("../datasets", dataset + ".csv"),
        CsvOptions.defaults());
    SavedModel saved = SavedModel.load(file);
    FittedPipeline p = saved.pipeline();
    assertThat(p.target()).isEqualTo(target);
    assertThat(p.learner().name()).isEqualTo(LearnerSpec.parse(spec).name());

    List<String> expected = Files.readAllLines(dir.resolve(GoldenModelFiles.stem(dataset, spec)
        + ".predictions.csv"));
    int[] rows = IntStream.range(0, data.table().rowCount()).toArray();
    List<String> actual = new ArrayList<>();
    if (p.task().isClassification()) {
      actual.add(String.join(",", p.classNames()));
      for (double[] row : p.predictProba(data.table(), rows)) {
        actual.add(String.join(",", java.util.Arrays.stream(row).mapToObj(Double::toString)
            .toList()));
      }
    } else {
      actual.add("prediction");
      for (double v : p.predict(data.table(), rows)) {
        actual.add(Double.toString(v));
      }
    }
    assertThat(actual).as("predictions of " + file).isEqualTo(expected);

    if (version == 1) {
      assertThat(saved.card()).isEmpty();
    } else {
      ModelCard card = saved.card().orElseThrow();
      assertThat(card.schema()).isEqualTo(ModelCard.SCHEMA);
      assertThat(card.learner()).isEqualTo(p.learner().text());
      assertThat(card.dataset().version()).isEqualTo(data.version().id());
      assertThat(card.dataset().contentSha256()).isEqualTo(data.version().contentSha256());
      assertThat(card.dataset().rows()).isEqualTo(data.table().rowCount());
      assertThat(card.seed()).isEqualTo(42);
      assertThat(card.plumbVersion()).isNotBlank();
      assertThat(card.validation().folds()).isEqualTo(5);
      assertThat(card.validation().scores()).isNotEmpty()
          .allSatisfy(s -> assertThat(s.foldScores()).hasSize(5));
      assertThat(card.expectations().columns()).hasSize(data.table().columnCount());
      assertThat(card.driftReference().features()).isNotEmpty();
    }
  }
}
