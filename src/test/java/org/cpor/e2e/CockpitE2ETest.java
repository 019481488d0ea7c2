package org.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cpor.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The auditor's claims history in Cockpit, read in Budapest: dates, search, sorting, export, PoE files and charts. */
class CockpitE2ETest extends BrowserTest {

  private static final String HISTORY = "/camunda/app/cockpit/default/#/claims-history";

  @Autowired org.cpor.timeline.ClaimTimeline timeline;

  @BeforeEach
  void readInBudapest() {
    // the reader's zone and language, whatever the machine's: every date must follow them
    browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Budapest"));
    browser.driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-US"));
  }

  @Test
  void auditorSearchesSortsExportsAndDownloadsAPoe_oneRequestPerSearch_chartsOnTheDefinition() throws Exception {
    String rejected = submit(Map.of("name", "Rejected rollout"));
    setTime(NOW.plus(Duration.ofMinutes(312)));
    validate(rejected, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    submit(Map.of("name", "Open rollout", "workloads", List.of(Map.of("code", "INTUNE"))));

    browser.signIn("auditor");
    browser.open(HISTORY);
    browser.waitFor(By.linkText("Rejected rollout"));
    // newest first; submitted 14:30 UTC is 15:30 in Budapest, labelled with the zone
    assertThat(column("Claim")).containsExactly("Open rollout", "Rejected rollout");
    assertThat(column("Submitted")).containsExactly("Dec 2, 2026, 08:42 PM GMT+1", "Dec 2, 2026, 03:30 PM GMT+1");
    assertThat(column("Decided")).containsExactly("", "Dec 2, 2026, 08:42 PM GMT+1");
    assertThat(column("Organisation")).containsOnly("Fabrikam");
    assertThat(new Select(browser.driver.findElement(By.name("outcome"))).getOptions()).extracting(WebElement::getText)
        .contains("Any", "UNDER_REVIEW", "REJECTED", "OFFICIAL", "WITHDRAWN");
    browser.screenshot("21-auditor-claims-history");

    browser.click(browser.driver.findElement(By.linkText("Submitted ▼")));
    browser.waitFor(By.linkText("Submitted ▲"));
    assertThat(column("Claim")).containsExactly("Rejected rollout", "Open rollout");

    // several visits of the page, then one search: one request
    for (int visit = 0; visit < 3; visit++) {
      browser.driver.executeScript("window.location.hash = '#/processes'");
      browser.waitGone(By.xpath("//h1[normalize-space()='Claims history']"));
      browser.click(browser.waitFor(By.linkText("Claims history")));
      browser.waitFor(By.linkText("Rejected rollout"));
    }
    browser.driver.executeScript("performance.clearResourceTimings()");
    new Select(browser.driver.findElement(By.name("outcome"))).selectByVisibleText("REJECTED");
    browser.driver.executeScript("arguments[0].value = '2026-12-01'; arguments[1].value = '2026-12-02'",
        browser.driver.findElement(By.name("from")), browser.driver.findElement(By.name("to")));
    browser.click(browser.driver.findElement(By.xpath("//button[normalize-space()='Search']")));
    browser.waitGone(By.linkText("Open rollout"));
    browser.waitFor(By.linkText("Rejected rollout"));
    // a request made after the search has ended, so that any second request of the search has ended too
    browser.driver.executeAsyncScript("fetch(location.href).then(() => arguments[arguments.length - 1]())");
    Long searches = (Long) browser.driver.executeScript("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/claims?') && e.name.includes('outcome=REJECTED')).length");
    assertThat(searches).isEqualTo(1L);

    WebElement csv = browser.waitFor(By.id("claims-history-csv"));
    assertThat(csv.getDomAttribute("href")).isEqualTo("/api/audit/claims.csv?from=2026-12-01&to=2026-12-02");
    assertThat(csv.getText()).contains("from 2026-12-01", "to 2026-12-02");
    Object export = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0].href).then(r => r.text().then(t => done(r.status + ' ' + t.split('\\n').length)))", csv);
    assertThat(export).as("the auditor's session downloads the export").asString().startsWith("200 ");
    browser.screenshot("22-auditor-search-sorted-export");

