package org.cpor.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 3. A load balancer without sticky sessions may send each request of one browser to another node. A user signed in
 * on node A (the portal's form, or the Camunda webapps' own login) continues on node B with the same cookie, and a
 * customer's decline page served by node A is confirmed on node B (POST with the page's CSRF token). Each is first
 * shown to work on node A alone, so that a failure is about the second node.
 */
class SessionsSharedReliabilityIT {

  private static final String RUN = "sessions";

  @Test
  @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aSignedInUserAndACustomersPage_continueOnTheOtherNode() {
    Figures figures = new Figures("3-sessions", "3. Sessions shared between two nodes");
    Database database = Database.fresh(RUN);
    Api api = new Api();
    try (MailServer mail = MailServer.started(); Cluster cluster = Cluster.of(RUN, 2, database, mail, List.of())) {
      cluster.startOneAfterAnother();
      Node a = cluster.node(0);
      Node b = cluster.node(1);
      portal(a, b, api, figures);
      tasklist(a, b, api, figures);
      customerDecline(a, b, api, mail, database, figures);
    } finally {
      figures.publish();
    }
    figures.assertChecksPass();
  }

  /** The portal's form login on A; the same cookie on B. */
  private static void portal(Node a, Node b, Api api, Figures figures) {
    Browser browser = new Browser(api);
    Api.Response signIn = browser.signInToPortal(a, "fabrikam-admin");
    figures.check("portal: sign in on node A (form login)", describe(signIn), signIn.status() == 302
        && location(signIn).endsWith("/portal/claims"));
    Api.Response onA = browser.get(a, "/portal/claims");
    figures.check("portal: claims page on node A", describe(onA), onA.status() == 200);
    Api.Response onB = browser.get(b, "/portal/claims");
    figures.check("portal: claims page on node B with A's cookie", describe(onB), onB.status() == 200);
    Api.Response apiOnB = browser.get(b, "/api/claims");
    figures.check("API: GET /api/claims on node B with A's portal cookie", describe(apiOnB), apiOnB.status() == 200);
  }

  /** The Camunda webapps' own login on A (Tasklist); its session and XSRF token on B. */
  private static void tasklist(Node a, Node b, Api api, Figures figures) {
    Browser browser = new Browser(api);
    Api.Response signIn = browser.signInToTasklist(a, "validator");
    figures.check("Tasklist: sign in on node A (/camunda/api/admin/auth/user/default/login/tasklist)", describe(signIn), signIn.status() == 200);
    Api.Response userOnA = browser.get(a, "/camunda/api/admin/auth/user/default");
    figures.check("Tasklist: signed-in user on node A", describe(userOnA), userOnA.status() == 200 && userOnA.body().contains("\"validator\""));
    Api.Response userOnB = browser.get(b, "/camunda/api/admin/auth/user/default");
    figures.check("Tasklist: signed-in user on node B with A's cookie", describe(userOnB),
        userOnB.status() == 200 && userOnB.body().contains("\"validator\""));
    Api.Response filtersOnB = browser.get(b, "/camunda/api/engine/engine/default/filter?resourceType=Task");
    figures.check("Tasklist: the validator's filters on node B", describe(filtersOnB),
        filtersOnB.status() == 200 && filtersOnB.body().contains("Claims to validate"));
    Api.Response countOnB = browser.postJson(b, "/camunda/api/engine/engine/default/task/count", "{}",
        Map.of("X-XSRF-TOKEN", String.valueOf(browser.cookie("XSRF-TOKEN"))));
    figures.check("Tasklist: a POST on node B with A's XSRF token (task count)", describe(countOnB), countOnB.status() == 200);
  }

  /** A customer opens the decline page on A and confirms on B; a control claim is declined on A alone. */
  private static void customerDecline(Node a, Node b, Api api, MailServer mail, Database database, Figures figures) {
    String control = approvedAndNotified(0, a, api, database);
    String claim = approvedAndNotified(1, a, api, database);
    boolean mailed = Poll.until(Duration.ofMinutes(2), () -> mail.declinePath(Claims.customerEmail(RUN, 0)) != null
        && mail.declinePath(Claims.customerEmail(RUN, 1)) != null);
    if (!figures.check("customer: association requests with decline links received", mailed, mailed)) {
      return;
    }

    Browser controlCustomer = new Browser(api);
    String controlPath = mail.declinePath(Claims.customerEmail(RUN, 0));
    Api.Response controlPage = controlCustomer.get(a, controlPath);
    Api.Response controlPost = controlCustomer.postForm(a, controlPath, Map.of("_csrf", String.valueOf(Browser.csrfField(controlPage.body()))), Map.of());
    String controlStatus = status(api, a, control);
    figures.check("customer (control): decline page and confirmation both on node A", "page " + controlPage.status() + ", confirmation "
        + controlPost.status() + ", claim " + controlStatus, controlPost.status() == 200 && "REJECTED".equals(controlStatus));

    Browser customer = new Browser(api);
    String path = mail.declinePath(Claims.customerEmail(RUN, 1));
    Api.Response page = customer.get(a, path);
    String csrf = Browser.csrfField(page.body());
    figures.check("customer: decline page on node A, with a CSRF token", page.status() + (csrf == null ? ", no token" : ", token"),
        page.status() == 200 && csrf != null);
    Api.Response confirmation = customer.postForm(b, path, Map.of("_csrf", String.valueOf(csrf)), Map.of());
    String status = status(api, a, claim);
    figures.check("customer: confirmation posted to node B succeeds and the claim is REJECTED (CUSTOMER_DECLINED)",
        "confirmation " + describe(confirmation) + ", claim " + status, confirmation.status() == 200 && "REJECTED".equals(status));
  }

  private static String approvedAndNotified(int number, Node node, Api api, Database database) {
    Claims.Partner partner = Claims.partnerOf(number);
    String id = api.submit(node, partner.admin(), Claims.body(RUN, number), null).expect(201).json().get("id").asText();
    api.approve(node, id).expect(204);
    if (!Poll.until(Duration.ofMinutes(2), () -> database.count("select count(*) from claims where id = ? and opt_out_deadline_at is not null", id) == 1)) {
      throw new IllegalStateException("claim " + id + ": the customer was not notified within 2 minutes");
    }
    return id;
  }

  private static String status(Api api, Node node, String claimId) {
    return api.claim(node, "admin", claimId).expect(200).json().get("status").asText();
  }

  private static String location(Api.Response response) {
    return response.headers().getOrDefault("location", List.of("")).get(0);
  }

  private static String describe(Api.Response response) {
    String location = location(response);
    return response.status() + (location.isEmpty() ? "" : " → " + location.replaceAll("^https?://[^/]+", ""));
  }
}
