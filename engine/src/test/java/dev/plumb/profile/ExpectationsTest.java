package dev.plumb.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsTest {
  @TempDir Path dir;

  private Dataset write(String name, String csv) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, csv);
    return CsvTableReader.read(f, CsvOptions.defaults());
  }

  private static ColumnExpectation column(Expectations e, String name) {
    return e.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void derivesTypesRangesCategoriesAndMissingShares() {
    Dataset iris = CsvTableReader.read(Path.of("../datasets/iris.csv"), CsvOptions.defaults());
    Expectations e = Expectations.derive(iris);
    ColumnExpectation sepal = column(e, "sepal_length_cm");
    assertThat(sepal.type()).isEqualTo("numeric");
    // observed 4.3 .. 7.9, widened by 10% of the 3.6 range on each side
    assertThat(sepal.min()).isEqualTo(3.94);
    assertThat(sepal.max()).isEqualTo(8.26);
    assertThat(sepal.maxMissingShare()).isEqualTo(0.0);
    assertThat(column(e, "species").allowedValues())
        .containsExactly("setosa", "versicolor", "virginica");
    assertThat(e.minRows()).isEqualTo(75);
    assertThat(e.maxRows()).isEqualTo(300);
  }

  @Test
  void rangesDoNotCrossZeroWhenTheDataDidNot() throws IOException {
    Expectations e = Expectations.derive(write("a.csv", "x\n0\n5\n10\n"));
    assertThat(column(e, "x").min()).isEqualTo(0.0);
    assertThat(column(e, "x").max()).isEqualTo(11.0);
  }

  @Test
  void referenceDataPassesItsOwnExpectations() throws IOException {
    Dataset d = CsvTableReader.read(Path.of("../datasets/penguins.csv"), CsvOptions.defaults());
    Path file = dir.resolve("e.json");
    Files.write(file, ExpectationsFile.bytes(Expectations.derive(d)));
    ExpectationReport r = ExpectationChecker.check(d, ExpectationsFile.read(file), file);
    assertThat(r.passed()).isTrue();
    assertThat(r.checks()).isGreaterThan(8 * 3);
  }

  @Test
  void reportsEveryFailureWithExamples() throws IOException {
    StringBuilder ref = new StringBuilder("id,x,color,when\n");
    for (int i = 0; i < 40; i++) {
      ref.append(i).append(',').append(i % 10).append(',').append(i % 2 == 0 ? "red" : "blue")
          .append(",2024-01-").append(String.format("%02d", 1 + i % 28)).append('\n');
    }
    Expectations e = Expectations.derive(write("ref.csv", ref.toString()));
    StringBuilder bad = new StringBuilder("id,x,color,extra\n");
    for (int i = 0; i < 40; i++) {
      bad.append(i < 2 ? 0 : i).append(',').append(i == 5 ? "99" : i == 6 ? "" : "1").append(',')
          .append(i == 7 ? "green" : "red").append(",z\n");
    }
    ExpectationReport r = ExpectationChecker.check(write("new.csv", bad.toString()), e,
        dir.resolve("e.json"));
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).extracting(ExpectationFailure::check)
        .contains("unique", "max", "max_missing_share", "allowed_values", "columns");
    ExpectationFailure max = r.failures().stream().filter(f -> f.check().equals("max"))
        .findFirst().orElseThrow();
    assertThat(max.count()).isEqualTo(1);
    assertThat(max.examples()).containsExactly("99 at row 6");
    assertThat(r.failures()).anySatisfy(f -> assertThat(f.message())
        .contains("required column 'when' is missing"));
    assertThat(r.failures()).anySatisfy(f -> assertThat(f.message()).contains("extra"));
    assertThat(r.failures()).anySatisfy(f -> assertThat(f.message()).contains("'green'"));
  }

  @Test
  void typeChangeIsOneFailureNamingAValue() throws IOException {
    Expectations e = Expectations.derive(write("ref.csv", "x\n1\n2\n3\n"));
    ExpectationReport r = ExpectationChecker.check(write("new.csv", "x\n1\nabc\n3\n"), e,
        dir.resolve("e.json"));
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo("type");
      assertThat(f.message()).contains("should be integer").contains("'abc' on line 3");
    });
  }

  @Test
  void rejectsAnEditedFileWithATypo() throws IOException {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"schema\":\"plumb/1\",\"kind\":\"expectations\",\"columns\":[\n"
        + "{\"name\":\"x\",\"type\":\"numeric\",\"max_mising_share\":0.1}]}");
    assertThatThrownBy(() -> ExpectationsFile.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2").hasMessageContaining("unknown key \"max_mising_share\"");
  }

  @Test
  void rejectsInconsistentBounds() throws IOException {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"schema\":\"plumb/1\",\"kind\":\"expectations\",\"columns\":["
        + "{\"name\":\"x\",\"type\":\"numeric\",\"min\":5,\"max\":3}]}");
    assertThatThrownBy(() -> ExpectationsFile.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("column 'x'").hasMessageContaining("\"min\" 5.0 is greater");
  }

  @Test
  void rejectsAFileThatIsNotExpectations() throws IOException {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"schema\":\"plumb/1\",\"kind\":\"profile\",\"columns\":[]}");
    assertThatThrownBy(() -> ExpectationsFile.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("\"kind\": \"expectations\"");
  }
}