    // the claim: one date format, the PoE file as a link whose download is recorded in the timeline
    browser.click(browser.waitFor(By.linkText("Rejected rollout")));
    browser.waitFor(By.xpath("//h2[normalize-space()='Timeline']"));
    waitForText("Variable history");
    String page = visibleText();
    assertThat(page).contains("Submitted Dec 2, 2026, 03:30 PM GMT+1 by fabrikam-admin", "Organisation Fabrikam",
        "PoE files shown to the validator: signed-poe.pdf", "reviewDueAt Dec 9, 2026, 03:30 PM GMT+1");
    assertThat(page).doesNotContain("+0000", "](", "UTC 2026", "(UTC)", "\\_")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    WebElement poe = browser.driver.findElement(By.xpath("//h2[normalize-space()='Proof of execution']/following-sibling::table[1]//a"));
    assertThat(poe.getDomAttribute("href")).matches("/api/poe/[0-9a-f-]{36}");
    assertThat(poe.getDomAttribute("download")).isEqualTo("signed-poe.pdf");
    browser.screenshot("23-auditor-claim");
    java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("downloads");
    browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    browser.click(poe);
    java.nio.file.Path saved = downloads.resolve("signed-poe.pdf");
    new WebDriverWait(browser.driver, Duration.ofSeconds(40)).until(d -> java.nio.file.Files.exists(saved));
    assertThat(saved).hasBinaryContent(PDF);
    assertThat(timeline.ofClaim(rejected)).extracting(TimelineEvent::type, TimelineEvent::actor)
        .contains(org.assertj.core.groups.Tuple.tuple("POE_DOWNLOADED", "auditor"));
    browser.driver.navigate().refresh();
    waitForText("POE_DOWNLOADED");
    assertThat(visibleText()).containsPattern("[A-Z][a-z]{2} \\d{1,2}, 2026, \\d{2}:\\d{2} [AP]M GMT\\+1 auditor POE_DOWNLOADED signed-poe.pdf");

    // the definition's tab: charts drawn, lead times in hours when under a day
    browser.open("/camunda/app/cockpit/default/#/processes");
    browser.click(browser.waitFor(By.linkText("Customer association claim")));
    browser.click(browser.waitFor(By.xpath("//a[normalize-space()='Claims history']"
        + "[ancestor::*[contains(@class,'ctn-tabbed-content') or contains(@class,'nav-tabs') or contains(@class,'tabs')]]")));
    browser.waitFor(By.xpath("//h3[normalize-space()='Lead time from submission']"));
    waitForText("5.2 h");
    assertThat(browser.driver.findElements(By.cssSelector("canvas[role=img]"))).hasSize(3);
    Long drawn = (Long) browser.driver.executeScript("return [...document.querySelectorAll('canvas[role=img]')]"
        + ".filter(c => c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0)).length");
    assertThat(drawn).as("charts with something drawn").isEqualTo(3L);
    assertThat(visibleText()).contains("first decision 1 5.2 h 5.2 h").doesNotContain("0.0 days");
    browser.screenshot("25-auditor-definition-charts");
    browser.driver.executeScript("arguments[0].scrollIntoView()", browser.driver.findElement(By.xpath("//h3[normalize-space()='Lead time from submission']")));
    browser.screenshot("26-auditor-definition-lead-times");
  }

  /** The page's text as it is laid out, also below the fold of Cockpit's scrolling view; one space between cells. */
  private String visibleText() {
    return ((String) browser.driver.executeScript("return document.body.innerText")).replaceAll("\\s+", " ");
  }

  private void waitForText(String text) throws Exception {
    try {
      new WebDriverWait(browser.driver, Duration.ofSeconds(40)).until(d -> visibleText().contains(text));
    } catch (org.openqa.selenium.TimeoutException notThere) {
      browser.screenshot("failure-cockpit-" + System.currentTimeMillis());
      throw notThere;
    }
  }

  /** The texts of a column of the claims history's table, top to bottom. */
  private List<String> column(String header) {
    List<WebElement> headers = browser.driver.findElements(By.cssSelector("table.cam-table thead th"));
    int index = 0;
    while (index < headers.size() && !headers.get(index).getText().replaceAll(" [▲▼]$", "").equals(header)) {
      index++;
    }
    return browser.driver.findElements(By.cssSelector("table.cam-table tbody tr td:nth-child(" + (index + 1) + ")"))
        .stream().map(WebElement::getText).toList();
  }
}
