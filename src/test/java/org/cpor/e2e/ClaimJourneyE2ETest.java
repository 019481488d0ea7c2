package org.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The product as its four kinds of users see it, in a real browser. */
class ClaimJourneyE2ETest extends BrowserTest {


  @Test
  void partnerAnswersAnInformationRequestInTasklist_northwindSeesNoTask() throws Exception {
    String claimId = submit(java.util.Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Please send the signed PoE");

    browser.signIn("northwind-admin");
    browser.open("/camunda/app/tasklist/default/");
    browser.waitFor(By.partialLinkText("My organisation's requests (Northwind)")).click();
    browser.screenshot("11-northwind-tasklist");
    assertThat(browser.pageText()).doesNotContain("Provide information");
    browser.signOut();

    browser.signIn("fabrikam-admin");
    browser.open("/camunda/app/tasklist/default/");
    browser.waitFor(By.partialLinkText("My organisation's requests (Fabrikam)")).click();
    browser.waitFor(By.partialLinkText("Provide information")).click();
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");
    browser.click(browser.waitFor(claim));
    browser.waitGone(claim);
    assertThat(browser.waitFor(By.cssSelector("textarea[id$='Field_informationQuestion']")).getDomProperty("value"))
        .contains("MISSING_POE", "Please send the signed PoE");
    // the form is drawn again once the task is claimed: type until the form that stays has the answer
    By answer = By.cssSelector("textarea[id$='Field_answerComment']");
    for (int i = 0; i < 10 && !"Signed PoE uploaded in the portal".equals(browser.waitFor(answer).getDomProperty("value")); i++) {
      Thread.sleep(500);
      WebElement field = browser.waitFor(answer);
      field.clear();
      field.sendKeys("Signed PoE uploaded in the portal");
      Thread.sleep(500);
    }
    browser.screenshot("12-partner-tasklist-answer");
    browser.click(browser.waitFor(By.xpath("//button[normalize-space()='Complete']")));
    for (int i = 0; i < 40 && !"UNDER_REVIEW".equals(statusOf(claimId)); i++) {
      Thread.sleep(250);
    }
    browser.screenshot("13-partner-tasklist-completed");
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(claims.latestInformationRequest(claimId).orElseThrow().answerComment()).isEqualTo("Signed PoE uploaded in the portal");
    assertThat(claims.latestInformationRequest(claimId).orElseThrow().answeredBy()).isEqualTo("fabrikam-admin");
  }

  @Test
  void partnerSubmits_validatorApprovesInTasklist_customerDeclines_auditorReadsCockpit_northwindSeesNothing() throws Exception {
    // a partner submits a claim in the portal
    browser.signIn("fabrikam-admin");
    browser.waitFor(By.linkText("New claim")).click();
    browser.waitFor(By.id("name")).sendKeys("Browser claim");
    browser.driver.findElement(By.id("customerTenantId")).sendKeys(CONTOSO);
    browser.driver.findElement(By.id("customerDomain")).sendKeys("contoso.com");
    browser.driver.findElement(By.cssSelector("input[name=workloads][value=TEAMS]")).click();
    browser.typeContacts();
    browser.choosePoe(PDF);
    browser.screenshot("01-partner-new-claim");
    browser.driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    browser.waitForText(By.tagName("h1"), "Browser claim");
    assertThat(browser.pageText()).contains("Under review", "Claim submitted", "signed-poe");
    browser.screenshot("02-partner-claim-page");
    String claimId = browser.driver.getCurrentUrl().replaceAll(".*/portal/claims/", "");
    browser.signOut();

    // northwind sees none of Fabrikam's claims or tasks
    browser.signIn("northwind-admin");
    browser.waitFor(By.tagName("h1"));
    assertThat(browser.pageText()).doesNotContain("Browser claim");
    browser.open("/portal/claims/" + claimId);
    assertThat(browser.pageText()).contains("Not found").doesNotContain("Browser claim");
    browser.screenshot("03-northwind-portal");
    browser.signOut();

    // the validator approves in Tasklist
    browser.signIn("validator");
    browser.open("/camunda/app/tasklist/default/");
    browser.waitFor(By.partialLinkText("Claims to validate")).click();
    browser.waitFor(By.partialLinkText("Validate claim")).click();
    browser.screenshot("04-validator-task");
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");
    browser.click(browser.waitFor(claim));
    browser.waitGone(claim);
    browser.waitForText(By.tagName("body"), "Automated findings");
    assertThat(browser.pageText()).contains("Automated findings", "Proof of execution");
    browser.screenshot("05-validator-form");
    WebElement approve = browser.waitFor(By.xpath("//label[normalize-space()='Approve']"));
    browser.click(browser.driver.findElement(By.id(approve.getAttribute("for"))));
    browser.screenshot("05b-validator-decision");
    browser.click(browser.waitFor(By.xpath("//button[normalize-space()='Complete']")));
    for (int i = 0; i < 40 && !"APPROVED".equals(statusOf(claimId)); i++) {
      Thread.sleep(250);
    }
    browser.screenshot("06-validator-completed");
    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    browser.signOut();

    // the customer declines through the link in the e-mail
    management.executeJob(job(claimId).getId());
    Matcher link = Pattern.compile("https://claims\\.cpor\\.test(/customer/associations/[A-Za-z0-9._~-]+/decline)")
        .matcher(body(mailTo("ada@contoso.com").get(0)));
    assertThat(link.find()).isTrue();
    browser.open(link.group(1));
    browser.waitFor(By.xpath("//button[normalize-space()='Yes, decline']")).click();
    browser.waitForText(By.tagName("main"), "You have declined this request");
    browser.screenshot("07-customer-declined");
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");

    // the auditor finds the finished instance in Cockpit's claims history
    browser.signIn("auditor");
    browser.open("/camunda/app/cockpit/default/#/claims-history");
    WebElement found = browser.waitFor(By.linkText("Browser claim"));
    browser.screenshot("08a-auditor-claims-history");
    found.click();
    browser.waitForText(By.tagName("body"), "Timeline");
    assertThat(browser.pageText()).contains("CUSTOMER_DECLINED", "Validate claim", "validator", "Record customer decline", "(COMPLETED)");
    browser.screenshot("08b-auditor-claim");
  }
}
