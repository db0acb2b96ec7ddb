package dev.plumb.learn.smile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * A dense matrix of rows held off the Java heap, multiplied with blocks of other rows by OpenBLAS
 * {@code dgemm} through Smile's BLAS binding. This is how Plumb's nearest-neighbour search gets
 * its inner products: a blocked matrix product runs about 20 times faster than distances computed
 * one pair at a time.
 *
 * <p>The rows live in a direct buffer because the binding copies Java arrays on every call, which
 * costs as much as the product itself for thin matrices. OpenBLAS is told to use one thread:
 * Plumb already runs folds and learners in parallel, one per core.
 *
 * <p>Immutable after construction and safe to share between threads: {@link #timesBlock} only
 * reads it, and each caller brings its own {@link Block}.
 */
public final class DenseRows {
  static {
    // Plumb parallelizes across fits; OpenBLAS threads on top would oversubscribe the cores.
    org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(1);
  }

  private final DoubleBuffer rows;
  private final int count;
  private final int width;

  private DenseRows(DoubleBuffer rows, int count, int width) {
    this.rows = rows;
    this.count = count;
    this.width = width;
  }

  /**
   * Copies {@code x} (every row {@code width} long) off the heap.
   *
   * @throws IllegalArgumentException when a row has another length
   */
  public static DenseRows of(double[][] x, int width) {
    DoubleBuffer b = direct((long) x.length * width);
    for (double[] row : x) {
      if (row.length != width) {
        throw new IllegalArgumentException("row of " + row.length + " values, expected " + width);
      }
      b.put(row);
    }
    b.rewind();
    return new DenseRows(b, x.length, width);
  }

  /** Number of rows. */
  public int count() {
    return count;
  }

  /** Values per row. */
  public int width() {
    return width;
  }

  /**
   * Inner products of query rows with a range of these rows: afterwards
   * {@code out.product(q, j - from)} is the inner product of query {@code q} with row {@code j}.
   *
   * @param queries the query block, filled by {@link Block#load}
   * @param from first row of this matrix
   * @param to end of the row range, exclusive; at most {@code from + out.columns()}
   * @param out where the products go
   */
  public void timesBlock(Block queries, int from, int to, Block out) {
    int n = to - from;
    if (n <= 0 || n > out.capacityColumns || queries.rows == 0) {
      throw new IllegalArgumentException("row range [" + from + ", " + to + ") for a block of "
          + out.capacityColumns);
    }
    DoubleBuffer b = rows.duplicate();
    b.position(from * width);
    out.rows = queries.rows;
    out.columns = n;
    BLAS.getInstance().gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE,
        queries.rows, n, width, 1.0, queries.values, width, b, width, 0.0, out.values, n);
  }

  private static DoubleBuffer direct(long doubles) {
    if (doubles * Double.BYTES > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("matrix of " + doubles + " values is too large");
    }
    return ByteBuffer.allocateDirect((int) (doubles * Double.BYTES)).order(ByteOrder.nativeOrder())
        .asDoubleBuffer();
  }

  /**
   * A reusable off-heap scratch block of {@code rows x columns} values, row-major: either query
   * rows to multiply, or the products. One thread's scratch; not thread-safe.
   */
  public static final class Block {
    private final DoubleBuffer values;
    private final int capacityRows;
    private final int capacityColumns;
    private int rows;
    private int columns;

    /** Room for {@code rows x columns} values. */
    public Block(int rows, int columns) {
      this.values = direct((long) rows * columns);
      this.capacityRows = rows;
      this.capacityColumns = columns;
    }

    /** Copies {@code x[from..to)} (each {@code columns} long) in as the block's rows. */
    public void load(double[][] x, int from, int to) {
      if (to - from > capacityRows) {
        throw new IllegalArgumentException((to - from) + " rows for a block of " + capacityRows);
      }
      values.clear();
      for (int i = from; i < to; i++) {
        values.put(x[i], 0, capacityColumns);
      }
      values.rewind();
      rows = to - from;
      columns = capacityColumns;
    }

    /**
     * Copies row {@code row} of the last product or load into {@code into}, which must hold
     * {@link #columns()} values.
     */
    public void copyRow(int row, double[] into) {
      values.get(row * columns, into, 0, columns);
    }

    /** The value at ({@code row}, {@code column}) of the last product or load. */
    public double get(int row, int column) {
      return values.get(row * columns + column);
    }

    /** Rows filled by the last product or load. */
    public int rows() {
      return rows;
    }

    /** Columns filled by the last product or load. */
    public int columns() {
      return columns;
    }
  }
}
