package io.pergola.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's headless Chromium driven by Playwright, with no browser download and no traffic
 * beyond loopback. Without {@code /usr/bin/chromium} a test is skipped with the reason, except in
 * CI ({@code CI=true}), where browser tests must run.
 */
final class Chromium implements AutoCloseable {

  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static Chromium launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + EXECUTABLE + " is missing; .ci/run installs it");
      }
      assumeTrue(false, "Browser tests need Debian's chromium at " + EXECUTABLE + " (apt-get install chromium)");
    }
    Playwright playwright = Playwright.create();
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    return new Chromium(playwright, browser);
  }

  Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
