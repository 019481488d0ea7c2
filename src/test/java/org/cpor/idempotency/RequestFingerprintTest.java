package org.cpor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  private static final byte[] BODY = "{\"name\":\"Contoso Teams rollout\"}".getBytes(StandardCharsets.UTF_8);

  private static RequestFingerprint.Part part(String name, String fileName, String type, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new RequestFingerprint.Part(name, fileName, type, () -> new ByteArrayInputStream(bytes));
  }

  @Test
  void sameRequest_sameFingerprint() {
    assertThat(RequestFingerprint.ofBody("POST", "/api/claims", null, BODY))
        .isEqualTo(RequestFingerprint.ofBody("POST", "/api/claims", null, BODY.clone()))
        .hasSize(64);
  }

  @Test
  void methodPathQueryAndBody_eachCount() {
    String fingerprint = RequestFingerprint.ofBody("POST", "/api/claims", null, BODY);
    assertThat(List.of(
        RequestFingerprint.ofBody("PUT", "/api/claims", null, BODY),
        RequestFingerprint.ofBody("POST", "/api/poe", null, BODY),
        RequestFingerprint.ofBody("POST", "/api/claims", "", BODY),
        RequestFingerprint.ofBody("POST", "/api/claims", "x=1", BODY),
        RequestFingerprint.ofBody("POST", "/api/claims", null, "{\"name\":\"Contoso Teams rollout \"}".getBytes(StandardCharsets.UTF_8)),
        RequestFingerprint.ofBody("POST", "/api/claims", null, new byte[0])))
        .doesNotContain(fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void valuesCannotShiftIntoEachOther() {
    assertThat(RequestFingerprint.ofBody("POST", "/api/claimsx", null, new byte[0]))
        .isNotEqualTo(RequestFingerprint.ofBody("POST", "/api/claims", "x", new byte[0]));
  }

  @Test
  void multipart_partsOfDifferentNamesInAnyOrder_partsOfOneNameInTheirOrder() throws Exception {
    RequestFingerprint.Part claim = part("claim", null, "application/json", "{}");
    RequestFingerprint.Part first = part("poe", "a.pdf", "application/pdf", "%PDF-1 a");
    RequestFingerprint.Part second = part("poe", "b.pdf", "application/pdf", "%PDF-1 b");
    String fingerprint = RequestFingerprint.ofParts("POST", "/api/claims", null, List.of(claim, first, second));

    assertThat(RequestFingerprint.ofParts("POST", "/api/claims", null, List.of(first, second, claim))).isEqualTo(fingerprint);
    assertThat(RequestFingerprint.ofParts("POST", "/api/claims", null, List.of(claim, second, first))).isNotEqualTo(fingerprint);
  }

  @Test
  void multipart_nameFileNameTypeAndBytes_eachCount() throws Exception {
    String fingerprint = RequestFingerprint.ofParts("POST", "/api/poe", null, List.of(part("file", "a.pdf", "application/pdf", "%PDF")));
    assertThat(List.of(
        RequestFingerprint.ofParts("POST", "/api/poe", null, List.of(part("poe", "a.pdf", "application/pdf", "%PDF"))),
        RequestFingerprint.ofParts("POST", "/api/poe", null, List.of(part("file", "b.pdf", "application/pdf", "%PDF"))),
        RequestFingerprint.ofParts("POST", "/api/poe", null, List.of(part("file", null, "application/pdf", "%PDF"))),
        RequestFingerprint.ofParts("POST", "/api/poe", null, List.of(part("file", "a.pdf", "application/octet-stream", "%PDF"))),
        RequestFingerprint.ofParts("POST", "/api/poe", null, List.of(part("file", "a.pdf", "application/pdf", "%PDF!"))),
        RequestFingerprint.ofParts("POST", "/api/poe", null, List.of()),
        RequestFingerprint.ofBody("POST", "/api/poe", null, "%PDF".getBytes(StandardCharsets.UTF_8))))
        .doesNotContain(fingerprint).doesNotHaveDuplicates();
  }
}
