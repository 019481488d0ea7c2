package org.cpor.jdbc;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An "insert, or change the row that is there" ({@code merge}) that another transaction may be inserting at the same
 * moment: H2's {@code merge} then fails on the primary key once the other commits. Run in a savepoint of the current
 * transaction, the failed attempt is rolled back alone and the statement runs again, finding the row.
 * (PostgreSQL's {@code insert … on conflict} does not fail so; see {@link SqlDialect}.)
 */
@Component
public class InSavepoint {

  private static final int ATTEMPTS = 3;

  private final TransactionTemplate nested;

  InSavepoint(PlatformTransactionManager transactions) {
    this.nested = new TransactionTemplate(transactions);
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Runs {@code statement}, again (up to three times in all) when it failed on a duplicate key. */
  public void retryingDuplicates(Runnable statement) {
    for (int attempt = 1; ; attempt++) {
      try {
        nested.executeWithoutResult(status -> statement.run());
        return;
      } catch (DuplicateKeyException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
