package org.cpor.support;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every test starts without claims; the reference and demo data stay. */
public final class TestData {

  private TestData() {}

  public static void reset(JdbcClient jdbc, RuntimeService runtime) {
    runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test reset", true, true));
    for (String table : List.of("idempotency_keys", "poe_files", "disputes", "notifications", "claim_timeline", "associations", "information_requests", "claim_decisions",
        "claim_findings", "claim_workloads", "claims", "claim_counts")) {
      jdbc.sql("delete from " + table).update();
    }
  }
}
