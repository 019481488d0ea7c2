package org.cpor.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark's figures as Markdown: sections, tables and lines, printed as they come (a long run shows its progress)
 * and written to one file at the end, ready to be copied into docs/PERFORMANCE.md.
 */
final class Report {

  private final StringBuilder text = new StringBuilder();
  private final Path file;

  Report(Path file) {
    this.file = file;
  }

  Report section(String title) {
    return add("\n### " + title + "\n");
  }

  Report line(String line) {
    return add(line);
  }

  Report table(String... headers) {
    add("| " + String.join(" | ", headers) + " |");
    return add("|" + Arrays.stream(headers).map(h -> "---").collect(Collectors.joining("|")) + "|");
  }

  Report row(Object... cells) {
    return add("| " + Arrays.stream(cells).map(Report::format).collect(Collectors.joining(" | ")) + " |");
  }

  private synchronized Report add(String line) {
    System.out.println(line);
    text.append(line).append('\n');
    return this;
  }

  /** Writes everything so far to the file. */
  synchronized void write() {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String format(Object value) {
    if (value instanceof Double number) {
      if (number.isNaN()) {
        return "n/a";
      }
      return String.format(Locale.ROOT, Math.abs(number) >= 100 ? "%.0f" : Math.abs(number) >= 10 ? "%.1f" : "%.2f", number);
    }
    if (value instanceof java.time.Duration duration) {
      return duration.toMillis() < 10_000 ? duration.toMillis() + " ms" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
    return String.valueOf(value).replace("|", "\\|");
  }

  /** {@code a / b} with two decimals and an "×", or n/a. */
  static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ×", a / b);
  }

  static String megabytes(long bytes) {
    return bytes < 0 ? "n/a" : (bytes / (1024 * 1024)) + " MB";
  }
}
