package dev.plumb.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;

/**
 * Reads ISO-8601 dates ({@code 2024-03-01}) and date-times ({@code 2024-03-01T12:30},
 * {@code 2024-03-01 12:30:05.5}, with an optional {@code Z} or offset) as epoch seconds. Local
 * date-times are read as UTC. Stateless and thread-safe.
 */
public final class TemporalParser {
  private TemporalParser() {}

  /** Epoch seconds of {@code s}, or empty when it is not an ISO-8601 date or date-time. */
  public static OptionalDouble epochSeconds(String s) {
    String t = s.strip();
    if (t.length() < 10 || !looksLikeDate(t)) {
      return OptionalDouble.empty();
    }
    try {
      if (t.length() == 10) {
        return OptionalDouble.of(LocalDate.parse(t).toEpochDay() * 86_400.0);
      }
      char sep = t.charAt(10);
      if (sep != 'T' && sep != ' ') {
        return OptionalDouble.empty();
      }
      String iso = t.substring(0, 10) + 'T' + t.substring(11);
      char last = iso.charAt(iso.length() - 1);
      boolean offset =
          last == 'Z' || (iso.length() > 19 && (iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10));
      if (offset) {
        OffsetDateTime odt = OffsetDateTime.parse(iso);
        return OptionalDouble.of(odt.toEpochSecond() + odt.getNano() / 1e9);
      }
      LocalDateTime ldt = LocalDateTime.parse(iso);
      return OptionalDouble.of(ldt.toEpochSecond(ZoneOffset.UTC) + ldt.getNano() / 1e9);
    } catch (DateTimeParseException e) {
      return OptionalDouble.empty();
    }
  }

  /** Whether {@code s} is a date without a time of day. */
  static boolean isDateOnly(String s) {
    return s.strip().length() == 10;
  }

  private static boolean looksLikeDate(String t) {
    for (int i = 0; i < 4; i++) {
      if (!Character.isDigit(t.charAt(i))) {
        return false;
      }
    }
    return t.charAt(4) == '-' && t.charAt(7) == '-';
  }
}
