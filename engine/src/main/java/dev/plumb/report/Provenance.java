package dev.plumb.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What produced a result besides the data: Plumb's version, the JVM, and the versions of the
 * libraries that did the work, recorded at build time. Immutable.
 *
 * @param plumbVersion this build's version
 * @param libraries library name to version, for the libraries on the class path
 * @param createdAt when the result was made
 */
public record Provenance(String plumbVersion, Map<String, String> libraries, Instant createdAt) {

  private static final String[] LIBRARIES = {"smile", "tribuo", "fastcsv", "jackson",
    "commons-math3", "xchart", "picocli", "hdrhistogram", "jmh", "sqlite-jdbc", "postgresql"};

  /** Defensive copy. */
  public Provenance {
    libraries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
  }

  /**
   * The provenance of this process, now. Library versions are those the build resolved (the
   * enforcer's dependency convergence makes them the ones on the class path).
   */
  public static Provenance current() {
    Properties built = properties("/dev/plumb/version.properties");
    Map<String, String> libs = new LinkedHashMap<>();
    libs.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    for (String lib : LIBRARIES) {
      String v = built.getProperty(lib);
      if (v != null && !v.startsWith("${")) {
        libs.put(lib, v);
      }
    }
    return new Provenance(built.getProperty("plumb.version", "dev"), libs, Instant.now());
  }

  /** The same provenance with {@code more} libraries (a backend's), after this JVM's. */
  public Provenance withLibraries(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(libraries);
    all.putAll(more);
    return new Provenance(plumbVersion, all, createdAt);
  }

  private static Properties properties(String resource) {
    Properties p = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // provenance is best effort: an unreadable resource leaves the version out
    }
    return p;
  }
}
