package dev.plumb.data;

import static dev.plumb.data.TestData.DATASETS;
import static dev.plumb.data.TestData.cat;
import static dev.plumb.data.TestData.col;
import static dev.plumb.data.TestData.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The real datasets, checked against the figures in datasets/CATALOG.md and known facts. */
class RealDatasetsTest {

  private static Dataset read(String name) {
    return CsvTableReader.read(DATASETS.resolve(name), CsvOptions.defaults());
  }

  @Test
  void irisHas150RowsAnd3BalancedSpecies() {
    Dataset ds = read("iris.csv");
    Table t = ds.table();

    assertThat(t.rowCount()).isEqualTo(150);
    assertThat(t.columnCount()).isEqualTo(5);
    assertThat(t.columnNames()).containsExactly(
        "sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "species");
    CategoricalColumn species = cat(t, "species");
    assertThat(species.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(species.levels()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(species.levelCounts()).containsExactly(50, 50, 50);
    for (int c = 0; c < 4; c++) {
      assertThat(t.column(c).type()).isEqualTo(ColumnType.NUMERIC);
      assertThat(t.column(c).missingCount()).isZero();
    }
    // Fisher's iris: sepal length sums to 876.5 (mean 5.8433), petal length to 563.7
    assertThat(Arrays.stream(num(t, "sepal_length_cm").toArray()).sum())
        .isCloseTo(876.5, within(1e-9));
    assertThat(Arrays.stream(num(t, "petal_length_cm").toArray()).sum())
        .isCloseTo(563.7, within(1e-9));
    assertThat(ds.info().delimiter()).isEqualTo(',');
    assertThat(ds.info().lineEnding()).isEqualTo("LF");
    assertThat(ds.version().rows()).isEqualTo(150);
  }

  @Test
  void titanicAgeHas263Missing() {
    Table t = read("titanic_survival.csv").table();

    assertThat(t.rowCount()).isEqualTo(1309);
    Column age = col(t, "age");
    assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(age.missingCount()).isEqualTo(263);
    // 'name' is a unique string id with embedded commas inside quotes
    Column name = col(t, "name");
    assertThat(name.type()).isEqualTo(ColumnType.TEXT);
    assertThat(name.text(0)).isEqualTo("Allen, Miss. Elisabeth Walton");
    CategoricalColumn survived = cat(t, "survived");
    assertThat(survived.type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(survived.levels()).containsExactly("no", "yes");
    assertThat(survived.levelCounts()).containsExactly(809, 500);
  }

  @Test
  void houseVotesColumnsAreBoolean() {
    Table t = read("house_votes_84.csv").table();

    assertThat(t.rowCount()).isEqualTo(435);
    assertThat(t.columnCount()).isEqualTo(17);
    int missing = 0;
    for (Column c : t.columns().subList(0, 16)) {
      assertThat(c.type()).as(c.name()).isEqualTo(ColumnType.BOOLEAN);
      assertThat(((CategoricalColumn) c).levels()).as(c.name()).containsExactly("n", "y");
      missing += c.missingCount();
    }
    assertThat(missing).isEqualTo(392);
    CategoricalColumn party = cat(t, "party");
    assertThat(party.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(party.levelCounts()).containsExactly(267, 168);
  }

  @Test
  void autoMpgYearIsADateAndNameIsText() {
    Table t = read("auto_mpg.csv").table();

    assertThat(t.rowCount()).isEqualTo(406);
    assertThat(col(t, "Year").type()).isEqualTo(ColumnType.DATETIME);
    assertThat(((NumericColumn) col(t, "Year")).dateOnly()).isTrue();
    assertThat(col(t, "Name").type()).isEqualTo(ColumnType.TEXT);
    assertThat(col(t, "Miles_per_Gallon").missingCount()).isEqualTo(8);
  }

  @Test
  void wineMatchesTheCatalog() {
    Table t = read("wine.csv").table();

    assertThat(t.rowCount()).isEqualTo(178);
    assertThat(t.columnCount()).isEqualTo(14);
    assertThat(cat(t, "cultivar").levelCounts()).containsExactly(59, 71, 48);
  }
}
