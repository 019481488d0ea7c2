package org.cpor.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates the engine's tables with Camunda's own scripts for the database, as one Flyway migration: one tool owns the
 * whole schema, under Flyway's lock, so several nodes starting at once on an empty database create it once (the
 * engine's own {@code schema-update} raced there). A database whose engine tables were created by the engine itself
 * (before this migration existed) keeps them. An engine upgrade adds a migration running Camunda's upgrade scripts.
 */
@Component
class EngineSchema implements JavaMigration {

  /** The engine's scripts, in the order the engine itself creates them. */
  private static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("4");
  }

  @Override
  public String getDescription() {
    return "Camunda 7.24 engine schema";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (engineTablesExist(connection)) {
      return;
    }
    String database = database(connection);
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(connection,
          new ClassPathResource("org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql"));
    }
  }

  private static boolean engineTablesExist(Connection connection) throws SQLException {
    for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String database(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new SQLException("The engine's schema is created on PostgreSQL or H2 only, not on " + product);
  }
}
