package org.cpor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A cross-site post into the webapps is refused, and the signed-in user stays signed in everywhere. */
class CrossSiteRequestTest extends IntegrationTest {

  @LocalServerPort int port;

  @Test
  void postWithoutCsrfToken_isRefused_andDoesNotSignTheUserOut() throws Exception {
    HttpClient browser = signedIn(port, "validator");
    assertThat(filters(browser).statusCode()).isEqualTo(200);

    for (String token : new String[] {null, "forged-token"}) {
      HttpRequest.Builder crossSite = HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/filter/create"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}"));
      if (token != null) {
        crossSite.header("X-XSRF-TOKEN", token);
      }
      HttpResponse<String> refused = browser.send(crossSite.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as("token " + token).isEqualTo(403);
    }

    assertThat(filters(browser).statusCode()).as("still signed in to the webapps").isEqualTo(200);
    HttpResponse<String> portal = browser.send(HttpRequest.newBuilder(uri("/api/claims")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(portal.statusCode()).as("still signed in to the API").isEqualTo(200);
    assertThat(filterService().createFilterQuery().filterName("x").count()).isZero();
  }

  private HttpResponse<String> filters(HttpClient browser) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/filter?resourceType=Task")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private org.camunda.bpm.engine.FilterService filterService() {
    return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getFilterService();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
