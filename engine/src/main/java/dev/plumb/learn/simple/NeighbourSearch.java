package dev.plumb.learn.simple;

import dev.plumb.learn.smile.DenseRows;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact k-nearest-neighbour search by Euclidean distance over fixed reference rows, in batches.
 *
 * <p>Squared distances expand to {@code |q|² + |x|² - 2 q·x}; the inner products for a block of
 * queries against a block of reference rows come from one matrix product ({@link DenseRows}), the
 * way scikit-learn's brute-force search works. That expansion loses a little precision, so it only
 * shortlists: every reference row whose expanded distance is within a rounding bound of the k-th
 * best is kept, the shortlist's distances are recomputed directly, and the k nearest are taken by
 * (exact squared distance, row index). The result is the same as a direct search with ties broken
 * towards the lower row index.
 *
 * <p>Serializable as its rows only: a loaded search copies them off the heap again, so a saved
 * model never holds a direct buffer.
 *
 * <p>Immutable and thread-safe; each {@link #nearest} call uses its own scratch memory.
 */
final class NeighbourSearch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Fewer queries than this are searched directly, without a matrix product. */
  static final int DIRECT_BELOW = 8;
  /** Queries per matrix product. */
  private static final int QUERY_BLOCK = 64;
  /** Reference rows per matrix product: 64 x 2,048 products take 1 MiB, about one L2 cache. */
  private static final int ROW_BLOCK = 2048;
  /** Relative rounding bound of the expanded distance, far above double rounding of a few terms. */
  private static final double SLACK = 1e-9;

  private final double[][] rows;
  private final transient DenseRows dense;
  private final transient double[] squaredNorms;
  private final double maxSquaredNorm;
  private final int width;

  /**
   * Search over {@code rows} (kept, not copied: they must not change), each {@code width} long.
   */
  NeighbourSearch(double[][] rows, int width) {
    this.rows = rows;
    this.width = width;
    this.dense = DenseRows.of(rows, width);
    this.squaredNorms = new double[rows.length];
    double max = 0;
    for (int i = 0; i < rows.length; i++) {
      squaredNorms[i] = dot(rows[i], rows[i]);
      max = Math.max(max, squaredNorms[i]);
    }
    this.maxSquaredNorm = max;
  }

  /** Values per row. */
  int width() {
    return width;
  }

  /** Number of reference rows. */
  int size() {
    return rows.length;
  }

  /**
   * The indices of the {@code k} reference rows nearest to each query, nearest first.
   *
   * @param queries rows of the same width as the reference rows
   * @param k how many; at most {@link #size()}
   */
  int[][] nearest(double[][] queries, int k) {
    if (k < 1 || k > rows.length) {
      throw new IllegalArgumentException("k = " + k + " for " + rows.length + " rows");
    }
    int[][] out = new int[queries.length][];
    if (width == 0) {
      // no features: every row is at distance 0, so the first k win the tie
      for (int q = 0; q < queries.length; q++) {
        out[q] = new int[k];
        Arrays.setAll(out[q], i -> i);
      }
      return out;
    }
    if (queries.length < DIRECT_BELOW) {
      for (int q = 0; q < queries.length; q++) {
        out[q] = direct(queries[q], k);
      }
      return out;
    }
    DenseRows.Block queryBlock = new DenseRows.Block(QUERY_BLOCK, width);
    DenseRows.Block products = new DenseRows.Block(QUERY_BLOCK, ROW_BLOCK);
    double[] product = new double[ROW_BLOCK];
    Shortlist[] lists = new Shortlist[QUERY_BLOCK];
    for (int i = 0; i < QUERY_BLOCK; i++) {
      lists[i] = new Shortlist(k);
    }
    for (int from = 0; from < queries.length; from += QUERY_BLOCK) {
      int to = Math.min(queries.length, from + QUERY_BLOCK);
      queryBlock.load(queries, from, to);
      for (int q = from; q < to; q++) {
        lists[q - from].reset(SLACK * (dot(queries[q], queries[q]) + maxSquaredNorm));
      }
      for (int start = 0; start < rows.length; start += ROW_BLOCK) {
        int end = Math.min(rows.length, start + ROW_BLOCK);
        dense.timesBlock(queryBlock, start, end, products);
        for (int q = 0; q < to - from; q++) {
          products.copyRow(q, product);
          lists[q].offerAll(squaredNorms, product, start, end);
        }
      }
      for (int q = from; q < to; q++) {
        out[q] = lists[q - from].exact(queries[q], rows, k);
      }
    }
    return out;
  }

  private Object writeReplace() {
    return new SerialForm(rows, width);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a neighbour search is read through its serial form");
  }

  /** What a saved search holds: the reference rows and their width. */
  private record SerialForm(double[][] rows, int width) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new NeighbourSearch(rows, width);
    }
  }

  /**
   * A direct search for one query: exact squared distances to every row, the k smallest kept in
   * order by (distance, row index). Cheaper than a matrix product for a handful of queries, such
   * as one row at a time in production.
   */
  private int[] direct(double[] query, int k) {
    double[] bestD = new double[k];
    int[] bestR = new int[k];
    int size = 0;
    for (int j = 0; j < rows.length; j++) {
      double d = squaredDistance(query, rows[j]);
      if (size == k && d >= bestD[k - 1]) {
        continue; // equal distance: the earlier row stays ahead
      }
      int at = size < k ? size++ : k - 1;
      while (at > 0 && bestD[at - 1] > d) {
        bestD[at] = bestD[at - 1];
        bestR[at] = bestR[at - 1];
        at--;
      }
      bestD[at] = d;
      bestR[at] = j;
    }
    return bestR;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }

  /**
   * The best k candidates by expanded distance in a max-heap, plus every candidate that came
   * within the slack of the heap's worst when it was seen; at the end, those still within the
   * slack of the final k-th best are re-ranked exactly.
   */
  private static final class Shortlist {
    private final int k;
    private final double[] heapKey;
    private final int[] heapRow;
    private int size;
    private double[] nearKey = new double[16];
    private int[] nearRow = new int[16];
    private int nearSize;
    private double slack;

    Shortlist(int k) {
      this.k = k;
      this.heapKey = new double[k];
      this.heapRow = new int[k];
    }

    void reset(double slack) {
      this.slack = slack;
      size = 0;
      nearSize = 0;
    }

    /**
     * Offers rows {@code from..to}: their key {@code |x|² - 2 q·x} orders them as the squared
     * distance does ({@code |q|²} is the same for all); {@code product[j - from]} is q·x.
     */
    void offerAll(double[] squaredNorms, double[] product, int from, int to) {
      double bar = size < k ? Double.POSITIVE_INFINITY : heapKey[0] + slack;
      for (int j = from; j < to; j++) {
        double key = squaredNorms[j] - 2 * product[j - from];
        if (key <= bar) {
          offer(key, j);
          bar = size < k ? Double.POSITIVE_INFINITY : heapKey[0] + slack;
        }
      }
    }

    private void offer(double key, int row) {
      if (size < k) {
        heapKey[size] = key;
        heapRow[size] = row;
        siftUp(size++);
        return;
      }
      double worst = heapKey[0];
      if (key < worst) {
        keepNear(worst, heapRow[0]);
        heapKey[0] = key;
        heapRow[0] = row;
        siftDown();
      } else if (key <= worst + slack) {
        keepNear(key, row);
      }
    }

    private void keepNear(double key, int row) {
      if (nearSize == nearKey.length) {
        nearKey = Arrays.copyOf(nearKey, nearSize * 2);
        nearRow = Arrays.copyOf(nearRow, nearSize * 2);
      }
      nearKey[nearSize] = key;
      nearRow[nearSize++] = row;
    }

    int[] exact(double[] query, double[][] rows, int k) {
      double limit = heapKey[0] + slack;
      int n = size;
      double[] distance = new double[size + nearSize];
      int[] row = new int[size + nearSize];
      for (int i = 0; i < size; i++) {
        row[i] = heapRow[i];
      }
      for (int i = 0; i < nearSize; i++) {
        if (nearKey[i] <= limit) {
          row[n++] = nearRow[i];
        }
      }
      for (int i = 0; i < n; i++) {
        distance[i] = squaredDistance(query, rows[row[i]]);
      }
      Integer[] idx = new Integer[n];
      Arrays.setAll(idx, i -> i);
      Arrays.sort(idx, (a, b) -> {
        int c = Double.compare(distance[a], distance[b]);
        return c != 0 ? c : Integer.compare(row[a], row[b]);
      });
      int[] out = new int[k];
      for (int i = 0; i < k; i++) {
        out[i] = row[idx[i]];
      }
      return out;
    }

    private void siftUp(int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (heapKey[parent] >= heapKey[i]) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void siftDown() {
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int big = i;
        if (l < size && heapKey[l] > heapKey[big]) {
          big = l;
        }
        if (r < size && heapKey[r] > heapKey[big]) {
          big = r;
        }
        if (big == i) {
          return;
        }
        swap(i, big);
        i = big;
      }
    }

    private void swap(int a, int b) {
      double key = heapKey[a];
      heapKey[a] = heapKey[b];
      heapKey[b] = key;
      int row = heapRow[a];
      heapRow[a] = heapRow[b];
      heapRow[b] = row;
    }
  }
}
