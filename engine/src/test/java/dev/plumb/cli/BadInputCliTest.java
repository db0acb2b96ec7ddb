package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input: one line on stderr that says what and where, exit code 2. */
class BadInputCliTest {
  private static final String BAD = "src/test/resources/bad/";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "empty.csv|the file is empty (0 bytes)",
    "header_only.csv|has a header (sepal_length_cm",
    "ragged_rows.csv|line 6 has 3 fields, line 10 has 7 fields, line 18 has 3 fields, line 31 has 7"
        + " fields",
    "quote_chaos.csv|the record starting at line 5 is malformed",
    "non_utf8_latin1.csv|invalid UTF-8 at line 2 (byte offset 19)",
    "bom_crlf_dupcols_na_tokens.csv|names column 'sepal_length' twice (columns 1 and 2)",
  })
  void badFilesGiveOneLineAndExitCode2(String file, String expected) {
    CliRun run = CliRun.of("profile", BAD + file);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).startsWith("plumb: ").contains(file).contains(expected)
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingFile() {
    CliRun run = CliRun.of("profile", "no/such/file.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no/such/file.csv: no such file");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void directory(@TempDir Path dir) {
    CliRun run = CliRun.of("profile", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is a directory");
  }

  @Test
  void binaryFile(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("data.csv");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    CliRun run = CliRun.of("profile", gz.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("gzip").contains("decompress");
  }

  @Test
  void binaryWithNulBytes(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("blob.csv");
    Files.write(f, new byte[] {'a', ',', 'b', '\n', 1, 0, 2, 0, '\n'});
    CliRun run = CliRun.of("profile", f.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("NUL byte").contains("line 2");
  }

  @Test
  void emptyHeaderName(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("noname.csv");
    Files.writeString(f, "a,,c\n1,2,3\n");
    CliRun run = CliRun.of("profile", f.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 1, column 2").contains("empty column name");
  }

  @Test
  void targetNotFoundSuggestsClosestName() {
    CliRun run = CliRun.of("profile", "../datasets/iris.csv", "--target", "specie");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("target column 'specie' not found; did you mean 'species'?");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("profile", "../datasets/iris.csv", "--frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--frobnicate").contains("--help");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void badEnumValueIsAUsageError() {
    CliRun run = CliRun.of("profile", "../datasets/iris.csv", "--bad-rows", "maybe");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("maybe");
  }

  @Test
  void debugShowsTheStackTrace() {
    CliRun run = CliRun.of("profile", "no/such/file.csv", "--debug");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("BadInputException").contains("\tat ");
  }

  @Test
  void skippingBadRowsReadsTheRest() {
    CliRun run = CliRun.of("profile", BAD + "ragged_rows.csv", "--bad-rows", "skip");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("35 rows × 5 columns").contains("4 bad rows skipped");
  }

  @Test
  void renamingDuplicateColumnsReadsTheFile() {
    CliRun run = CliRun.of("profile", BAD + "bom_crlf_dupcols_na_tokens.csv",
        "--duplicate-columns", "rename");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("sepal_length_2").contains("CRLF");
  }

  @Test
  void latin1FileReadsWithItsEncodingButStopsAtTheNulByte() {
    CliRun run = CliRun.of("profile", BAD + "non_utf8_latin1.csv", "--encoding", "ISO-8859-1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("NUL byte");
  }

  @Test
  void failedOutputNeverLeavesAFile(@TempDir Path dir) {
    Path json = dir.resolve("out.json");
    CliRun run = CliRun.of("profile", BAD + "ragged_rows.csv", "--json", json.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(json).doesNotExist();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void outputIntoAMissingDirectoryIsBadInput(@TempDir Path dir) {
    Path json = dir.resolve("nope/out.json");
    CliRun run = CliRun.of("profile", "../datasets/iris.csv", "--json", json.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist");
  }
}
