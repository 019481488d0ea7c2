package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LabelsTest extends IntegrationTest {

  @Autowired Labels labels;

  @Test
  void sentence_namesKnownCodesInWords_once() {
    assertThat(labels.sentence("Workloads corrected: Exchange Online (EXCHANGE_ONLINE), TEAMS"))
        .isEqualTo("Workloads corrected: Exchange Online, Microsoft Teams");
    assertThat(labels.sentence("POWER_BI is not a workload of program OSU_M365"))
        .isEqualTo("Power BI is not a workload of program OSU – Microsoft 365");
    assertThat(labels.sentence("Rejected: MISSING_POE")).isEqualTo("Rejected: Proof of execution missing");
  }

  @Test
  void sentence_keepsWhatAPersonWrote() {
    assertThat(labels.sentence("PLEASE SEND THE SIGNED_COPY (URGENT)")).isEqualTo("PLEASE SEND THE SIGNED_COPY (URGENT)");
    assertThat(labels.sentence("Teams (TEAMS_PHONE)")).isEqualTo("Teams (Teams Phone)");
  }
}
