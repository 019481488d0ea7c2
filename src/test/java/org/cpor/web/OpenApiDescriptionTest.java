package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;

/** The API's OpenAPI description, as /v3/api-docs serves it to Swagger UI and to client generators. */
class OpenApiDescriptionTest extends IntegrationTest {

  private static final List<String> AUDIENCES = List.of("Partner", "Calendar", "Auditor", "Administrator");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private JsonNode docs;

  @BeforeEach
  void readTheDescription() throws Exception {
    docs = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
  }

  @Test
  void saysWhatItIs_andGroupsOperationsByAudience_partnerFirst() {
    assertThat(docs.at("/info/title").asText()).isEqualTo("CPOR customer association claims API");
    assertThat(docs.at("/info/description").asText()).contains("partners", "auditors", "administrators", "problem details",
        "docs/API.md").doesNotContain("../shared");
    List<String> tags = new ArrayList<>();
    docs.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
    assertThat(tags).isEqualTo(AUDIENCES);

    List<Integer> audienceOfEachOperationInOrder = new ArrayList<>();
    operations().forEach(op -> {
      assertThat(op.node().get("tags")).as(op.name()).hasSize(1);
      String tag = op.node().get("tags").get(0).asText();
      assertThat(AUDIENCES).as(op.name()).contains(tag);
      audienceOfEachOperationInOrder.add(AUDIENCES.indexOf(tag));
    });
    assertThat(audienceOfEachOperationInOrder).as("partner operations first, administrators' last").isSorted();
    assertThat(audienceOfEachOperationInOrder.get(0)).isZero();
    assertThat(docs.get("paths").fieldNames().next()).as("a partner reads about claims first").isEqualTo("/api/claims");
  }

  @Test
  void everyOperationHasAOneLineSummary_andProblemDetailsForEachError() {
    operations().forEach(op -> {
      String summary = op.node().path("summary").asText();
      assertThat(summary).as(op.name()).isNotBlank().doesNotContain("\n").hasSizeLessThanOrEqualTo(120);
      JsonNode responses = op.node().get("responses");
      assertThat(responses.has("401")).as(op.name() + " answers 401 when not signed in").isTrue();
      responses.fields().forEachRemaining(response -> {
        if (response.getKey().startsWith("4")) {
          assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
              .as(op.name() + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
          assertThat(response.getValue().path("description").asText()).as(op.name() + " " + response.getKey()).isNotBlank();
        }
      });
    });
    assertThat(docs.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
        .contains("type", "title", "status", "detail", "errors", "claimStatus");
  }

  @Test
  void listsTheAnswersEachOperationReallyGives() {
    assertThat(codes("post", "/api/claims")).containsExactly("201", "400", "401", "403", "409", "413", "415", "422");
    assertThat(summary("post", "/api/claims")).startsWith("Submit a claim");
    assertThat(codes("get", "/api/claims/{id}")).containsExactly("200", "401", "404");
    assertThat(codes("post", "/api/claims/{id}/information")).contains("400", "403", "404", "409");
    assertThat(docs.at("/paths/~1api~1claims~1{id}~1information/post/responses/409/description").asText())
        .contains("no information request is open");
    assertThat(codes("post", "/api/poe")).containsExactly("201", "400", "401", "403", "409", "413", "415", "422");
    assertThat(codes("post", "/api/associations/{id}/disassociation")).contains("400", "403", "404", "409");
    assertThat(codes("get", "/api/audit/claims.csv")).contains("400", "403");
    assertThat(codes("delete", "/api/calendar/holidays/{date}")).containsExactly("204", "400", "401", "403", "404");
    assertThat(tag("get", "/api/calendar/holidays")).isEqualTo("Calendar");
    assertThat(tag("put", "/api/calendar/holidays/{date}")).isEqualTo("Administrator");
    assertThat(tag("get", "/api/audit/claims.csv")).isEqualTo("Auditor");
    assertThat(tag("get", "/api/associations")).isEqualTo("Partner");
  }

  /** What the API answers to real mistakes is among what its description lists for that operation. */
  @Test
  void theDocumentedErrorsAreTheOnesTheApiGives() throws Exception {
    String claimId = submit(Map.of());
    Map<String, RequestBuilder> calls = new java.util.LinkedHashMap<>();
    calls.put("get /api/claims", get("/api/claims?size=500").with(httpBasic("fabrikam-admin", "fabrikam-admin")));
    calls.put("get /api/claims/{id}", get("/api/claims/" + claimId).with(httpBasic("northwind-admin", "northwind-admin")));
    calls.put("post /api/poe", multipart("/api/poe").file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes()))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")));
    calls.put("get /api/audit/claims.csv", get("/api/audit/claims.csv").with(httpBasic("fabrikam-admin", "fabrikam-admin")));
    calls.put("get /api/calendar/holidays", get("/api/calendar/holidays?year=0").with(httpBasic("auditor", "auditor")));
    calls.put("get /api/admin/tenants", get("/api/admin/tenants").with(httpBasic("validator", "validator")));
    calls.put("get /api/associations", get("/api/associations"));
    for (Map.Entry<String, RequestBuilder> call : calls.entrySet()) {
      int status = mvc.perform(call.getValue()).andReturn().getResponse().getStatus();
      String[] operation = call.getKey().split(" ");
      assertThat(status).as(call.getKey()).isBetween(400, 499);
      assertThat(codes(operation[0], operation[1])).as(call.getKey()).contains(String.valueOf(status));
    }
  }

  private record Op(String name, JsonNode node) {}

  private List<Op> operations() {
    List<Op> operations = new ArrayList<>();
    docs.get("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
      if (path.getValue().has(method)) {
        operations.add(new Op(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method)));
      }
    }));
    assertThat(operations).hasSizeGreaterThan(25);
    return operations;
  }

  private JsonNode operation(String method, String path) {
    JsonNode operation = docs.get("paths").path(path).path(method);
    assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
    return operation;
  }

  private List<String> codes(String method, String path) {
    List<String> codes = new ArrayList<>();
    operation(method, path).get("responses").fieldNames().forEachRemaining(codes::add);
    return codes;
  }

  private String summary(String method, String path) {
    return operation(method, path).path("summary").asText();
  }

  private String tag(String method, String path) {
    return operation(method, path).get("tags").get(0).asText();
  }
}
