package dev.plumb.data;

import static dev.plumb.data.TestData.DATASETS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints: what changes the content, bytes and schema hashes, and what does not. */
class DatasetVersionTest {
  private static final String BASE = "id,name,score,when\n"
      + "1,ann,2.5,2024-01-01\n"
      + "2,bob,3,2024-01-02\n"
      + "3,\"cy, jr\",NA,2024-01-03\n"
      + "4,dee,4.75,2024-01-04\n";

  @TempDir Path dir;
  private int files;

  private DatasetVersion version(String text) {
    return CsvTableReader.read(TestData.write(dir, "f" + (files++) + ".csv", text),
        CsvOptions.defaults()).version();
  }

  @Test
  void sameContentSameVersion() {
    DatasetVersion a = version(BASE);
    DatasetVersion b = version(BASE);

    assertThat(a).isEqualTo(b);
    assertThat(a.contentSha256()).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(a.id()).isEqualTo(a.contentSha256().substring(0, 12));
    assertThat(a.rows()).isEqualTo(4);
    assertThat(a.columns()).isEqualTo(4);
  }

  @Test
  void contentHashIgnoresRowOrder() {
    String shuffled = "id,name,score,when\n"
        + "4,dee,4.75,2024-01-04\n"
        + "2,bob,3,2024-01-02\n"
        + "1,ann,2.5,2024-01-01\n"
        + "3,\"cy, jr\",NA,2024-01-03\n";

    DatasetVersion a = version(BASE);
    DatasetVersion b = version(shuffled);

    assertThat(b.contentSha256()).isEqualTo(a.contentSha256());
    assertThat(b.bytesSha256()).isNotEqualTo(a.bytesSha256());
  }

  @Test
  void contentHashIgnoresLineEndings() {
    DatasetVersion lf = version(BASE);
    DatasetVersion crlf = version(BASE.replace("\n", "\r\n"));

    assertThat(crlf.contentSha256()).isEqualTo(lf.contentSha256());
    assertThat(crlf.bytesSha256()).isNotEqualTo(lf.bytesSha256());
  }

  @Test
  void contentHashIgnoresQuoting() {
    String quoted = "\"id\",\"name\",\"score\",\"when\"\n"
        + "\"1\",\"ann\",\"2.5\",\"2024-01-01\"\n"
        + "\"2\",\"bob\",\"3\",\"2024-01-02\"\n"
        + "\"3\",\"cy, jr\",\"NA\",\"2024-01-03\"\n"
        + "\"4\",\"dee\",\"4.75\",\"2024-01-04\"\n";

    assertThat(version(quoted).contentSha256()).isEqualTo(version(BASE).contentSha256());
  }

  @Test
  void contentHashIgnoresNumberSpelling() {
    String respelled = BASE.replace("2,bob,3,", "2.0,bob,3.00,").replace("4.75", "475e-2")
        .replace(",NA,", ",,");

    assertThat(version(respelled).contentSha256()).isEqualTo(version(BASE).contentSha256());
  }

  @Test
  void contentHashIgnoresColumnOrder() {
    String reordered = "when,score,id,name\n"
        + "2024-01-01,2.5,1,ann\n"
        + "2024-01-02,3,2,bob\n"
        + "2024-01-03,NA,3,\"cy, jr\"\n"
        + "2024-01-04,4.75,4,dee\n";

    DatasetVersion a = version(BASE);
    DatasetVersion b = version(reordered);

    assertThat(b.contentSha256()).isEqualTo(a.contentSha256());
    assertThat(b.schemaSha256()).isNotEqualTo(a.schemaSha256());
  }

  @Test
  void contentHashIgnoresPaddingOfNumbersAndBom() {
    String padded = "\uFEFF" + BASE.replace(",2.5,", ",  2.5 ,");

    assertThat(version(padded).contentSha256()).isEqualTo(version(BASE).contentSha256());
  }

  @Test
  void oneChangedCellChangesContentHash() {
    String base = version(BASE).contentSha256();

    assertThat(version(BASE.replace("4.75", "4.76")).contentSha256()).isNotEqualTo(base);
    assertThat(version(BASE.replace("bob", "bib")).contentSha256()).isNotEqualTo(base);
    assertThat(version(BASE.replace("2024-01-02", "2024-01-05")).contentSha256())
        .isNotEqualTo(base);
    assertThat(version(BASE.replace(",NA,", ",0,")).contentSha256()).isNotEqualTo(base);
  }

