package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.cpor.support.IntegrationTest;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Flyway owns the whole schema: the engine's tables are one migration, the engine itself only checks them. */
class EngineSchemaTest extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Value("${camunda.bpm.database.schema-update}") String schemaUpdate;

  @Test
  void theEngineTablesAreAMigration_ofTheEnginesOwnVersion() {
    assertThat(schemaUpdate).isEqualTo("false");
    assertThat(jdbc.sql("select \"success\" from \"flyway_schema_history\" where \"version\" = '4'").query(Boolean.class).single())
        .isTrue();
    assertThat(jdbc.sql("select version_ from ACT_GE_SCHEMA_LOG").query(String.class).list())
        .contains(ProcessEngine.class.getPackage().getImplementationVersion() == null ? "7.24.0"
            : ProcessEngine.class.getPackage().getImplementationVersion());
  }

  @Test
  void aDatabaseWhoseEngineTablesExist_keepsThem() throws Exception {
    long definitions = jdbc.sql("select count(*) from ACT_RE_PROCDEF").query(Long.class).single();
    try (Connection connection = dataSource.getConnection()) {
      new EngineSchema().migrate(new Context() {
        @Override
        public Configuration getConfiguration() {
          return null;
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      });
    }
    assertThat(jdbc.sql("select count(*) from ACT_RE_PROCDEF").query(Long.class).single()).isEqualTo(definitions)
        .isPositive();
  }
}
