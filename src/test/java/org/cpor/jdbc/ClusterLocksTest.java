package org.cpor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.cpor.identity.Groups;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

/**
 * Nodes starting together on one database run the same start-up work at the same moment: the demo users, the
 * authorisations and the Tasklist filters are each created once, and no start fails on a row another node created.
 */
class ClusterLocksTest extends IntegrationTest {

  private static final String FILTER = "Claims to validate";

  @Autowired ApplicationContext context;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;

  @Test
  void startUpWorkRunByFourNodesAtOnce_createsEachUserFilterAndGrantOnce() throws Exception {
    filters.createFilterQuery().filterName(FILTER).list().forEach(f -> filters.deleteFilter(f.getId()));
    authorizations.createAuthorizationQuery().groupIdIn(Groups.AUDITORS).resourceType(Resources.APPLICATION).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    identity.deleteUser("auditor");

    List<Exception> failures = atOnce(4, () -> {
      for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
        runner.run(null);
      }
    });

    assertThat(failures).isEmpty();
    List<Filter> found = filters.createFilterQuery().filterName(FILTER).list();
    assertThat(found).hasSize(1);
    List<Authorization> grants = authorizations.createAuthorizationQuery().groupIdIn(Groups.AUDITORS)
        .resourceType(Resources.APPLICATION).list();
    assertThat(grants).hasSize(1);
    assertThat(identity.createUserQuery().userId("auditor").count()).isEqualTo(1);
    assertThat(identity.checkPassword("auditor", "auditor")).isTrue();
    assertThat(identity.createGroupQuery().groupMember("auditor").groupId(Groups.AUDITORS).count()).isEqualTo(1);
  }

  @Test
  void aFilterCreatedTwiceBeforeNodesTookTurns_isKeptOnce_andStartUpGoesOn() throws Exception {
    Filter twin = filters.newTaskFilter(FILTER);
    filters.saveFilter(twin);
    assertThat(filters.createFilterQuery().filterName(FILTER).count()).isEqualTo(2);

    for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
      runner.run(null);
    }

    List<Filter> kept = filters.createFilterQuery().filterName(FILTER).list();
    assertThat(kept).hasSize(1);
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.VALIDATORS).resourceType(Resources.FILTER)
        .resourceId(kept.get(0).getId()).count()).as("validators still see the filter kept").isEqualTo(1);
  }

  private interface Work {
    void run() throws Exception;
  }

  private static List<Exception> atOnce(int nodes, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          work.run();
          return null;
        }));
      }
      start.countDown();
      List<Exception> failures = new ArrayList<>();
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add((Exception) e.getCause());
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }
}
