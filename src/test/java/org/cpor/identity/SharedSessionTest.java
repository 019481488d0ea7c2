package org.cpor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A sign-in is kept in the shared database, not in one node's memory: any node that reads the session's row serves
 * the user, and a restart signs nobody out. (Two real nodes are run by the reliability profile.)
 */
class SharedSessionTest extends IntegrationTest {

  @LocalServerPort int port;

  @Test
  void aSignInIsARowOfTheSharedDatabase_andNothingOfItIsInTheNodesMemory() throws Exception {
    HttpClient browser = signedIn(port, "validator");
    String sessionId = new String(Base64.getDecoder().decode(((CookieManager) browser.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow()
        .getValue()), StandardCharsets.US_ASCII);

    assertThat(jdbc.sql("select PRINCIPAL_NAME from SPRING_SESSION where SESSION_ID = ?").param(sessionId)
        .query(String.class).single()).isEqualTo("validator");
    HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/task/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(jdbc.sql("""
        select count(*) from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s on s.PRIMARY_ID = a.SESSION_PRIMARY_ID
        where s.SESSION_ID = ? and a.ATTRIBUTE_NAME = 'authenticatedUser'""").param(sessionId).query(Long.class).single())
        .as("the webapps' sign-in travels with the session").isEqualTo(1);

    jdbc.sql("delete from SPRING_SESSION where SESSION_ID = ?").param(sessionId).update();
    HttpResponse<String> afterwards = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/task/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(afterwards.statusCode()).as("nothing of the session is left in the node's memory").isIn(401, 403);
  }
}
