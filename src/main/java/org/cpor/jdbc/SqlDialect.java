package org.cpor.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which of the two databases the product runs on, for the few statements they write differently: an "insert, or add
 * to the row that is there" is {@code insert … on conflict} on PostgreSQL (its {@code merge} may fail on the primary
 * key when two transactions insert the same new row) and {@code merge} on H2, which has no {@code on conflict}.
 */
@Component
public class SqlDialect {

  private final boolean postgres;

  SqlDialect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell the database's kind: " + e.getMessage(), e);
    }
  }

  public boolean isPostgres() {
    return postgres;
  }
}
