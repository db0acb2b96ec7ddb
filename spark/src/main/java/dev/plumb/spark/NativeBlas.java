package dev.plumb.spark;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Loads the OpenBLAS that Smile ships before Spark's MLlib can load the system's. MLlib's
 * netlib opens the system {@code libblas.so.3}, which on Debian pulls in the system {@code
 * libopenblas.so.0}; once a library of that name is in the process, Smile's own (which carries
 * LAPACKE) is never loaded, and its first LAPACK call ends the JVM with "undefined symbol:
 * LAPACKE_dgesdd". Loading Smile's first makes both use it. Idempotent and thread-safe.
 */
final class NativeBlas {
  private static volatile boolean loaded;

  private NativeBlas() {}

  static void preload() {
    if (loaded) {
      return;
    }
    synchronized (NativeBlas.class) {
      if (!loaded) {
        Loader.load(openblas.class);
        loaded = true;
      }
    }
  }
}
