package dev.plumb.benchmarks;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one CSV file into a table the way a command-line run would, and prints how long each read
 * took and the heap's peak use. Meant to be run under {@code /usr/bin/time -v} to see the whole
 * process's wall time and peak resident memory.
 *
 * <p>Besides the wall time, each read reports the CPU time of the calling thread (the reader may
 * hand most of the parsing to other threads), the CPU time of the whole process (all threads:
 * parsing, the byte scan, GC and JIT) and the collectors' own time. CPU times change much less than
 * the wall time when other programs compete for the cores, so they show what a read costs even on
 * a busy machine.
 *
 * <p>Usage: {@code ReadOnce FILE.csv [TIMES]}; with {@code TIMES > 1} the later reads show the
 * speed once the JIT has warmed up.
 */
public final class ReadOnce {
  private ReadOnce() {}

  /**
   * Command-line entry point.
   *
   * @param args {@code FILE.csv [TIMES]}
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ReadOnce FILE.csv [TIMES]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int times = args.length == 2 ? Integer.parseInt(args[1]) : 1;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 1; i <= times; i++) {
      long gc0 = gcMillis();
      long proc0 = processCpuNanos();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      Dataset d = CsvTableReader.read(file, CsvOptions.defaults());
      long ms = (System.nanoTime() - start) / 1_000_000;
      long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
      long procMs = (processCpuNanos() - proc0) / 1_000_000;
      long gcMs = gcMillis() - gc0;
      System.out.printf(Locale.ROOT,
          "read %d: %d rows x %d columns in %d ms wall; CPU: calling thread %d ms, whole process %d ms;"
              + " GC %d ms (version %s)%n",
          i, d.table().rowCount(), d.table().columnCount(), ms, cpuMs, procMs, gcMs,
          d.version().id());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT,
        "heap: max %d MB; sum of the heap pools' peak use %d MB (an upper bound of the peak)%n",
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
