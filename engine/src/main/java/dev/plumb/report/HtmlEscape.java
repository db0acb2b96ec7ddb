package dev.plumb.report;

/**
 * Escapes text for HTML, so that file paths, column names, values and messages from the data are
 * shown as written and can never become markup. One function serves both contexts: escaping
 * {@code & < > " '} is safe in element text and in quoted attribute values alike. Control
 * characters other than tab, line feed and carriage return, which HTML does not allow, become
 * U+FFFD. Stateless and thread-safe.
 */
final class HtmlEscape {
  private HtmlEscape() {}

  /** {@code s} escaped for element text or a quoted attribute value; null becomes empty. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '\t', '\n', '\r' -> null;
        default -> c < 0x20 || (c >= 0x7F && c <= 0x9F) ? "\uFFFD" : null;
      };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
