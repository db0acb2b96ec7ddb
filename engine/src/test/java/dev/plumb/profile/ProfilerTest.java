package dev.plumb.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import dev.plumb.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile numbers on bundled real data, against values computed independently with Python's
 * standard library ({@code statistics.mean}, {@code statistics.stdev},
 * {@code statistics.quantiles(v, n=4, method='inclusive')}, which is Hyndman and Fan's type 7) on
 * the same CSV files.
 */
class ProfilerTest {
  private static Dataset read(String path) {
    return CsvTableReader.read(Path.of(path), CsvOptions.defaults());
  }

  private static Dataset write(Path dir, String csv) throws IOException {
    Path f = dir.resolve("data.csv");
    Files.writeString(f, csv);
    return CsvTableReader.read(f, CsvOptions.defaults());
  }

  private static ColumnProfile column(Profile p, String name) {
    return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void penguinsNumbersMatchPython() {
    Profile p = Profiler.profile(read("../datasets/penguins.csv"), Optional.of("species"));
    ColumnProfile bill = column(p, "bill_length_mm");
    assertThat(bill.missing()).isEqualTo(2);
    assertThat(bill.distinct()).isEqualTo(164);
    NumericSummary s = bill.numeric().orElseThrow();
    assertThat(s.min()).isEqualTo(32.1);
    assertThat(s.max()).isEqualTo(59.6);
    assertThat(s.mean()).isCloseTo(43.9219298245614, within(1e-12));
    assertThat(s.std()).isCloseTo(5.4595837139265315, within(1e-12));
    assertThat(s.q1()).isCloseTo(39.225, within(1e-12));
    assertThat(s.median()).isCloseTo(44.45, within(1e-12));
    assertThat(s.q3()).isCloseTo(48.5, within(1e-12));
    assertThat(s.outliers()).isZero();
    NumericSummary mass = column(p, "body_mass_g").numeric().orElseThrow();
    assertThat(mass.std()).isCloseTo(801.9545356980955, within(1e-9));
    assertThat(mass.q1()).isEqualTo(3550.0);
    assertThat(mass.q3()).isEqualTo(4750.0);
    assertThat(column(p, "island").topValues())
        .containsExactly(new ValueCount("Biscoe", 168), new ValueCount("Dream", 124),
            new ValueCount("Torgersen", 52));
    assertThat(column(p, "sex").missing()).isEqualTo(11);
  }

  @Test
  void targetClassesAndImbalance() {
    Profile p = Profiler.profile(read("../datasets/penguins.csv"), Optional.of("species"));
    TargetProfile t = p.target().orElseThrow();
    assertThat(t.task()).isEqualTo(Task.MULTICLASS);
    assertThat(t.classes()).containsExactly(new ValueCount("Adelie", 152),
        new ValueCount("Gentoo", 124), new ValueCount("Chinstrap", 68));
    assertThat(t.imbalanceRatio().orElseThrow()).isCloseTo(152.0 / 68, within(1e-12));
  }

  @Test
  void irisHasOneDuplicateRowAndNoOtherWarnings() {
    Profile p = Profiler.profile(read("../datasets/iris.csv"), Optional.of("species"));
    assertThat(p.duplicateRows()).isEqualTo(1);
    assertThat(p.findings()).extracting(Finding::kind).contains(FindingKind.DUPLICATE_ROWS)
        .doesNotContain(FindingKind.LEAKAGE_SUSPECT, FindingKind.CLASS_IMBALANCE);
    NumericSummary s = column(p, "sepal_length_cm").numeric().orElseThrow();
    assertThat(s.mean()).isCloseTo(5.843333333333334, within(1e-12));
    assertThat(s.std()).isCloseTo(0.828066127977863, within(1e-12));
  }

  @Test
  void severeImbalanceIsAWarning() {
    Profile p = Profiler.profile(read("../datasets/weka_unbalanced.csv"), Optional.of("Outcome"));
    Finding f = p.findings().stream().filter(x -> x.kind() == FindingKind.CLASS_IMBALANCE)
        .findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat((double) f.evidence().get("imbalance_ratio")).isCloseTo(844.0 / 12, within(1e-9));
  }

  @Test
  void titanicNameIsAnIdentifierAndAgeIsHeavilyMissing() {
    Profile p = Profiler.profile(read("../datasets/titanic_survival.csv"), Optional.of("survived"));
    assertThat(p.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.ID_LIKE_COLUMN);
      assertThat(f.column()).contains("name");
    });
    assertThat(p.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.HEAVY_MISSINGNESS);
      assertThat(f.column()).contains("age");
      assertThat(f.severity()).isEqualTo(Severity.INFO); // 263 of 1309 = 20.1%
    });
    NumericSummary age = column(p, "age").numeric().orElseThrow();
    assertThat(age.mean()).isCloseTo(29.881134512434034, within(1e-9));
    assertThat(age.std()).isCloseTo(14.413499699911796, within(1e-9));
  }

  @Test
  void findsConstantColumnsMixedTypesAndAllMissing(@TempDir Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("const,mixed,empty,y\n");
    for (int i = 0; i < 40; i++) {
      csv.append("7,").append(i == 30 ? "oops" : String.valueOf(i)).append(",,")
          .append(i % 2 == 0 ? "a" : "b").append('\n');
    }
    Profile p = Profiler.profile(write(dir, csv.toString()), Optional.of("y"));
    assertThat(p.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.CONSTANT_COLUMN);
      assertThat(f.column()).contains("const");
    });
    assertThat(p.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.MIXED_TYPES);
      assertThat(f.column()).contains("mixed");
      assertThat(f.message()).contains("'oops' on line 32");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(p.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.ALL_MISSING);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
    });
    assertThat(p.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void flagsALeakingFeatureAndConflictingLabels(@TempDir Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("noise,leak,y\n");
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      boolean yes = rnd.nextBoolean();
      csv.append(rnd.nextInt(3)).append(',').append(yes ? 10 + rnd.nextDouble() : rnd.nextDouble())
          .append(',').append(yes ? "yes" : "no").append('\n');
    }
    csv.append("1,5.0,yes\n1,5.0,no\n");
    Profile p = Profiler.profile(write(dir, csv.toString()), Optional.of("y"));
    assertThat(p.findings()).filteredOn(f -> f.kind() == FindingKind.LEAKAGE_SUSPECT)
        .extracting(f -> f.column().orElseThrow()).containsExactly("leak");
    Finding conflict = p.findings().stream()
        .filter(f -> f.kind() == FindingKind.CONFLICTING_LABELS).findFirst().orElseThrow();
    assertThat(conflict.evidence()).containsEntry("groups", 1L).containsEntry("rows", 2L);
    assertThat((double) conflict.evidence().get("min_error")).isCloseTo(1.0 / 202, within(1e-12));
  }

  @Test
  void quantileIsType7() {
    double[] v = {1, 2, 3, 4};
    // R: quantile(c(1,2,3,4), c(.25,.5,.75)) = 1.75 2.50 3.25
    assertThat(Profiler.quantile(v, 0.25)).isEqualTo(1.75);
    assertThat(Profiler.quantile(v, 0.5)).isEqualTo(2.5);
    assertThat(Profiler.quantile(v, 0.75)).isEqualTo(3.25);
  }

  @Test
  void histogramCountsEveryValue() {
    double[] sorted = {0, 0.5, 1, 1, 2, 9.99, 10};
    Histogram h = Profiler.histogram(sorted, 6, dev.plumb.data.ColumnType.NUMERIC);
    assertThat(java.util.Arrays.stream(h.counts()).sum()).isEqualTo(sorted.length);
    assertThat(h.edges()[0]).isEqualTo(0);
    assertThat(h.edges()[h.edges().length - 1]).isEqualTo(10);
  }
}
