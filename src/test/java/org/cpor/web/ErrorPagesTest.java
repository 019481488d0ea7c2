package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error a browser meets is a page of the product saying what happened and where to go instead; API clients keep
 * their JSON. Over a real port: error pages are an error dispatch of the servlet container, which MockMvc does not make.
 */
class ErrorPagesTest extends IntegrationTest {

  private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @LocalServerPort int port;

  @Test
  void partnerWithoutTasklist_getsAProductPageSayingWhoTasklistIsFor_andLinkingTheirClaims() throws Exception {
    HttpResponse<String> page = page(signedIn(port, "fabrikam-user"), "/camunda/app/tasklist/default/");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>Tasklist is not open to you · CPOR claims</title>", "/css/portal.css",
            "Tasklist is for validators", "Incentives admins", "href=\"/portal/claims\"", "Your claims")
        .doesNotContain("Whitelabel", "href=\"/camunda/app/cockpit/\"", "href=\"/camunda/app/tasklist/\"");
  }

  @Test
  void partnerAdminWithoutCockpit_isOfferedTheirClaimsAndTasklist() throws Exception {
    HttpResponse<String> page = page(signedIn(port, "northwind-admin"), "/camunda/app/cockpit/default/");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Cockpit is not open to you", "Cockpit is for auditors and administrators",
            "href=\"/portal/claims\"", "href=\"/camunda/app/tasklist/\"", "answer validators&#39; information requests")
        .doesNotContain("Whitelabel", "href=\"/camunda/app/cockpit/\"");
  }

  @Test
  void staffOpeningThePortal_areToldItIsThePartners_andWhereTheyWork() throws Exception {
    HttpResponse<String> validator = page(signedIn(port, "validator"), "/portal/claims");
    assertThat(validator.statusCode()).isEqualTo(403);
    assertThat(validator.body()).contains("The partner portal is not open to you", "href=\"/camunda/app/tasklist/\"",
            "validate claims")
        .doesNotContain("href=\"/portal/claims\"", "Contoso");

    HttpResponse<String> auditor = page(signedIn(port, "auditor"), "/portal/associations");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(auditor.body()).contains("The partner portal is not open to you", "href=\"/camunda/app/cockpit/\"")
        .doesNotContain("href=\"/camunda/app/tasklist/\"");
  }

  @Test
  void unknownPage_isAProductPage_withASignInForVisitors() throws Exception {
    HttpResponse<String> visitor = page(HttpClient.newHttpClient(), "/no/such/page");
    assertThat(visitor.statusCode()).isEqualTo(404);
    assertThat(visitor.body()).contains("Page not found", "href=\"/login\"").doesNotContain("Whitelabel", "Sign out");

    HttpResponse<String> admin = page(signedIn(port, "admin"), "/no/such/page");
    assertThat(admin.statusCode()).isEqualTo(404);
    assertThat(admin.body()).contains("Page not found", "href=\"/camunda/app/tasklist/\"", "href=\"/camunda/app/cockpit/\"",
        "href=\"/camunda/app/admin/\"", "Sign out");
  }

  @Test
  void theErrorPagesSignOut_signsOut() throws Exception {
    HttpClient browser = signedIn(port, "fabrikam-user");
    HttpResponse<String> page = page(browser, "/camunda/app/tasklist/default/");
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as("the sign-out form carries the session's CSRF token").isTrue();

    HttpResponse<String> signOut = browser.send(HttpRequest.newBuilder(uri("/logout")).header("Accept", HTML)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signOut.statusCode()).isEqualTo(302);
    assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
    assertThat(page(browser, "/portal/claims").statusCode()).as("signed out: the portal asks to sign in").isEqualTo(302);
  }

  @Test
  void aFormSentAfterTheSessionExpired_leadsToTheSignInPage_sayingSo() throws Exception {
    HttpClient browser = HttpClient.newHttpClient();
    // the cookie of a session the server no longer has
    HttpResponse<String> stale = browser.send(HttpRequest.newBuilder(uri("/login")).header("Accept", HTML)
        .header("Cookie", "SESSION=" + java.util.Base64.getEncoder().encodeToString("gone".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=fabrikam-user&password=fabrikam-user&_csrf=expired")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(stale.statusCode()).isEqualTo(302);
    assertThat(stale.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    assertThat(page(browser, "/login?expired").body()).contains("Your session had expired, so nothing was sent");

    HttpResponse<String> noSession = browser.send(HttpRequest.newBuilder(uri("/login")).header("Accept", HTML)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=fabrikam-user&password=fabrikam-user")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noSession.statusCode()).as("a form that never had a session").isEqualTo(403);
    assertThat(noSession.body()).contains("This page was open too long", "Sign in again");
  }

  @Test
  void aStaleFormOfASignedInUser_isAProductPage_andChangesNothing() throws Exception {
    String claimId = submit(java.util.Map.of());
    HttpResponse<String> stale = signedIn(port, "fabrikam-admin").send(HttpRequest.newBuilder(uri("/portal/claims/" + claimId + "/withdrawal"))
        .header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("reason=no+longer+needed&_csrf=stale")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(stale.body()).contains("This page was open too long", "nothing was changed", "href=\"/portal/claims\"");
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void aCustomersStaleConfirmation_isAPageInTheirLanguage_leadingBackToTheirPage() throws Exception {
    HttpResponse<String> stale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/customer/associations/abc.def/decline?lang=hu"))
        .header("Accept", HTML).header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(stale.body()).contains("lang=\"hu\"", "Az oldal túl sokáig volt nyitva", "semmi sem változott",
        "href=\"/customer/associations/abc.def?lang=hu\"").doesNotContain("Sign in", "/login", "/portal");

    HttpResponse<String> unknown = page(HttpClient.newHttpClient(), "/customer/associations/abc.def/elsewhere");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Page not found", "href=\"/customer/associations/abc.def\"").doesNotContain("Sign in");
  }

  @Test
  void visitorsOfOperationsPages_signInInABrowser_whileScrapersAreAskedForHttpBasic() throws Exception {
    HttpResponse<String> browser = page(HttpClient.newHttpClient(), "/actuator/metrics");
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

    HttpResponse<String> scraper = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(scraper.statusCode()).isEqualTo(401);
    assertThat(scraper.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"cpor\"");
  }

  @Test
  void apiClients_keepTheirJsonAnswers() throws Exception {
    HttpClient browser = signedIn(port, "fabrikam-user");
    HttpResponse<String> webappApi = browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(webappApi.statusCode()).isEqualTo(403);
    assertThat(webappApi.body()).startsWith("{").contains("\"status\":403");

    HttpResponse<String> api = browser.send(HttpRequest.newBuilder(uri("/api/claims/unknown")).header("Accept", HTML).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.body()).contains("urn:cpor:problem:not-found");

    HttpResponse<String> engineRest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/engine-rest/task"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(engineRest.statusCode()).isEqualTo(401);
    assertThat(engineRest.body()).doesNotContain("<html");
  }

  private HttpResponse<String> page(HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
