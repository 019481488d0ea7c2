package org.cpor.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.cpor.claim.Association;
import org.cpor.claim.AssociationStatus;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DisassociationApiTest extends IntegrationTest {

  @Autowired AssociationStore associations;

  private String officialAssociation(Map<String, Object> changes) throws Exception {
    String claimId = submit(changes);
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    runWhenDue(timer(claimId, "BoundaryEvent_OptOutWindowElapsed"));
    mail.purgeEmailFromAllMailboxes();
    return associations.ofClaim(claimId).get(0).id();
  }

  @Test
  void disassociation_endsTheAssociationAndTellsCustomerAndPartner() throws Exception {
    String id = officialAssociation(Map.of("customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "workloads", List.of(Map.of("code", "TEAMS")),
        "customerContact", Map.of("name", "Kovács Éva", "title", "IT-vezető", "email", "eva@adatum.hu", "language", "hu")));

    postJson("/api/associations/" + id + "/disassociation", Map.of("reason", "Contract ended"), "fabrikam-admin")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ENDED"))
        .andExpect(jsonPath("$.endReason").value("PARTNER_DISASSOCIATED"))
        .andExpect(jsonPath("$.endComment").value("Contract ended"));

    Association ended = associations.find(id).orElseThrow();
    assertThat(statusOf(ended.claimId())).isEqualTo("ENDED");
    MimeMessage toCustomer = mailTo("eva@adatum.hu").get(0);
    assertThat(toCustomer.getSubject()).isEqualTo("A(z) Fabrikam megszüntette a kapcsolatot az Ön bérlőjével");
    assertThat(body(toCustomer)).contains("Microsoft Teams");
    assertThat(subjectsTo("grace@fabrikam-partner.com")).containsExactly("Association ended: Contoso Teams rollout");

    postJson("/api/associations/" + id + "/disassociation", Map.of("reason", "again"), "fabrikam-admin")
        .andExpect(status().isConflict());
  }

  @Test
  void withoutReason_isABadRequestAndChangesNothing() throws Exception {
    String id = officialAssociation(Map.of());
    postJson("/api/associations/" + id + "/disassociation", Map.of(), "fabrikam-admin")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(associations.find(id).orElseThrow().status()).isEqualTo(AssociationStatus.ACTIVE);
  }

  @Test
  void othersAreRefused() throws Exception {
    String id = officialAssociation(Map.of());
    postJson("/api/associations/" + id + "/disassociation", Map.of("reason", "x"), "northwind-admin").andExpect(status().isNotFound());
    postJson("/api/associations/" + id + "/disassociation", Map.of("reason", "x"), "fabrikam-user").andExpect(status().isForbidden());
    postJson("/api/associations/unknown/disassociation", Map.of("reason", "x"), "fabrikam-admin").andExpect(status().isNotFound());
    assertThat(associations.find(id).orElseThrow().status()).isEqualTo(AssociationStatus.ACTIVE);
  }
}
