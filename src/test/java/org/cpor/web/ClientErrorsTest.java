package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What a client gets wrong is answered with a 4xx problem that says what, never a 500, and changes nothing:
 * broken multipart bodies (through the real server, whose parser reads them), wrong content types and methods,
 * missing parts, JSON of the wrong shape.
 */
class ClientErrorsTest extends IntegrationTest {

  private static final String BOUNDARY = "cpor-boundary-7d93";

  @LocalServerPort int port;

  private long rows() {
    return jdbc.sql("select (select count(*) from claims) + (select count(*) from claim_workloads) + (select count(*) from poe_files)")
        .query(Long.class).single();
  }

  private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fabrikam-admin:fabrikam-admin".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] multipart(String claimJson, byte[] file) {
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
        + claimJson + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"poe\"; filename=\"poe.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(file, 0, all, start.length, file.length);
    System.arraycopy(end, 0, all, start.length + file.length, end.length);
    return all;
  }

  private JsonNode problem(int status, String contentType, String body) throws Exception {
    assertThat(contentType).as(body).startsWith("application/problem+json");
    JsonNode problem = json.readTree(body);
    assertThat(problem.get("status").asInt()).as(body).isEqualTo(status);
    assertThat(problem.get("type").asText()).as(body).startsWith("urn:cpor:problem:");
    assertThat(body).as("no internals").doesNotContain("Exception", "at org.", "org.cpor", "SQL", "JDBC", "org.h2");
    return problem;
  }

  private JsonNode problem(int status, HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return problem(status, response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  private JsonNode problem(int status, MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return problem(status, String.valueOf(response.getContentType()), response.getContentAsString());
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andReturn().getResponse();
  }

  @Test
  void truncatedMultipartClaim_is400AndStoresNothing() throws Exception {
    byte[] whole = multipart(json.writeValueAsString(claimBody(Map.of("poeIds", java.util.List.of()))), PDF);
    long before = rows();
    // inside the file, inside the claim's JSON, inside the first part's headers
    for (int cut : new int[] {whole.length - BOUNDARY.length() - 20, whole.length / 2, 40}) {
      byte[] truncated = java.util.Arrays.copyOf(whole, cut);
      JsonNode answer = problem(400, send("POST", "/api/claims", "multipart/form-data; boundary=" + BOUNDARY, truncated));
      assertThat(answer.get("errors").findValuesAsText("field")).contains("body");
    }
    problem(400, send("POST", "/api/poe", "multipart/form-data; boundary=" + BOUNDARY, java.util.Arrays.copyOf(whole, whole.length / 2)));
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void multipartWithoutBoundaryOrWithGarbage_is400() throws Exception {
    problem(400, send("POST", "/api/claims", "multipart/form-data", "claim=1".getBytes(StandardCharsets.UTF_8)));
    problem(400, send("POST", "/api/claims", "multipart/form-data; boundary=x", "\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8)));
    problem(400, send("POST", "/api/poe", "multipart/form-data; boundary=" + BOUNDARY, new byte[0]));
  }

  @Test
  void multipartClaimWithoutItsClaimPart_namesThePart() throws Exception {
    JsonNode answer = problem(400, perform(MockMvcRequestBuilders.multipart("/api/claims")
        .file(new org.springframework.mock.web.MockMultipartFile("poe", "poe.pdf", "application/pdf", PDF))));
    assertThat(answer.get("errors").findValuesAsText("field")).containsExactly("claim");
  }

  /** PostgreSQL stores no NUL character: text holding one is refused at the door, not deep in the database. */
  @Test
  void textWithTheNulCharacter_is400AndStoresNothing() throws Exception {
    String body = json.writeValueAsString(claimBody(Map.of("name", "Contoso\u0000rollout")));
    long before = rows();
    JsonNode list = problem(400, send("GET", "/api/claims?tenantId=%00", "application/json", new byte[0]));
    assertThat(list.get("errors")).isNotEmpty();
    JsonNode claim = problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON).content(body)));
    assertThat(claim.get("errors").findValuesAsText("field")).containsExactly("name");
    assertThat(claim.get("errors").findValuesAsText("message")).containsExactly("may not contain the NUL character");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void wrongContentTypes_are415() throws Exception {
    problem(415, perform(post("/api/claims").contentType(MediaType.TEXT_PLAIN).content("hello")));
    problem(415, perform(post("/api/claims").contentType("application/x-www-form-urlencoded").content("name=x")));
    problem(415, perform(post("/api/poe").contentType(MediaType.APPLICATION_JSON).content("{}")));
    problem(415, perform(post("/api/claims/x/withdrawal").contentType(MediaType.APPLICATION_XML).content("<a/>")));
  }

  @Test
  void malformedFormBodiesOnPutOrDelete_areNoFault() throws Exception {
    MockHttpServletResponse put = mvc.perform(put("/api/calendar/holidays/2026-12-24").with(httpBasic("admin", "admin"))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("name=%zz%")).andReturn().getResponse();
    problem(415, put);
    MockHttpServletResponse delete = mvc.perform(delete("/api/calendar").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .content("%%%")).andReturn().getResponse();
    assertThat(delete.getStatus()).isBetween(400, 499);
  }

  @Test
  void wrongMethods_are405() throws Exception {
    problem(405, perform(delete("/api/claims")));
    problem(405, perform(put("/api/claims/x")));
    problem(405, perform(get("/api/claims/x/withdrawal")));
    problem(405, perform(delete("/api/poe")));
  }

  @Test
  void jsonOfTheWrongShape_namesTheFieldWithoutInternals() throws Exception {
    JsonNode wrongType = problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\": {\"deep\": [1, 2]}, \"partnerId\": \"4567890\"}")));
    assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("name");
    assertThat(wrongType.get("errors").get(0).get("message").asText()).isEqualTo("must be text");
    JsonNode wrongList = problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON)
        .content("{\"workloads\": [{\"code\": [\"TEAMS\"]}]}")));
    assertThat(wrongList.get("errors").get(0).get("field").asText()).isEqualTo("workloads[0].code");
    problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON).content("{\"name\": ")));
    problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON).content("[1,2,3]")));
    problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON)));
    problem(400, perform(post("/api/claims").contentType(MediaType.APPLICATION_JSON).content("[".repeat(5000) + "]".repeat(5000))));
    JsonNode page = problem(400, perform(get("/api/claims").param("page", "select 1")));
    assertThat(page.get("errors").get(0).get("message").asText()).isEqualTo("must be a whole number");
    assertThat(rows()).isZero();
  }
}
