package org.cpor.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a test measured and what it checked, as one table: printed on stdout and written to
 * {@code target/reliability/<name>.md}, ready to be copied into docs/RELIABILITY.md. A check that fails is recorded
 * first and fails the test at the end ({@link #assertChecksPass()}), so that the table always shows every figure.
 */
public final class Figures {

  private record Row(String what, String value, String verdict) {}

  private final String name;
  private final String title;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Instant started = Instant.now();

  public Figures(String name, String title) {
    this.name = name;
    this.title = title;
    add("machine load at the start (1, 5, 15 min averages; " + Runtime.getRuntime().availableProcessors() + " cores)", loadAverage());
  }

  /** The machine's load averages (Linux), so that figures from a busy machine are read as such. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** A measured figure. */
  public synchronized Figures add(String what, Object value) {
    rows.add(new Row(what, format(value), ""));
    return this;
  }

  /** A check: what the user cares about, what was found, and whether that is what the product promises. */
  public synchronized boolean check(String what, Object found, boolean passes) {
    rows.add(new Row(what, format(found), passes ? "ok" : "**FAILS**"));
    return passes;
  }

  /** A line below the table (what a failure looked like, an example, an explanation). */
  public synchronized Figures note(String text) {
    notes.add(text);
    return this;
  }

  public synchronized List<String> failures() {
    return rows.stream().filter(r -> !r.verdict().isEmpty() && !"ok".equals(r.verdict())).map(r -> r.what() + ": " + r.value()).toList();
  }

  /** Prints the table and writes it to {@code target/reliability/<name>.md}. */
  public synchronized void publish() {
    StringBuilder text = new StringBuilder();
    text.append("### ").append(title).append("\n\n");
    text.append("| what | value | check |\n|---|---|---|\n");
    for (Row row : rows) {
      text.append("| ").append(cell(row.what())).append(" | ").append(cell(row.value())).append(" | ").append(row.verdict()).append(" |\n");
    }
    text.append("| machine load at the end | ").append(loadAverage()).append(" | |\n");
    text.append("| test duration | ").append(format(Duration.between(started, Instant.now()))).append(" | |\n");
    if (!notes.isEmpty()) {
      text.append('\n');
      notes.forEach(n -> text.append("- ").append(n.replace("\n", " ")).append('\n'));
    }
    System.out.println("\n" + text);
    try {
      Path file = Settings.output().resolve(name + ".md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails the test, naming every failed check. */
  public void assertChecksPass() {
    List<String> failures = failures();
    if (!failures.isEmpty()) {
      throw new AssertionError(title + ": " + failures.size() + " check(s) failed:\n  " + String.join("\n  ", failures));
    }
  }

  public static String format(Object value) {
    if (value instanceof Duration duration) {
      long millis = duration.toMillis();
      return millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    if (value instanceof Double number) {
      return String.format(Locale.ROOT, "%.1f", number);
    }
    return String.valueOf(value);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
