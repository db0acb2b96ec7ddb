package dev.plumb.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Kolmogorov–Smirnov test against the quantile grid. */
class DriftKsTest {
  private static double[] gaussian(long seed, int n, double mean) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, n).mapToDouble(i -> mean + random.nextGaussian()).toArray();
  }

  /**
   * Triangular samples u1 + u2 + shift from a 64-bit LCG (Knuth's MMIX constants) whose uniforms
   * are exact multiples of 2^-53, so Python reproduces them bit for bit:
   * <pre>
   * def lcg(seed, n):
   *     s, out = seed, []
   *     for _ in range(n):
   *         s = (s * 6364136223846793005 + 1442695040888963407) &amp; (2**64 - 1)
   *         out.append((s &gt;&gt; 11) * 2.0**-53)
   *     return out
   * def tri(seed, n, shift):
   *     u = lcg(seed, 2 * n)
   *     return np.array([u[2*i] + u[2*i+1] + shift for i in range(n)])
   * </pre>
   */
  private static double[] triangular(long seed, int n, double shift) {
    long s = seed;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      s = s * 6364136223846793005L + 1442695040888963407L;
      double u1 = (s >>> 11) * 0x1.0p-53;
      s = s * 6364136223846793005L + 1442695040888963407L;
      double u2 = (s >>> 11) * 0x1.0p-53;
      out[i] = u1 + u2 + shift;
    }
    return out;
  }

  @Test
  void theSameDistributionIsNotFlagged() {
    FeatureDrift d = DriftPsiTest.only(gaussian(1, 2000, 0), gaussian(2, 2000, 0));
    assertThat(d.test().orElseThrow().method()).isEqualTo(DriftTest.Method.KS);
    assertThat(d.test().orElseThrow().pValue()).isGreaterThan(0.01);
    assertThat(d.severity()).isEqualTo(DriftSeverity.NONE);
    assertThat(d.flagged()).isFalse();
  }

  @Test
  void aShiftOfHalfAStandardDeviationIsFlagged() {
    FeatureDrift d = DriftPsiTest.only(gaussian(1, 2000, 0), gaussian(2, 2000, 0.5));
    assertThat(d.test().orElseThrow().pValue()).isLessThan(1e-6);
    assertThat(d.flagged()).isTrue();
    assertThat(d.reason()).startsWith("x: ").contains("KS D=").contains("p<1e-12")
        .contains("median");
  }

  @Test
  void distanceMatchesScipyOnTheFullSamplesToTheGridResolution() {
    double[] train = triangular(1, 2000, 0);
    assertThat(train[0]).isCloseTo(0.93261661, within(1e-8)); // same numbers as in Python
    // scipy 1.10.1: stats.ks_2samp(tri(1, 2000, 0.0), tri(2, 2000, 0.2)).statistic == 0.2005
    FeatureDrift shifted = DriftPsiTest.only(train, triangular(2, 2000, 0.2));
    assertThat(shifted.test().orElseThrow().statistic()).isCloseTo(0.2005, within(0.012));
    // scipy 1.10.1: stats.ks_2samp(tri(1, 2000, 0.0), tri(3, 2000, 0.0)).statistic == 0.027
    FeatureDrift same = DriftPsiTest.only(train, triangular(3, 2000, 0));
    assertThat(same.test().orElseThrow().statistic()).isCloseTo(0.027, within(0.012));
  }

  @Test
  void quantilesFollowDefinitionOne() {
    double[] values = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
    List<Double> q = QuantileGrid.of(values);
    // numpy 1.24.2: np.quantile(np.arange(1, 1001), [0, .1, .5, .99, 1],
    //     method="inverted_cdf") == [1, 100, 500, 990, 1000]
    assertThat(List.of(q.get(0), q.get(10), q.get(50), q.get(99), q.get(100)))
        .containsExactly(1.0, 100.0, 500.0, 990.0, 1000.0);
  }

  @Test
  void theGridDistributionFunctionJumpsAtTies() {
    double[] values = new double[100];
    Arrays.fill(values, 50, 100, 1.0); // half zeros, half ones
    QuantileGrid grid = new QuantileGrid(QuantileGrid.of(values));
    assertThat(grid.cdfBelow(0)).isZero();
    assertThat(grid.cdf(0)).isEqualTo(0.5);
    assertThat(grid.cdfBelow(1)).isEqualTo(0.51);
    assertThat(grid.cdf(1)).isEqualTo(1.0);
    assertThat(grid.ksDistance(values)).isCloseTo(0, within(0.0101));
  }
}
