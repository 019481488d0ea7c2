package org.cpor.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the reliability tests find the packaged application and PostgreSQL, and how big they are. Every value is a
 * system property ({@code -Dreliability.…}); the defaults are the sizes docs/RELIABILITY.md promises.
 */
public final class Settings {

  private Settings() {}

  /** The Spring Boot jar built by {@code ./mvnw package}. */
  public static Path jar() {
    return Path.of(text("reliability.jar", "target/cpor-claims-0.1.0-SNAPSHOT.jar"));
  }

  /** Node logs and the figures of each test ({@code *.md}). */
  public static Path output() {
    return Path.of(text("reliability.output", "target/reliability"));
  }

  public static String dbHost() {
    return text("reliability.db.host", "127.0.0.1");
  }

  public static int dbPort() {
    return number("reliability.db.port", 5432);
  }

  public static String dbUser() {
    return text("reliability.db.user", "postgres");
  }

  public static String dbPassword() {
    return text("reliability.db.password", "");
  }

  /** The start of each test's database name: two runs on one server at the same time need different ones. */
  public static String dbPrefix() {
    return text("reliability.db.prefix", "reliability_");
  }

  /**
   * JVM options of every node. C1 only and the serial collector: two nodes start in about half the time on two
   * cores, which keeps the whole run within its budget; the figures are measured with these options.
   */
  public static List<String> jvmOptions() {
    return Arrays.stream(text("reliability.jvmOptions", "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").split("\\s+"))
        .filter(s -> !s.isBlank()).toList();
  }

  /** How long a node may take to answer its health check as UP. */
  public static Duration startTimeout() {
    return Duration.ofSeconds(number("reliability.startTimeoutSeconds", 240));
  }

  public static String text(String name, String defaultValue) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? defaultValue : value.strip();
  }

  public static int number(String name, int defaultValue) {
    return Integer.parseInt(text(name, Integer.toString(defaultValue)));
  }
}
