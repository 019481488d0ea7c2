package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine's REST API with one ObjectMapper: the same JSON as Camunda's own, in and out. */
class EngineRestJsonTest extends IntegrationTest {

  /** Camunda's date format on its REST API, e.g. 2026-12-02T14:30:00.000+0000. */
  private static final String CAMUNDA_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}";

  @LocalServerPort int port;
  @Autowired CamundaJerseyResourceConfig engineRest;

  private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
    return HttpClient.newHttpClient().send(request
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + "/engine-rest" + path);
  }

  @Test
  void oneMapper_configuredAsCamundasOwn_isUsedForEveryBody() {
    EngineRestJson.OneObjectMapper resolver = new EngineRestJson.OneObjectMapper();
    ObjectMapper mapper = resolver.getContext(Object.class);

    assertThat(resolver.getContext(String.class)).isSameAs(mapper);
    ObjectMapper camundas = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    assertThat(mapper.getSerializationConfig().getDateFormat()).isEqualTo(camundas.getSerializationConfig().getDateFormat());
    assertThat(mapper.getDeserializationConfig().getDeserializationFeatures())
        .isEqualTo(camundas.getDeserializationConfig().getDeserializationFeatures());
    assertThat(mapper.getRegisteredModuleIds()).isEqualTo(camundas.getRegisteredModuleIds());
    assertThat(EngineRestJson.providers()).doesNotContain(JacksonConfigurator.class).isNotEmpty();
    // the engine REST application the starter serves is this one
    assertThat(engineRest.getClasses()).doesNotContain(JacksonConfigurator.class);
    assertThat(engineRest.getInstances()).hasAtLeastOneElementOfType(EngineRestJson.OneObjectMapper.class);
  }

  @Test
  void datesGoOutAndComeInInCamundasFormat_andUnknownFieldsAreIgnored() throws Exception {
    String claimId = submit(Map.of());
    String taskId = task(claimId, "Task_ValidateClaim").getId();

    JsonNode read = json.readTree(send(HttpRequest.newBuilder(uri("/task/" + taskId)), "validator").body());
    assertThat(read.get("created").asText()).matches(CAMUNDA_DATE);

    String due = "2026-12-09T10:00:00.000+0000";
    HttpResponse<String> updated = send(HttpRequest.newBuilder(uri("/job/" + timer(claimId, "BoundaryEvent_ReviewSlaBreached").getId() + "/duedate"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\":\"" + due + "\",\"cascade\":false,\"unknown\":1}")), "admin");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    JsonNode job = json.readTree(send(HttpRequest.newBuilder(uri("/job/" + timer(claimId, "BoundaryEvent_ReviewSlaBreached").getId())), "admin").body());
    assertThat(job.get("dueDate").asText()).isEqualTo(due);
  }
}
