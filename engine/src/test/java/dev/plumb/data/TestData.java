package dev.plumb.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Small helpers shared by the data tests: writing CSV text to files and reading it back. */
final class TestData {
  static final Path BAD = Path.of("src/test/resources/bad");
  static final Path DATASETS = Path.of("../datasets");

  private TestData() {}

  /** Writes {@code text} as UTF-8 (no BOM) to {@code dir/name}. */
  static Path write(Path dir, String name, String text) {
    return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code text} from a file in {@code dir} with the default options. */
  static Table table(Path dir, String text) {
    return read(dir, text, CsvOptions.defaults()).table();
  }

  static Dataset read(Path dir, String text, CsvOptions options) {
    return CsvTableReader.read(write(dir, "data.csv", text), options);
  }

  /** The column called {@code name}; fails the test when absent. */
  static Column col(Table t, String name) {
    return t.find(name).orElseThrow(() -> new AssertionError("no column " + name + " in "
        + t.columnNames()));
  }

  static NumericColumn num(Table t, String name) {
    return (NumericColumn) col(t, name);
  }

  static CategoricalColumn cat(Table t, String name) {
    return (CategoricalColumn) col(t, name);
  }

  /** All values of a column as canonical text (null for missing). */
  static List<String> texts(Column c) {
    String[] out = new String[c.size()];
    for (int r = 0; r < c.size(); r++) {
      out[r] = c.text(r);
    }
    return Arrays.asList(out);
  }

  /**
   * Quotes a field the RFC-4180 way (doubling inner quotes) when it holds a quote, a line break,
   * any candidate delimiter or outer whitespace; always when {@code force}.
   */
  static String quote(String field, char delimiter, boolean force) {
    boolean needs = force
        || field.chars().anyMatch(c -> c == delimiter || "\"\r\n,;\t|".indexOf(c) >= 0)
        || !field.equals(field.strip());
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
