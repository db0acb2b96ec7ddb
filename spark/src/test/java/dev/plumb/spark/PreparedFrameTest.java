package dev.plumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which the data-parallel fold dealing expects Spark to sort class names. */
class PreparedFrameTest {
  @Test
  void classNamesCompareByCodePointsAsTheirUtf8BytesDo() {
    // U+FFFF sorts before U+1F600 by code point and by UTF-8 bytes, after it by UTF-16 units
    List<String> names = new ArrayList<>(List.of("b", "\uD83D\uDE00", "\uFFFF", "a", "ab", ""));
    names.sort(PreparedFrame::compareCodePoints);
    assertThat(names).containsExactly("", "a", "ab", "b", "\uFFFF", "\uD83D\uDE00");
    for (int i = 1; i < names.size(); i++) {
      assertThat(unsignedCompare(names.get(i - 1), names.get(i))).isNegative();
    }
    assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive();
  }

  private static int unsignedCompare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }
}
