package org.cpor.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (both from the chromium and chromium-driver
 * packages); every step can leave a screenshot under target/e2e-screenshots for the build log.
 */
final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  final ChromeDriver driver;
  private final String baseUrl;
  private final WebDriverWait wait;

  Browser(int port) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("cpor.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("cpor.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.baseUrl = "http://localhost:" + port;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(40));
    Files.createDirectories(SCREENSHOTS);
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  void signIn(String user) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    // as a user does: wait for the page the sign-in leads to before going anywhere else
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }

  void signOut() {
    driver.manage().deleteAllCookies();
  }

  WebElement waitFor(By locator) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (org.openqa.selenium.TimeoutException notThere) {
      failureScreenshot();
      throw notThere;
    }
  }

  /** What the page showed when an expected element never came, for the one reading the failure. */
  private void failureScreenshot() {
    try {
      screenshot("failure-" + System.currentTimeMillis());
    } catch (IOException | RuntimeException ignored) {
      // the failure itself is what matters
    }
  }

  void waitGone(By locator) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Clicks like a user, also where a sticky header would catch a plain WebDriver click. */
  void click(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  /** All text of the page, also what a scrolling panel has out of view. */
  String pageText() {
    return driver.findElement(By.tagName("body")).getDomProperty("textContent").replaceAll("\\s+", " ");
  }

  void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** The customer and partner contacts of the new-claim form, as a partner types them. */
  void typeContacts() {
    driver.findElement(By.id("customerContactName")).sendKeys("Ada Lovelace");
    driver.findElement(By.id("customerContactTitle")).sendKeys("CIO");
    driver.findElement(By.id("customerContactEmail")).sendKeys("ada@contoso.com");
    driver.findElement(By.id("partnerContactName")).sendKeys("Grace Hopper");
    driver.findElement(By.id("partnerContactEmail")).sendKeys("grace@fabrikam-partner.com");
  }

  /** A proof-of-execution file with this content, chosen in the new-claim form's file field; returns the file. */
  Path choosePoe(byte[] content) throws IOException {
    Path poe = Files.createTempFile("signed-poe", ".pdf");
    Files.write(poe, content);
    driver.findElement(By.id("poe")).sendKeys(poe.toAbsolutePath().toString());
    return poe;
  }
}
