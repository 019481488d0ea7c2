package org.cpor.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks that every node sharing the database respects: a row of {@code cluster_locks} locked until the current
 * transaction ends. Work that checks for shared data and then creates it holds one, so two nodes cannot both find it
 * missing.
 */
@Repository
public class ClusterLocks {

  /** Organisations, PartnerIDs, tenants, the catalogue, demo data, authorisations and Tasklist filters. */
  public static final String REFERENCE_DATA = "reference-data";

  private final JdbcClient jdbc;

  ClusterLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits until no other transaction holds the lock, then holds it until the current transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void hold(String name) {
    if (jdbc.sql("select name from cluster_locks where name = ? for update").param(name).query(String.class).optional().isEmpty()) {
      throw new IllegalArgumentException("No cluster lock " + name);
    }
  }
}
