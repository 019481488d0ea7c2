package org.cpor.performance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a running JVM as an operator sees it: the heap it still uses after a full collection ({@code jcmd
 * <pid> GC.run}, then {@code GC.heap_info}), and its resident set size.
 */
final class Memory {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private Memory() {}

  /** Heap in use right after a full GC, in bytes; -1 when jcmd cannot tell. */
  static long heapAfterFullGc(long pid) {
    jcmd(pid, "GC.run");
    long used = 0;
    boolean found = false;
    for (String line : jcmd(pid, "GC.heap_info").lines().toList()) {
      // the heap's own lines ("garbage-first heap total …, used …K", or each generation's); not Metaspace
      if (line.contains("total") && !line.contains("Metaspace") && !line.contains("class space")) {
        Matcher matcher = USED.matcher(line);
        if (matcher.find()) {
          used += Long.parseLong(matcher.group(1)) * 1024;
          found = true;
        }
      }
    }
    return found ? used : -1;
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      return output;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
