package dev.plumb.data;

/**
 * Parses the strict number grammar of CSV cells, {@code [+-]?(d+[.d*]|.d+)([eE][+-]?d+)?}, without
 * allocating for the common case. Rejects what {@link Double#parseDouble} would also take but a
 * CSV cell should not mean as a number ({@code NaN}, {@code Infinity}, hex, {@code 1d}).
 *
 * <p>Short decimals are converted exactly by one multiplication or division of two exactly
 * representable doubles (Clinger's fast path), which IEEE 754 rounds correctly; anything longer
 * goes to {@link Double#parseDouble}. Not thread-safe: each reader thread owns one.
 */
final class NumberParser {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private final char decimalMark;

  /** The value of the last successful parse. */
  double value;

  /** Whether the last parsed token looked like a code rather than a quantity (e.g. "007"). */
  boolean codeLike;

  NumberParser(char decimalMark) {
    this.decimalMark = decimalMark;
  }

  /** Parses {@code buf[off, off+len)}, already trimmed; returns false when it is not a number. */
  boolean parse(char[] buf, int off, int len) {
    codeLike = false;
    int i = off;
    int end = off + len;
    if (i == end) {
      return false;
    }
    boolean negative = false;
    char c = buf[i];
    if (c == '+' || c == '-') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int intDigits = 0;
    int fracDigits = 0;
    int droppedIntDigits = 0;
    int firstDigit = i;
    while (i < end && (c = buf[i]) >= '0' && c <= '9') {
      if (significant < 18) {
        mantissa = mantissa * 10 + (c - '0');
        if (mantissa != 0) {
          significant++;
        }
      } else {
        droppedIntDigits++;
      }
      intDigits++;
      i++;
    }
    boolean fraction = false;
    int fracSignificant = 0;
    boolean fracTruncated = false;
    if (i < end && buf[i] == decimalMark) {
      fraction = true;
      i++;
      while (i < end && (c = buf[i]) >= '0' && c <= '9') {
        if (significant < 18) {
          mantissa = mantissa * 10 + (c - '0');
          if (mantissa != 0) {
            significant++;
          }
          fracSignificant++;
        } else if (c != '0') {
          fracTruncated = true;
        }
        fracDigits++;
        i++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    int exponent = 0;
    boolean hasExponent = false;
    if (i < end && ((c = buf[i]) == 'e' || c == 'E')) {
      hasExponent = true;
      i++;
      boolean expNegative = false;
      if (i < end && ((c = buf[i]) == '+' || c == '-')) {
        expNegative = c == '-';
        i++;
      }
      int expStart = i;
      while (i < end && (c = buf[i]) >= '0' && c <= '9') {
        if (exponent < 100_000) {
          exponent = exponent * 10 + (c - '0');
        }
        i++;
      }
      if (i == expStart) {
        return false;
      }
      if (expNegative) {
        exponent = -exponent;
      }
    }
    if (i != end) {
      return false;
    }
    if (!fraction && !hasExponent && intDigits > 1 && buf[firstDigit] == '0' && intDigits >= 3) {
      codeLike = true; // zero-padded codes such as 007 or 02134 lose their meaning as numbers
    }
    if (!fraction && !hasExponent && intDigits > 15) {
      codeLike = true; // identifiers this long do not survive a double
    }
    int e10 = exponent - fracSignificant + droppedIntDigits;
    if (!fracTruncated && droppedIntDigits == 0 && significant <= 15 && e10 >= -22 && e10 <= 22) {
      double m = mantissa;
      value = e10 < 0 ? m / POW10[-e10] : m * POW10[e10];
      if (negative) {
        value = -value;
      }
      return true;
    }
    String text = new String(buf, off, len);
    if (decimalMark != '.') {
      text = text.replace(decimalMark, '.');
    }
    value = Double.parseDouble(text);
    return !Double.isInfinite(value);
  }
}
