package org.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Tasklist as validators work in it all day: cards that tell claims apart, search, and the decision form. */
class TasklistE2ETest extends BrowserTest {

  private static final By CLAIM_BUTTON = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");


  private String adatumClaim() throws Exception {
    return submitAs("northwind-admin", Map.of("name", "Adatum Dynamics rollout", "partnerId", "7654321",
        "customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "customerContact", Map.of("name", "Bela Kovacs", "title", "CTO", "email", "bela@adatum.hu", "language", "hu")));
  }

  private void openClaimsToValidate() {
    browser.signIn("validator");
    browser.open("/camunda/app/tasklist/default/");
    browser.waitFor(By.partialLinkText("Claims to validate")).click();
  }

  private void choose(String label) {
    browser.click(browser.driver.findElement(By.id(browser.waitFor(By.xpath("//label[normalize-space()=\"" + label + "\"]"))
        .getAttribute("for"))));
  }

  /** Types into the pill's field once Tasklist has opened it for typing, as a user waits for the cursor. */
  private void typeInto(String field, String text) {
    new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.driver
        .executeScript("var e = document.activeElement; return e.tagName === 'INPUT' && !!e.closest(arguments[0]);", field)));
    browser.driver.switchTo().activeElement().sendKeys(text, Keys.ENTER);
  }

  @Test
  void validatorTypesAdatumInTheSearch_andSeesOnlyTheMatchingCard() throws Exception {
    submit(Map.of());
    adatumClaim();
    openClaimsToValidate();
    browser.waitFor(By.partialLinkText("Validate claim: Contoso Teams rollout — Fabrikam"));
    browser.waitFor(By.partialLinkText("Validate claim: Adatum Dynamics rollout — Northwind"));
    assertThat(browser.pageText()).contains("Partner:", "Fabrikam (4567890)", "Customer domain:",
        "contoso.onmicrosoft.com", "Northwind (7654321)", "adatum.hu");
    browser.screenshot("t01-validator-cards");

    // Tasklist's search: a task variable, its name, the text, then "like"
    browser.waitFor(By.cssSelector("input.main-field")).click();
    browser.waitFor(By.xpath("//li[contains(@class,'uib-typeahead-match')][normalize-space()='Task Variable']")).click();
    typeInto(".name-field", "claimSearch");
    typeInto(".value-field", "Adatum");
    // the operator: Tasklist may have opened its choices already; otherwise the user clicks it
    By like = By.xpath("//li[contains(@class,'uib-typeahead-match')][normalize-space()='like']");
    new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30)).until(d -> {
      if (d.findElements(like).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed)) {
        return true;
      }
      try {
        d.findElement(By.cssSelector(".operator-field")).click();
      } catch (org.openqa.selenium.WebDriverException notYet) {
        // its choices are opening
      }
      return false;
    });
    browser.waitFor(like).click();

    browser.waitGone(By.partialLinkText("Contoso Teams rollout"));
    browser.waitFor(By.partialLinkText("Validate claim: Adatum Dynamics rollout — Northwind"));
    assertThat(browser.driver.findElements(By.partialLinkText("Validate claim:"))).hasSize(1);
    browser.screenshot("t02-validator-search-adatum");
  }

  @Test
  void validatorOpensThePoeBeforeClaiming_seesACompetitorWhoCameLater_andTheFormAsksForWhatTheOutcomeNeeds()
      throws Exception {
    String claimId = submit(Map.of());
    openClaimsToValidate();
    browser.waitFor(By.partialLinkText("Contoso Teams rollout")).click();
    browser.waitForText(By.tagName("body"), "Competing association and claims");
    assertThat(browser.pageText()).contains("As of 2026-12-02 14:30 (UTC): no competing association or claim",
        "uploaded 2026-12-02 14:30 (UTC)").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    assertThat(browser.waitFor(By.cssSelector("textarea[id$='Field_claimSummary']")).getDomProperty("value"))
        .contains("Submitted: 2026-12-02 14:30 (UTC) by fabrikam-admin").doesNotContain("\\");
    assertThat(browser.driver.findElements(CLAIM_BUTTON)).as("not claimed yet").isNotEmpty();

    // the PoE opens in a tab of its own, before the task is claimed; Tasklist stays
    String tasklist = browser.driver.getWindowHandle();
    browser.waitFor(By.linkText("signed-poe.pdf")).click();
    new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20)).until(d -> d.getWindowHandles().size() == 2);
    Set<String> windows = browser.driver.getWindowHandles();
    String poeTab = windows.stream().filter(w -> !w.equals(tasklist)).findFirst().orElseThrow();
    browser.driver.switchTo().window(poeTab);
    assertThat(browser.driver.getCurrentUrl()).matches("http://localhost:" + port + "/api/poe/[0-9a-f-]{36}");
    // the tab shows the file itself, not the browser's "blocked" page (a tab inheriting the webapps' sandbox)
    assertThat(browser.driver.executeScript("return document.contentType")).isEqualTo("application/pdf");
    browser.driver.close();
    browser.driver.switchTo().window(tasklist);
    assertThat(browser.driver.getCurrentUrl()).contains("/camunda/app/tasklist/");
    assertThat(read("/api/claims/" + claimId + "/timeline", "validator").toString()).contains("POE_DOWNLOADED");

    // a competing claim arrives an hour after the task was created: the form shows it when the validator looks again
    setTime(NOW.plusSeconds(3600));
    String competing = submitAs("northwind-admin", Map.of("name", "Northwind Teams", "partnerId", "7654321",
        "workloads", List.of(Map.of("code", "TEAMS"))));
    browser.driver.navigate().refresh();
    browser.waitForText(By.tagName("body"), "As of 2026-12-02 15:30 (UTC)");
    assertThat(browser.pageText()).contains("TEAMS: open claim " + competing + " of Northwind, PartnerID 7654321");
    browser.screenshot("t03-validator-form-competition-now");

    browser.click(browser.waitFor(CLAIM_BUTTON));
    browser.waitGone(CLAIM_BUTTON);
    // claimed: the form is drawn again, enabled
    browser.waitFor(By.cssSelector("input[type=radio]:not([disabled])"));
    choose("Reject");
    browser.waitFor(By.xpath("//label[normalize-space()='Proof of execution insufficient']"));
    assertThat(browser.pageText()).contains("A competing claim is preferred").doesNotContain("Proof of execution missing",
        "MISSING_POE", "Request information: ");
    browser.click(browser.waitFor(By.xpath("//button[normalize-space()='Complete']")));
    browser.waitForText(By.tagName("body"), "Field is required.");
    browser.screenshot("t04-validator-form-missing-reason");
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(task(claimId, "Task_ValidateClaim")).isNotNull();

    choose("Request information");
    browser.waitFor(By.xpath("//label[normalize-space()='Proof of execution missing']"));
    assertThat(browser.pageText()).doesNotContain("Proof of execution insufficient");
    choose("Reject");
    choose("A competing claim is preferred");
    By comment = By.cssSelector("textarea[id$='Field_validationComment']");
    // leaving the field checks it again: Tasklist enables Complete once the form has no error left
    browser.waitFor(comment).sendKeys("Northwind's claim is better documented", Keys.TAB);
    browser.click(browser.waitFor(By.xpath("//button[normalize-space()='Complete' and not(@disabled)]")));
    browser.screenshot("t05-validator-form-rejects");
    for (int i = 0; i < 40 && !"REJECTED".equals(statusOf(claimId)); i++) {
      Thread.sleep(250);
    }
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    assertThat(claims.latestDecision(claimId).orElseThrow().reasons()).containsExactly("COMPETING_CLAIM_PREFERRED");
  }
}
