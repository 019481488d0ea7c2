package org.cpor.e2e;

import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test: the application on its real port and a fresh headless Chromium for every test. */
abstract class BrowserTest extends IntegrationTest {

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }
}
