package org.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The partner portal through a partner's day, in a real browser. */
class PortalE2ETest extends BrowserTest {


  @Test
  void newClaimForm_showsTheProgramsWorkloads_andKeepsThePoeAcrossARefusedSubmit() throws Exception {
    browser.signIn("fabrikam-admin");
    browser.open("/portal/claims/new");
    browser.waitFor(By.id("name")).sendKeys("Browser Sell claim");
    // the script switches the workloads without a round trip
    new Select(browser.driver.findElement(By.id("program"))).selectByValue("OSA_SELL");
    browser.waitFor(By.cssSelector("input[name=workloads][value=POWER_BI]"));
    assertThat(browser.driver.findElement(By.cssSelector("input[name=workloads][value=TEAMS]")).isDisplayed()).isFalse();
    browser.driver.findElement(By.cssSelector("input[name=workloads][value=POWER_BI]")).click();
    assertThat(browser.waitFor(By.id("sub-POWER_BI")).isDisplayed()).isTrue();
    assertThat(browser.driver.findElement(By.id("sub-DYNAMICS_365_SALES")).isDisplayed()).isFalse();
    browser.screenshot("p01-new-claim-osa-sell");
    browser.driver.findElement(By.cssSelector("input[name=workloads][value=POWER_BI]")).click();
    new Select(browser.driver.findElement(By.id("program"))).selectByValue("OSU_M365");
    browser.waitFor(By.cssSelector("input[name=workloads][value=TEAMS]")).click();
    assertThat(browser.driver.findElement(By.cssSelector("input[name=workloads][value=POWER_BI]")).isDisplayed()).isFalse();
    browser.driver.findElement(By.id("name")).clear();
    browser.driver.findElement(By.id("name")).sendKeys("Browser Teams claim");
    browser.driver.findElement(By.id("customerTenantId")).sendKeys("not-a-guid");
    browser.driver.findElement(By.id("customerDomain")).sendKeys("contoso.com");
    browser.typeContacts();
    Path poe = browser.choosePoe(PDF);
    browser.driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();

    // refused: the file stays, named, and the page says what to correct in words
    browser.waitForText(By.tagName("main"), "Files already uploaded");
    assertThat(browser.pageText()).contains("Please correct the marked fields", "must be a GUID", poe.getFileName().toString());
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});",
        browser.driver.findElement(By.cssSelector("fieldset.kept")));
    browser.screenshot("p02-new-claim-refused-keeps-poe");
    browser.driver.findElement(By.id("customerTenantId")).clear();
    browser.driver.findElement(By.id("customerTenantId")).sendKeys(CONTOSO);
    browser.driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    browser.waitForText(By.tagName("h1"), "Browser Teams claim");
    assertThat(browser.pageText()).contains("Under review", "OSU – Microsoft 365", "Use or consume", poe.getFileName().toString())
        .doesNotContain("UNDER_REVIEW", "USE_OR_CONSUME");
    browser.screenshot("p03-claim-submitted");
  }

  @Test
  void emailLink_leadsThroughSignInToTheClaim_listShowsWhatNeedsAction_withdrawalAsksFirst() throws Exception {
    String claimId = submit(Map.of("name", "Contoso Teams rollout"));
    submit(Map.of("name", "Contoso SharePoint", "workloads", java.util.List.of(Map.of("code", "SHAREPOINT_ONLINE"))));
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE,MISSING_WORKLOADS", "Please name Teams in the signed PoE");

    // the partner follows the e-mail's link while signed out
    Matcher link = Pattern.compile("https://claims\\.cpor\\.test(/portal/claims/[0-9a-f-]+)")
        .matcher(body(mailTo("grace@fabrikam-partner.com").get(mailTo("grace@fabrikam-partner.com").size() - 1)));
    assertThat(link.find()).isTrue();
    browser.open(link.group(1));
    browser.waitFor(By.id("username")).sendKeys("fabrikam-admin");
    browser.driver.findElement(By.id("password")).sendKeys("fabrikam-admin");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.waitForText(By.tagName("h1"), "Contoso Teams rollout");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/claims/" + claimId);
    assertThat(browser.pageText()).contains("Waiting for your answer", "Proof of execution missing",
        "Workloads missing from the proof of execution", "14 business days left", "Send the answer");
    browser.screenshot("p04-email-link-after-sign-in");

    // the list: search by workload name, counts, and what needs the partner's action
    browser.open("/portal/claims");
    browser.click(browser.waitFor(By.partialLinkText("Needs your action")));
    browser.waitForText(By.tagName("main"), "Answer the information request by");
    assertThat(browser.pageText()).contains("Contoso Teams rollout").doesNotContain("Contoso SharePoint");
    browser.screenshot("p05-claims-needing-action");
    browser.open("/portal/claims");
    browser.waitFor(By.name("q")).sendKeys("sharepoint");
    browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    browser.waitForText(By.tagName("main"), "1 claim");
    assertThat(browser.pageText()).contains("Contoso SharePoint").doesNotContain("Contoso Teams rollout");
    browser.screenshot("p06-claims-search");

    // withdrawing asks first, with what it means
    browser.open("/portal/claims/" + claimId);
    browser.click(browser.waitFor(By.linkText("Withdraw the claim…")));
    browser.waitForText(By.tagName("main"), "This cannot be undone.");
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
    browser.screenshot("p07-withdraw-confirmation");
    browser.click(browser.waitFor(By.xpath("//button[normalize-space()='Yes, withdraw the claim']")));
    browser.waitForText(By.tagName("main"), "The claim is withdrawn.");
    assertThat(statusOf(claimId)).isEqualTo("WITHDRAWN");
    browser.screenshot("p08-withdrawn");
  }
}
