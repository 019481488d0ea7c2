package org.cpor.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One empty PostgreSQL database per test, named {@code reliability_<name>}: dropped (closing its connections) and
 * created again, so a run never sees what an earlier one left. The test reads it over plain JDBC, the way an
 * operator would with psql.
 */
public final class Database {

  private final String name;
  private final JdbcClient jdbc;

  private Database(String name) {
    this.name = name;
    DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl(name), Settings.dbUser(), Settings.dbPassword());
    this.jdbc = JdbcClient.create((DataSource) dataSource);
  }

  /** Drops and creates {@code <prefix><suffix>} ({@code reliability_} by default); never the database named {@code test}. */
  public static Database fresh(String suffix) {
    String name = Settings.dbPrefix() + suffix;
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database name " + name);
    }
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), Settings.dbUser(), Settings.dbPassword());
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + Settings.dbHost() + ":" + Settings.dbPort() + ": " + e.getMessage(), e);
    }
    return new Database(name);
  }

  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + Settings.dbHost() + ":" + Settings.dbPort() + "/" + database;
  }

  public String jdbcUrl() {
    return jdbcUrl(name);
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public long count(String sql, Object... parameters) {
    return jdbc.sql(sql).params(parameters).query(Long.class).single();
  }

  public List<Map<String, Object>> rows(String sql, Object... parameters) {
    return jdbc.sql(sql).params(parameters).query().listOfRows();
  }

  /** True when the table exists (the first node creates the schema). */
  public boolean hasTable(String table) {
    return count("select count(*) from information_schema.tables where lower(table_name) = lower(?)", table) > 0;
  }
}
