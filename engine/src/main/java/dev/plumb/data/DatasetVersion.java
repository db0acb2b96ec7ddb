package dev.plumb.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a dataset, so that every result can say which data produced it.
 *
 * <p>{@code contentSha256} depends only on the values: the same rows in another order, with other
 * quoting, line endings or number spelling ({@code 1.0} vs {@code 1}), or with the columns in
 * another order, give the same hash; one changed cell gives another. It is the SHA-256 of the
 * column names (sorted) followed by the sorted 64-bit digests of the rows, each row digest mixing
 * its cells in column-name order (numbers by value, text by its characters, missing as a marker).
 * {@code bytesSha256} is the SHA-256 of the exact file; {@code schemaSha256} that of the column
 * names and types in file order. {@code id} is the first 12 hex digits of the content hash.
 *
 * @param id short version id shown in every output
 * @param contentSha256 order- and format-independent hash of the values
 * @param bytesSha256 hash of the exact bytes ({@code null}-free; for in-memory tables, empty)
 * @param schemaSha256 hash of the names and types in order
 * @param rows number of rows
 * @param columns number of columns
 */
public record DatasetVersion(
    String id, String contentSha256, String bytesSha256, String schemaSha256, int rows, int columns) {

  /** Computes the version of {@code table} whose file had the given byte hash. */
  public static DatasetVersion of(Table table, String bytesSha256) {
    String content = contentHash(table);
    return new DatasetVersion(
        content.substring(0, 12),
        content,
        bytesSha256,
        schemaHash(table),
        table.rowCount(),
        table.columnCount());
  }

  static String contentHash(Table table) {
    List<Column> byName = new ArrayList<>(table.columns());
    byName.sort(Comparator.comparing(Column::name));
    long[] rows = RowDigests.of(byName);
    Arrays.parallelSort(rows);
    MessageDigest sha = sha256();
    for (Column c : byName) {
      sha.update(c.name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    byte[] block = new byte[8 * 1024];
    int k = 0;
    for (long h : rows) {
      for (int b = 0; b < 8; b++) {
        block[k++] = (byte) (h >>> (56 - 8 * b));
      }
      if (k == block.length) {
        sha.update(block, 0, k);
        k = 0;
      }
    }
    sha.update(block, 0, k);
    return HexFormat.of().formatHex(sha.digest());
  }

  static String schemaHash(Table table) {
    MessageDigest sha = sha256();
    for (Column c : table.columns()) {
      sha.update(c.name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(c.type().label().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