  @Test
  void swappingCellsBetweenRowsChangesContentHash() {
    // same multiset of values per column, but paired differently across rows
    String swapped = BASE.replace("1,ann", "1,bob").replace("2,bob", "2,ann");

    assertThat(version(swapped).contentSha256()).isNotEqualTo(version(BASE).contentSha256());
  }

  @Test
  void duplicatedRowChangesContentHash() {
    String more = BASE + "4,dee,4.75,2024-01-04\n";

    DatasetVersion v = version(more);

    assertThat(v.contentSha256()).isNotEqualTo(version(BASE).contentSha256());
    assertThat(v.rows()).isEqualTo(5);
  }

  @Test
  void renamedColumnChangesSchemaAndContentHash() {
    DatasetVersion a = version(BASE);
    DatasetVersion b = version(BASE.replaceFirst("score", "points"));

    assertThat(b.schemaSha256()).isNotEqualTo(a.schemaSha256());
    assertThat(b.contentSha256()).isNotEqualTo(a.contentSha256());
  }

  @Test
  void schemaHashDependsOnTypesNotValues() {
    DatasetVersion a = version(BASE);

    assertThat(version(BASE.replace("4.75", "9.5")).schemaSha256()).isEqualTo(a.schemaSha256());
    // score turns from numeric to integer
    assertThat(version(BASE.replace("2.5", "2").replace("4.75", "4")).schemaSha256())
        .isNotEqualTo(a.schemaSha256());
  }

  @Test
  void bytesHashIsShaOfTheFile() throws Exception {
    Path p = DATASETS.resolve("iris.csv");

    DatasetVersion v = CsvTableReader.read(p, CsvOptions.defaults()).version();

    assertThat(v.bytesSha256()).isEqualTo(sha256(Files.readAllBytes(p)));
  }

  @Test
  void bytesHashOfALargeFileSpansAllBuffers() throws Exception {
    // over 1 MiB, so the scan reads several buffers
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 120_000; i++) {
      sb.append(i).append(",v").append(i % 17).append('\n');
    }
    Path p = TestData.write(dir, "big.csv", sb.toString());

    DatasetVersion v = CsvTableReader.read(p, CsvOptions.defaults()).version();

    assertThat(Files.size(p)).isGreaterThan(1 << 20);
    assertThat(v.bytesSha256()).isEqualTo(sha256(Files.readAllBytes(p)));
    assertThat(v.rows()).isEqualTo(120_000);
  }

  @Test
  void inMemoryTablesHashLikeReadOnes() {
    Table fromFile = CsvTableReader.read(TestData.write(dir, "m.csv", "x,s\n1,a\n2.5,\n"),
        CsvOptions.defaults()).table();
    Table inMemory = new Table(List.of(
        NumericColumn.of("x", 1, 2.5),
        CategoricalColumn.of("s", ColumnType.CATEGORICAL, "a", null)));

    assertThat(DatasetVersion.of(inMemory, "").contentSha256())
        .isEqualTo(DatasetVersion.of(fromFile, "").contentSha256());
  }

  @Test
  void contentHashTellsTextFromMissing() {
    Table a = new Table(List.of(CategoricalColumn.of("s", ColumnType.CATEGORICAL, "x", null)));
    Table b = new Table(List.of(CategoricalColumn.of("s", ColumnType.CATEGORICAL, "x", "")));

    assertThat(DatasetVersion.of(a, "").contentSha256())
        .isNotEqualTo(DatasetVersion.of(b, "").contentSha256());
  }

  @Test
  void negativeZeroHashesLikeZero() {
    Table a = new Table(List.of(NumericColumn.of("x", 0.0, 1)));
    Table b = new Table(List.of(NumericColumn.of("x", -0.0, 1)));

    assertThat(DatasetVersion.of(b, "").contentSha256())
        .isEqualTo(DatasetVersion.of(a, "").contentSha256());
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
