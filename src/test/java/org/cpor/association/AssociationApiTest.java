package org.cpor.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class AssociationApiTest extends IntegrationTest {

  private String official(String user, Map<String, Object> changes) throws Exception {
    String claimId = submitAs(user, changes);
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    runWhenDue(timer(claimId, "BoundaryEvent_OptOutWindowElapsed"));
    return claimId;
  }

  @Test
  void list_showsTheCallersAssociationsWithTheirFieldsAndFilters() throws Exception {
    String claimId = official("fabrikam-admin", Map.of());
    official("northwind-admin", Map.of("partnerId", "7654321", "customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "workloads", List.of(Map.of("code", "COPILOT"))));

    JsonNode page = read("/api/associations", "fabrikam-user");
    assertThat(page.get("total").asLong()).isEqualTo(2);
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("partnerId").asText()).isEqualTo("4567890");
    assertThat(first.get("tenantId").asText()).isEqualTo(CONTOSO);
    assertThat(first.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(first.get("claimId").asText()).isEqualTo(claimId);
    assertThat(first.has("since")).isTrue();
    assertThat(first.get("endedAt").isNull()).isTrue();
    assertThat(first.has("organisationId")).isFalse();
    assertThat(read("/api/associations?workload=TEAMS", "fabrikam-user").get("total").asLong()).isEqualTo(1);
    assertThat(read("/api/associations?status=ENDED", "fabrikam-user").get("total").asLong()).isZero();
    assertThat(read("/api/associations?tenantId=" + ADATUM, "fabrikam-user").get("total").asLong()).isZero();
    assertThat(read("/api/associations", "northwind-admin").get("items").findValuesAsText("workload")).containsExactly("COPILOT");
    assertThat(read("/api/associations", "auditor").get("total").asLong()).isEqualTo(3);
    mvc.perform(get("/api/associations?status=GONE").with(httpBasic("fabrikam-user", "fabrikam-user"))).andExpect(status().isBadRequest());
  }

  @Test
  void endedAssociation_showsReasonAndWhen() throws Exception {
    official("fabrikam-admin", Map.of("workloads", List.of(Map.of("code", "TEAMS"))));
    official("northwind-admin", Map.of("partnerId", "7654321", "workloads", List.of(Map.of("code", "TEAMS"))));

    JsonNode ended = read("/api/associations?status=ENDED", "fabrikam-user").get("items").get(0);
    assertThat(ended.get("endReason").asText()).isEqualTo("SUPERSEDED");
    assertThat(ended.get("endedAt").isNull()).isFalse();
  }
}
