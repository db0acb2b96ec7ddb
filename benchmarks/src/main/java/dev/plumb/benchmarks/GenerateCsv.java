package dev.plumb.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic, deterministic CSV file of the shape Plumb is benchmarked on: a header, 20
 * numeric columns {@code f01..f20} (decimals with 4 to 6 significant digits, some negative, two of
 * them integers), two categorical columns ({@code region} with 5 levels, {@code product} with 50)
 * and a binary target {@code target} ({@code yes}/{@code no}) that depends on a few features plus
 * noise. No value is missing or quoted. One million rows make about 185 MB.
 *
 * <p>Usage: {@code GenerateCsv OUT.csv ROWS [SEED]}. The same rows and seed give the same bytes.
 */
public final class GenerateCsv {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 20_260_101L;

  private static final String[] REGIONS = {"north_america", "europe", "asia_pacific", "latin_america", "middle_east"};
  private static final double[] REGION_EFFECT = {0.4, -0.3, 0.1, -0.2, 0.0};
  private static final String[] PRODUCTS = new String[50];

  static {
    for (int i = 0; i < PRODUCTS.length; i++) {
      PRODUCTS[i] = String.format(java.util.Locale.ROOT, "product_%03d", i + 1);
    }
  }

  /** Decimal places of each numeric column; 0 marks an integer column. */
  private static final int[] DECIMALS = {5, 4, 5, 6, 0, 1, 4, 3, 3, 6, 5, 0, 2, 5, 5, 4, 6, 4, 4, 5};

  private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  private static final long[] POW10_LONG = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final int FLUSH_AT = (1 << 20) - 4096;

  private final SplittableRandom random;
  private final byte[] buf = new byte[1 << 20];
  private int pos;

  private GenerateCsv(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Command-line entry point.
   *
   * @param args {@code OUT.csv ROWS [SEED]}
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: GenerateCsv OUT.csv ROWS [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int rows = Integer.parseInt(args[1].replace("_", ""));
    long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    long start = System.nanoTime();
    write(out, rows, seed);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(java.util.Locale.ROOT, "wrote %s: %d rows, %d bytes in %d ms%n",
        out, rows, Files.size(out), ms);
  }

  /**
   * Writes {@code rows} data rows (plus the header) to {@code out}, replacing it, creating parent
   * directories as needed.
   *
   * @param out the file to write
   * @param rows number of data rows
   * @param seed the random seed
   * @throws IOException when the file cannot be written
   */
  public static void write(Path out, int rows, long seed) throws IOException {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      new GenerateCsv(seed).writeTo(os, rows);
    }
  }

  private void writeTo(OutputStream os, int rows) throws IOException {
    StringBuilder header = new StringBuilder();
    for (int c = 1; c <= DECIMALS.length; c++) {
      header.append(c < 10 ? "f0" : "f").append(c).append(',');
    }
    header.append("region,product,target\n");
    ascii(header.toString());
    double[] f = new double[DECIMALS.length];
    for (int r = 0; r < rows; r++) {
      f[0] = gauss(); // standard normal
      f[1] = 50 + 15 * gauss();
      f[2] = 3 * gauss();
      f[3] = random.nextDouble(); // uniform [0, 1)
      f[4] = 18 + random.nextInt(73); // age 18..90
      f[5] = Math.exp(10.8 + 0.5 * gauss()); // income-like, log-normal
      f[6] = 10 * gauss();
      f[7] = -40 * Math.log(1 - random.nextDouble()); // exponential, mean 40
      f[8] = 100 + 20 * gauss();
      f[9] = 2 * random.nextDouble() - 1;
      f[10] = gauss();
      f[11] = random.nextInt(100_000);
      f[12] = 1000 + 300 * gauss();
      f[13] = -Math.log(1 - random.nextDouble()); // exponential
      f[14] = -5 + 2 * gauss();
      f[15] = 100 * random.nextDouble() - 50;
      f[16] = 0.1 * gauss();
      f[17] = 100 * random.nextDouble();
      f[18] = 20 + 5 * gauss();
      f[19] = f[0] * 0.7 + 0.3 * gauss() + 7; // correlated with f01
      for (int c = 0; c < f.length; c++) {
        number(f[c], DECIMALS[c]);
        buf[pos++] = ',';
      }
      int region = random.nextInt(REGIONS.length);
      ascii(REGIONS[region]);
      buf[pos++] = ',';
      ascii(PRODUCTS[skewedProduct()]);
      buf[pos++] = ',';
      double logit =
          1.2 * f[0] - 0.25 * f[2] + 0.03 * (f[4] - 54) + REGION_EFFECT[region] - 0.02 * f[6];
      double noise = logistic();
      ascii(logit + noise > 0 ? "yes" : "no");
      buf[pos++] = '\n';
      if (pos >= FLUSH_AT) {
        os.write(buf, 0, pos);
        pos = 0;
      }
    }
    os.write(buf, 0, pos);
    pos = 0;
  }

  /** Product index: a few products are much more common than the others. */
  private int skewedProduct() {
    double u = random.nextDouble();
    return (int) (PRODUCTS.length * u * u);
  }

  private double gauss() {
    // Box-Muller; one value per call keeps the stream simple and deterministic.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private double logistic() {
    double u = random.nextDouble();
    while (u == 0) {
      u = random.nextDouble();
    }
    return Math.log(u / (1 - u));
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  /** Appends {@code v} rounded to {@code decimals} places, without exponent. */
  private void number(double v, int decimals) {
    long scaled = Math.round(v * POW10[decimals]);
    if (scaled < 0) {
      buf[pos++] = '-';
      scaled = -scaled;
    }
    long intPart = scaled / POW10_LONG[decimals];
    long frac = scaled % POW10_LONG[decimals];
    digits(intPart, 1);
    if (decimals > 0) {
      buf[pos++] = '.';
      digits(frac, decimals);
    }
  }

  /** Appends {@code n} (non-negative) with at least {@code width} digits, zero-padded. */
  private void digits(long n, int width) {
    int len = 1;
    for (long t = n / 10; t > 0; t /= 10) {
      len++;
    }
    len = Math.max(len, width);
    for (int i = pos + len - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + n % 10);
      n /= 10;
    }
    pos += len;
  }
}
