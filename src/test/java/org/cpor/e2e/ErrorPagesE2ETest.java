package org.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What a signed-in user sees where they have no rights, and the sign-in page everyone shares, in a real browser. */
class ErrorPagesE2ETest extends BrowserTest {


  @Test
  void signInPage_namesTheProductForEveryone() throws Exception {
    browser.open("/login");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in to CPOR claims");
    browser.screenshot("e1-sign-in");
    assertThat(browser.driver.getTitle()).isEqualTo("Sign in · CPOR claims");
    assertThat(browser.pageText()).contains("Partners", "Validators", "Auditors", "Administrators").doesNotContain("partner portal</h1>");

    browser.signIn("validator");
    browser.open("/portal/claims");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("The partner portal is not open to you");
    browser.screenshot("e2-validator-opens-portal");
    browser.waitFor(By.cssSelector("main a[href='/camunda/app/tasklist/']"));
  }

  @Test
  void partnerUserOpeningTasklist_isToldWhoItIsFor_andGoesToTheirClaims() throws Exception {
    browser.signIn("fabrikam-user");
    browser.open("/camunda/app/tasklist/");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Tasklist is not open to you");
    browser.screenshot("e3-fabrikam-user-opens-tasklist");
    assertThat(browser.pageText()).contains("Tasklist is for validators", "Your claims").doesNotContain("Whitelabel", "status=403");

    browser.click(browser.waitFor(By.cssSelector("main a[href='/portal/claims']")));
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Claims");
  }

  @Test
  void partnerAdminOpeningCockpit_isOfferedTheirClaimsAndTasklist() throws Exception {
    browser.signIn("northwind-admin");
    browser.open("/camunda/app/cockpit/");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Cockpit is not open to you");
    browser.screenshot("e4-northwind-admin-opens-cockpit");
    assertThat(browser.pageText()).contains("Cockpit is for auditors and administrators", "Your claims", "Tasklist")
        .doesNotContain("Whitelabel");

    browser.click(browser.waitFor(By.cssSelector("main a[href='/camunda/app/tasklist/']")));
    browser.waitFor(By.partialLinkText("My organisation's requests (Northwind)"));
  }
}
