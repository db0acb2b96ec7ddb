package dev.plumb.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
  private static final int[] TRAIN = {0, 1, 2, 3};
  private static final int[] VALIDATION = {4, 5};

  @Test
  void imputesWithTheTrainingMedianAndStandardizesWithTrainingStatistics() {
    // rows 0-3 train: 1, 2, missing, 6 -> median of present (1, 2, 6) = 2; imputed 1, 2, 2, 6
    // mean 2.75, population std sqrt(((1.75)^2 + 0.75^2 + 0.75^2 + 3.25^2) / 4) = sqrt(3.6875)
    Column x = NumericColumn.of("x", 1, 2, Double.NaN, 6, 1000, Double.NaN);
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(x), TRAIN);
    assertThat(pre.featureNames()).containsExactly("x", "x_missing");
    double std = Math.sqrt(3.6875);
    double[][] v = pre.transform(VALIDATION);
    assertThat(v[0][0]).isCloseTo((1000 - 2.75) / std, within(1e-12));
    assertThat(v[1][0]).as("missing validation value gets the training median")
        .isCloseTo((2 - 2.75) / std, within(1e-12));
    assertThat(v[1][1]).isEqualTo(1.0);
    double[][] t = pre.transform(TRAIN);
    double mean = 0;
    for (double[] row : t) {
      mean += row[0];
    }
    assertThat(mean / 4).isCloseTo(0, within(1e-12));
  }

  @Test
  void validationValuesNeverChangeTheFit() {
    Column a = NumericColumn.of("x", 1, 2, 3, 4, 5, 6);
    Column b = NumericColumn.of("x", 1, 2, 3, 4, -500, 9e9);
    assertThat(Preprocessor.fit(List.of(a), TRAIN).transform(TRAIN))
        .isDeepEqualTo(Preprocessor.fit(List.of(b), TRAIN).transform(TRAIN));
  }

  @Test
  void oneHotKeepsFrequentLevelsAndSendsRareAndUnseenOnesToOther() {
    Column c = CategoricalColumn.of("color", ColumnType.CATEGORICAL,
        "red", "red", "blue", "blue", "green", "pink", null, "teal");
    int[] train = {0, 1, 2, 3, 4, 6};
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(c), train);
    assertThat(pre.featureNames())
        .containsExactly("color=blue", "color=red", "color=(other)", "color=(missing)");
    assertThat(pre.groups()).singleElement().satisfies(g -> {
      assertThat(g.kind()).isEqualTo(FeatureGroup.Kind.ONE_HOT);
      assertThat(g.count()).isEqualTo(4);
    });
    double[][] v = pre.transform(new int[] {0, 4, 5, 6, 7});
    assertThat(v[0]).containsExactly(0, 1, 0, 0);
    assertThat(v[1]).as("green was seen once: rare").containsExactly(0, 0, 1, 0);
    assertThat(v[2]).as("pink was never seen in training").containsExactly(0, 0, 1, 0);
    assertThat(v[3]).containsExactly(0, 0, 0, 1);
  }

  @Test
  void booleansBecomeZeroOrOne() {
    Column c = CategoricalColumn.of("churn", ColumnType.BOOLEAN, "no", "yes", "yes", "no");
    double[][] v = Preprocessor.fit(List.of(c), TRAIN).transform(TRAIN);
    assertThat(v).isDeepEqualTo(new double[][] {{0}, {1}, {1}, {0}});
  }

  /** A CSV of every kind of column, with missing values, rare levels and one-off levels. */
  private static List<String> mixedCsv(int rows, long seed) {
    Random r = new Random(seed);
    String[] colors = {"red", "green", "blue", "teal", "pink"};
    List<String> lines = new ArrayList<>();
    lines.add("x,when,flag,color,count");
    for (int i = 0; i < rows; i++) {
      String x = r.nextInt(8) == 0 ? ""
          : Double.toString(Math.round(r.nextGaussian() * 1000) / 100.0);
      String when = r.nextInt(8) == 0 ? ""
          : String.format("2021-%02d-%02dT%02d:30:00", 1 + r.nextInt(12), 1 + r.nextInt(28),
              r.nextInt(24));
      String flag = r.nextInt(8) == 0 ? "" : r.nextBoolean() ? "yes" : "no";
      String color = r.nextInt(10) == 0 ? "" : r.nextInt(15) == 0 ? "once" + i
          : colors[Math.min(4, (int) Math.abs(r.nextGaussian() * 2))];
      lines.add(x + "," + when + "," + flag + "," + color + "," + r.nextInt(50));
    }
    return lines;
  }

  @Test
  void encodesAnotherReadingOfTheDataByNameAndTextAsTheTrainingPathDoes(@TempDir Path dir)
      throws IOException, ClassNotFoundException {
    List<String> lines = mixedCsv(200, 3);
    Path original = dir.resolve("original.csv");
    Files.write(original, lines);
    Table table = CsvTableReader.read(original, CsvOptions.defaults()).table();
    assertThat(table.columns()).extracting(Column::type).containsExactly(ColumnType.NUMERIC,
        ColumnType.DATETIME, ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.INTEGER);
    int[] train = IntStream.range(0, 150).toArray();
    int[] all = IntStream.range(0, 200).toArray();
    Preprocessor.Fitted pre = Preprocessor.fit(table.columns(), train);
    assertThat(pre.featureNames()).contains("color=(other)", "color=(missing)", "flag_missing",
        "when.hour", "x_missing");
    double[][] expected = pre.transform(all);

    assertThat(pre.bind(table).transform(all)).isDeepEqualTo(expected);

    // saved and loaded, applied to a copy with the columns and rows in another order: the
    // dictionaries differ (every one-off level is in another place, some levels are absent)
    Preprocessor.Fitted loaded = roundTrip(pre);
    List<Integer> order = new ArrayList<>(IntStream.range(0, 200).boxed().toList());
    Collections.shuffle(order, new Random(4));
    order = order.subList(0, 120);
    List<String> copyLines = new ArrayList<>();
    copyLines.add("count,color,flag,when,x");
    for (int row : order) {
      String[] f = lines.get(row + 1).split(",", -1);
      copyLines.add(f[4] + "," + f[3] + "," + f[2] + "," + f[1] + "," + f[0]);
    }
    Path copyFile = dir.resolve("copy.csv");
    Files.write(copyFile, copyLines);
    Table copy = CsvTableReader.read(copyFile, CsvOptions.defaults()).table();
    assertThat(((CategoricalColumn) copy.find("color").orElseThrow()).levels())
        .isNotEqualTo(((CategoricalColumn) table.find("color").orElseThrow()).levels());

    double[][] got = loaded.transform(copy, IntStream.range(0, order.size()).toArray());
    for (int i = 0; i < order.size(); i++) {
      assertThat(got[i]).as("row %d", order.get(i)).containsExactly(expected[order.get(i)]);
    }
  }

  @Test
  void aDetachedOrLoadedFitNeedsATable() throws IOException, ClassNotFoundException {
    Column x = NumericColumn.of("x", 1, 2, 3, 4);
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(x), TRAIN);
    assertThatThrownBy(() -> pre.detached().transform(TRAIN))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bind them to a table");
    assertThatThrownBy(() -> roundTrip(pre).transform(TRAIN))
        .isInstanceOf(IllegalStateException.class);
    assertThat(roundTrip(pre).transform(new Table(List.of(x)), TRAIN))
        .isDeepEqualTo(pre.transform(TRAIN));
  }

  @Test
  void sendsUnseenLevelsToOtherAndReadsNumbersAsLevelText() {
    Column c = CategoricalColumn.of("grade", ColumnType.CATEGORICAL, "1", "1", "2", "2", "x", null);
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(c), new int[] {0, 1, 2, 3, 4, 5});
    assertThat(pre.featureNames()).containsExactly("grade=1", "grade=2", "grade=(other)",
        "grade=(missing)");
    // a new file where the column holds only numbers is read as numbers; 3 was never seen
    Table numbers = new Table(List.of(NumericColumn.of("grade", 2, 1, 3, Double.NaN)));
    assertThat(pre.transform(numbers, new int[] {0, 1, 2, 3})).isDeepEqualTo(new double[][] {
        {0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
  }

  @Test
  void anUnseenLevelWithoutAnOtherFeatureSetsNoFeature() {
    Column c = CategoricalColumn.of("color", ColumnType.CATEGORICAL, "red", "red", "blue", "blue");
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(c), TRAIN);
    Table other = new Table(List.of(CategoricalColumn.of("color", ColumnType.CATEGORICAL,
        "blue", "mauve", null)));
    assertThat(pre.transform(other, new int[] {0, 1, 2}))
        .isDeepEqualTo(new double[][] {{1, 0}, {0, 0}, {0, 0}});
  }

  @Test
  void aColumnMissingEverywhereIsReadAsMissingValuesOfAnyKind() {
    Column color = CategoricalColumn.of("color", ColumnType.CATEGORICAL, "red", "red", "blue",
        "blue", null);
    Column flag = CategoricalColumn.of("flag", ColumnType.BOOLEAN, "yes", "yes", "no", "yes",
        null);
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(color, flag), new int[] {0, 1, 2, 3, 4});
    // an empty column reads as numbers, all missing
    Table empty = new Table(List.of(NumericColumn.of("color", Double.NaN),
        NumericColumn.of("flag", Double.NaN)));
    assertThat(pre.featureNames()).containsExactly("color=blue", "color=red", "color=(missing)",
        "flag", "flag_missing");
    assertThat(pre.transform(empty, new int[] {0})).isDeepEqualTo(new double[][] {
        {0, 0, 1, 1, 1}});
  }

  @Test
  void rejectsATableWithoutAFeatureColumnNamingIt() {
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(NumericColumn.of("age", 1, 2, 3, 4)),
        TRAIN);
    Table other = new Table(List.of(NumericColumn.of("Age", 1)));
    assertThatThrownBy(() -> pre.bind(other)).isInstanceOf(BadInputException.class)
        .hasMessage("feature column 'age' not found; did you mean 'Age'?");
  }

  @Test
  void rejectsTextWhereNumbersWereNamingTheColumnAndAValue() {
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(NumericColumn.of("age", 1, 2, 3, 4)),
        TRAIN);
    Table other = new Table(List.of(CategoricalColumn.of("age", ColumnType.CATEGORICAL, "12",
        "n/a")));
    assertThatThrownBy(() -> pre.bind(other)).isInstanceOf(BadInputException.class)
        .hasMessage("column 'age' held numbers when the model was trained, but here it holds text"
            + " (for example '12'); fix its values or retrain the model on data like this");
  }

  @Test
  void rejectsAWordThatIsNotABoolean() {
    Column flag = CategoricalColumn.of("flag", ColumnType.BOOLEAN, "yes", "no", "yes", "no");
    Preprocessor.Fitted pre = Preprocessor.fit(List.of(flag), TRAIN);
    Table other = new Table(List.of(CategoricalColumn.of("flag", ColumnType.CATEGORICAL, "YES",
        "maybe")));
    assertThatThrownBy(() -> pre.bind(other)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("column 'flag' held booleans").hasMessageContaining("'maybe'");
    Table numbers = new Table(List.of(NumericColumn.of("flag", 1, 0)));
    assertThatThrownBy(() -> pre.bind(numbers)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("held booleans when the model was trained, but here it holds"
            + " numbers");
  }

  private static Preprocessor.Fitted roundTrip(Preprocessor.Fitted pre)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(pre);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Preprocessor.Fitted) in.readObject();
    }
  }
}
