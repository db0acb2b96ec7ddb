package dev.plumb.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests of the HTML reports share: fixed provenance and ways to pick a page apart. */
final class HtmlReportFixtures {
  /** An {@code <img>} tag. */
  static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");
  /** An SVG data URI in a {@code src} attribute; group 1 is its base64 text. */
  static final Pattern SVG_URI =
      Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"");
  /** An attribute that could load something; group 1 is its value. */
  static final Pattern URL_ATTRIBUTE =
      Pattern.compile("\\b(?:src|href|action|poster|srcset)\\s*=\\s*\"([^\"]*)\"",
          Pattern.CASE_INSENSITIVE);

  private HtmlReportFixtures() {}

  /** A fixed version, libraries and time, so that pages can be compared with text. */
  static Provenance provenance() {
    Map<String, String> libs = new LinkedHashMap<>();
    libs.put("java", "17");
    libs.put("xchart", "3.8.8");
    return new Provenance("9.9.9-test", libs, Instant.parse("2024-05-06T07:08:09Z"));
  }

  /** The SVG documents embedded in {@code html}, decoded, in page order. */
  static List<String> svgDocuments(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = SVG_URI.matcher(html);
    while (m.find()) {
      out.add(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
    }
    return out;
  }
}
