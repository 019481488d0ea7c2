package org.cpor.performance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time as Linux counts it in {@code /proc/<pid>/stat} (user + system, in clock ticks of 10 ms): of one process
 * (the application's JVM, or this one), and of the local PostgreSQL server — every live {@code postgres} process plus
 * what the postmaster has collected from the backends that already ended. Answers -1 where there is no such
 * process (PostgreSQL on another machine).
 */
public final class Cpu {

  /** USER_HZ: 100 on every Linux this runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private Cpu() {}

  /** User + system CPU of the process so far, in nanoseconds; -1 when it is gone. */
  public static long ofProcess(long pid) {
    long[] fields = stat(Path.of("/proc", Long.toString(pid), "stat"));
    return fields == null ? -1 : (fields[0] + fields[1]) * NANOS_PER_TICK;
  }

  public static long ofThisProcess() {
    return ofProcess(ProcessHandle.current().pid());
  }

  /**
   * User + system CPU of the PostgreSQL server on this machine so far, in nanoseconds: its live processes, and the
   * postmaster's children that ended (their time is added to the postmaster's {@code cutime}/{@code cstime}).
   */
  public static long ofPostgres() {
    long ticks = 0;
    boolean found = false;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit) || !isPostgres(process)) {
          continue;
        }
        long[] fields = stat(process.resolve("stat"));
        if (fields == null) {
          continue;
        }
        found = true;
        ticks += fields[0] + fields[1];
        if (!isPostgres(Path.of("/proc", Long.toString(fields[4])))) {
          // the postmaster: its parent is not PostgreSQL; it holds the time of the backends that ended
          ticks += fields[2] + fields[3];
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return found ? ticks * NANOS_PER_TICK : -1;
  }

  private static boolean isPostgres(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip().startsWith("postgres");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** utime, stime, cutime, cstime, ppid of a {@code stat} file; null when it cannot be read. */
  private static long[] stat(Path file) {
    try {
      String text = Files.readString(file);
      // the command name is in parentheses and may hold spaces: count fields after its closing one
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      // fields after the name, counted from 0: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
          Long.parseLong(fields[14]), Long.parseLong(fields[1])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Resident set size of a process in bytes ({@code VmRSS}); -1 when unknown. */
  public static long residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
