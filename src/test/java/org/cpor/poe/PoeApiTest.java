package org.cpor.poe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** Proof-of-execution files: allowed types by content, the size limit, who may read them. */
class PoeApiTest extends IntegrationTest {

  private ResultActions upload(String user, String name, byte[] content) throws Exception {
    return mvc.perform(multipart("/api/poe").file(new MockMultipartFile("file", name, "application/octet-stream", content))
        .with(httpBasic(user, user)));
  }

  private long storedFiles() {
    return jdbc.sql("select count(*) from poe_files").query(Long.class).single();
  }

  private static byte[] docx() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes());
    }
    return bytes.toByteArray();
  }

  @Test
  void upload_answersIdNameTypeSizeAndSha256() throws Exception {
    String response = upload("fabrikam-admin", "poe.pdf", PDF).andExpect(status().isCreated())
        .andExpect(header().exists("Location")).andReturn().getResponse().getContentAsString();
    JsonNode file = json.readTree(response);
    assertThat(file.get("fileName").asText()).isEqualTo("poe.pdf");
    assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("size").asLong()).isEqualTo(PDF.length);
    assertThat(file.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
  }

  @Test
  void allowedTypes_areRecognisedByContent() throws Exception {
    upload("fabrikam-admin", "screen.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0})
        .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"));
    upload("fabrikam-admin", "photo.JPG", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0})
        .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/jpeg"));
    upload("fabrikam-admin", "signed.docx", docx()).andExpect(status().isCreated())
        .andExpect(jsonPath("$.contentType").value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  }

  @Test
  void renamedExecutable_isRefusedWith415AndNotKept() throws Exception {
    byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    upload("fabrikam-admin", "poe.pdf", executable).andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is not a PDF, PNG, JPEG or DOCX")));
    upload("fabrikam-admin", "archive.docx", new byte[] {'P', 'K', 3, 4, 0, 0}).andExpect(status().isUnsupportedMediaType());
    upload("fabrikam-admin", "poe.exe", PDF).andExpect(status().isUnsupportedMediaType());
    assertThat(storedFiles()).isZero();
  }

  @Test
  void overTenMegabytes_isRefusedWith413AndNotKept() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    upload("fabrikam-admin", "big.pdf", big).andExpect(status().isPayloadTooLarge());
    assertThat(storedFiles()).isZero();
  }

  @Test
  void incentivesUser_mayNotUpload() throws Exception {
    upload("fabrikam-user", "poe.pdf", PDF).andExpect(status().isForbidden());
  }

  @Test
  void download_byTheOrganisationValidatorsAndAuditors_notByOthers_andRecorded() throws Exception {
    String poe = uploadPoe("fabrikam-admin", "signed.pdf", PDF);
    String claimId = submit(Map.of("poeIds", List.of(poe)));

    for (String user : List.of("fabrikam-user", "validator", "auditor")) {
      mvc.perform(get("/api/poe/" + poe).with(httpBasic(user, user))).andExpect(status().isOk())
          .andExpect(content().contentType("application/pdf")).andExpect(content().bytes(PDF));
    }
    mvc.perform(get("/api/poe/" + poe).with(httpBasic("northwind-admin", "northwind-admin"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/poe/unknown").with(httpBasic("validator", "validator"))).andExpect(status().isNotFound());

    JsonNode timeline = read("/api/claims/" + claimId + "/timeline", "fabrikam-user");
    assertThat(timeline.findParents("type")).filteredOn(e -> e.get("type").asText().equals("POE_DOWNLOADED"))
        .extracting(e -> e.get("actor").asText()).containsExactly("fabrikam-user", "validator", "auditor");
    JsonNode claim = read("/api/claims/" + claimId, "fabrikam-user");
    assertThat(claim.get("poeIds").get(0).asText()).isEqualTo(poe);
  }

  @Test
  void claimWithoutPoe_orWithAnotherOrganisationsFile_isRefused() throws Exception {
    postJson("/api/claims", claimBody(Map.of("poeIds", List.of())), "fabrikam-admin").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("poeIds"));
    String northwindFile = uploadPoe("northwind-admin", "theirs.pdf", PDF);
    postJson("/api/claims", claimBody(Map.of("poeIds", List.of(northwindFile))), "fabrikam-admin").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("unknown proof-of-execution file " + northwindFile));
  }

  @Test
  void fileAttachedToOneClaim_cannotBeAttachedToAnother() throws Exception {
    String poe = uploadPoe("fabrikam-admin", "signed.pdf", PDF);
    submit(Map.of("poeIds", List.of(poe)));
    postJson("/api/claims", claimBody(Map.of("poeIds", List.of(poe), "workloads", List.of(Map.of("code", "INTUNE")))),
        "fabrikam-admin").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("already attached")));
  }

  @Test
  void multipartSubmission_storesTheClaimWithItsFiles() throws Exception {
    Map<String, Object> body = claimBody(Map.of("poeIds", List.of()));
    String response = mvc.perform(multipart("/api/claims")
            .file(new MockMultipartFile("claim", "", "application/json", json.writeValueAsBytes(body)))
            .file(new MockMultipartFile("poe", "one.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("poe", "two.docx", "application/octet-stream", docx()))
            .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    JsonNode claim = json.readTree(response);
    assertThat(claim.get("poeFiles").findValuesAsText("fileName")).containsExactlyInAnyOrder("one.pdf", "two.docx");
    assertThat(claim.get("status").asText()).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void refusedMultipartSubmission_keepsNoFile() throws Exception {
    Map<String, Object> body = claimBody(Map.of("poeIds", List.of(), "customerDomain", "adatum.hu"));
    long before = storedFiles();
    mvc.perform(multipart("/api/claims")
            .file(new MockMultipartFile("claim", "", "application/json", json.writeValueAsBytes(body)))
            .file(new MockMultipartFile("poe", "one.pdf", "application/pdf", PDF))
            .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isUnprocessableEntity());
    assertThat(storedFiles()).isEqualTo(before);
  }
}
