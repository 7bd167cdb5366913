package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.pergola.server.testkit.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo as a newcomer meets it: {@code pergola demo} started from the built jar, a sign-in,
 * three teams' children in three technologies working as one application, and a new billing
 * version going live and back without the shell restarting. Takes the README's screenshots on
 * the way: {@code -Dpergola.screenshots=docs/screenshots} writes them into the repository.
 */
class DemoInChromiumTest {

  private static Chromium chromium;
  private static DemoProcess demo;
  private BrowserContext context;
  private Page page;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.launch();
    demo = DemoProcess.start();
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(demo, chromium);
  }

  @BeforeEach
  void openPage() {
    context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1200, 760));
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  private void signInAsAda(String path) {
    page.navigate(demo.url() + path);
    page.fill("input[name=username]", "ada");
    page.fill("input[name=password]", "ada-demo");
    page.click("button[type=submit]");
    page.waitForSelector("[data-testid=user-name]:has-text('Ada Lovelace')");
  }

  private void clickNav(String label) {
    page.click("acme-header nav a:has-text('" + label + "')");
  }

  private String text(String selector) {
    return page.locator(selector).first().textContent();
  }

  @Test
  void aNewcomerSignsInOnceAndUsesThreeTeamsChildrenAsOneApplication() throws IOException {
    signInAsAda("/billing");
    page.waitForSelector("[data-testid=invoices] >> text=INV-2002"); // from the billing team's API
    page.evaluate("window.sameDocument = true");
    screenshot("billing");

    clickNav("Shipping");
    page.waitForSelector("[data-testid=shipments] >> text=SH-1042"); // shipping's API, in a shadow root
    screenshot("shipping");

    clickNav("Profile");
    page.waitForSelector("[data-testid=profile-title]:has-text('Hello, Ada Lovelace')"); // profile's API, from the token
    screenshot("profile");

    clickNav("Billing");
    page.click("[data-testid=invoices] >> text=INV-2002");
    page.click("[data-testid=pay]");
    page.waitForSelector("[data-testid=notifications] >> text=INV-2002"); // billing's event, shown by the header
    screenshot("billing-paid");

    assertThat(page.evaluate("window.sameDocument")).isEqualTo(true); // no reload across all of it
    assertThat(text("[data-testid=user-name]")).isEqualTo("Ada Lovelace");
  }

  @Test
  void theDesignSystemStylesChildrenInsideAndOutsideShadowRoots() {
    signInAsAda("/shipping");
    page.waitForSelector("[data-testid=shipments]");
    String brand =
        (String) page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--ds-color-brand').trim()");
    // Shipping renders in its own shadow root; the page's stylesheet cannot reach in there.
    String insideShadow =
        (String) page.evaluate("getComputedStyle(document.querySelector('acme-shipping').shadowRoot.querySelector('.ds-title')).color");
    clickNav("Billing");
    page.waitForSelector("[data-testid=billing-title]");
    String outside = (String) page.evaluate("getComputedStyle(document.querySelector('[data-testid=billing-title]')).color");

    assertThat(brand).isNotBlank();
    assertThat(insideShadow).isEqualTo(outside).isEqualTo(rgb(brand));
  }

  @Test
  void aNewBillingVersionGoesLiveOnTheNextPageLoadAndRollsBackWithoutRestartingTheShell() throws Exception {
    Path changed = changedBilling("1.1.0", "Invoices and credit notes");
    signInAsAda("/billing");
    assertThat(page.textContent("[data-testid=billing-title]")).isEqualTo("Invoices");

    demo.client("publish", changed.toString());
    demo.client("promote", "billing", "1.1.0", "--message", "credit notes");
    page.reload();

    assertThat(page.textContent("[data-testid=billing-title]")).isEqualTo("Invoices and credit notes");

    demo.client("rollback", "billing");
    page.reload();

    assertThat(page.textContent("[data-testid=billing-title]")).isEqualTo("Invoices");
    assertThat(demo.output()).containsOnlyOnce("Pergola demo is ready"); // the same process throughout
  }

  @Test
  void aDeveloperSeesTheirLocalBillingInsideTheRealShellWhileEverybodyElseKeepsTheDeployedOne() throws Exception {
    // What billing's team has in its folder, served by pergola dev: it uses the shell's Vue (from
    // the import map) and the signed-in person's token (from the shell's login), as the deployed
    // billing does.
    Path folder = Files.createTempDirectory("billing-dev-");
    Files.writeString(folder.resolve("pergola.json"),
        "{\"name\":\"billing\",\"version\":\"1.2.0\",\"kind\":\"single-spa\",\"entry\":\"src/main.js\"}");
    Files.createDirectories(folder.resolve("src"));
    Files.writeString(folder.resolve("src/main.js"),
        """
        import { version } from "vue";
        export async function bootstrap() {}
        export async function mount(props) {
          const token = await props.pergola.auth.getToken();
          props.domElement.innerHTML = `<h1 data-testid="dev-billing">Billing in progress, Vue ${version}, ${token ? "with" : "without"} a token</h1>`;
        }
        export async function unmount(props) { props.domElement.innerHTML = ""; }
        """);
    try (DevServerProcess devServer = DevServerProcess.start(folder, demo.url())) {
      page.navigate(demo.url() + "/pergola/dev-overrides");
      page.fill("input[name=username]", "ada");
      page.fill("input[name=password]", "ada-demo");
      page.click("button[type=submit]");
      page.fill("input[name=billing]", devServer.entry().toString());
      page.click("button:has-text('Save')");
      page.waitForSelector("text=Saved.");
      screenshot("dev-overrides");

      page.navigate(demo.url() + "/billing");

      assertThat(page.textContent("[data-testid=dev-billing]")).startsWith("Billing in progress, Vue 3.").endsWith("with a token");
      screenshot("billing-from-dev-server");
      assertThat(text("[data-testid=user-name]")).isEqualTo("Ada Lovelace"); // the rest of the shell as deployed
      // The developer's loop: edit, reload, see it; nothing published.
      Files.writeString(folder.resolve("src/main.js"), Files.readString(folder.resolve("src/main.js")).replace("in progress", "edited"));
      page.reload();
      assertThat(page.textContent("[data-testid=dev-billing]")).startsWith("Billing edited");
      try (BrowserContext other = chromium.browser().newContext()) {
        Page everybodyElse = other.newPage();
        everybodyElse.navigate(demo.url() + "/billing");
        everybodyElse.fill("input[name=username]", "ada");
        everybodyElse.fill("input[name=password]", "ada-demo");
        everybodyElse.click("button[type=submit]");
        everybodyElse.waitForSelector("[data-testid=invoices] >> text=INV-2002");
        assertThat(everybodyElse.locator("[data-testid=dev-billing]").count()).isZero();
      }

      page.navigate(demo.url() + "/pergola/dev-overrides");
      page.click("button:has-text('Clear all')");
      page.waitForSelector("text=Saved.");
      page.navigate(demo.url() + "/billing");

      page.waitForSelector("[data-testid=invoices] >> text=INV-2002");
      assertThat(page.locator("[data-testid=dev-billing]").count()).isZero();
    }
  }

  @Test
  void aTeamMemberPromotesAndRollsBackTheirAppFromTheDashboardAndNeverOverSomebodyElsesChange() throws Exception {
    demo.client("publish", changedBilling("1.3.0", "Invoices, from the dashboard").toString());
    page.onDialog(dialog -> dialog.accept());
    page.navigate(demo.url() + "/pergola/dashboard");
    page.fill("input[name=username]", "ada");
    page.fill("input[name=password]", "ada-demo");
    page.click("button[type=submit]");
    Locator billing = page.locator("#deployments tr[data-app=billing]");

    billing.locator("select").selectOption("1.3.0");
    page.fill("input[name=reason]", "credit notes");
    billing.locator("button:has-text('Promote')").first().click();

    page.waitForSelector(".notice.done");
    assertThat(billing.locator(".deployed").textContent()).isEqualTo("1.3.0");
    assertThat(page.locator("#history tbody tr").first().textContent())
        .contains("user:ada").contains("promote billing 1.0.0 → 1.3.0").contains("credit notes");
    assertThat(page.textContent(".who")).isEqualTo("Signed in as Ada Lovelace");
    screenshot("dashboard");

    // Somebody else rolls billing back meanwhile: the dashboard's own click deploys nothing,
    // and shows the environment as it now is.
    demo.client("rollback", "billing");
    billing.locator("button:has-text('Roll back')").click();

    page.waitForSelector(".notice.error:has-text('changed since this page was drawn')");
    assertThat(billing.locator(".deployed").textContent()).isEqualTo("1.0.0");
    assertThat(page.locator("#history tbody tr").first().textContent()).contains("rollback billing 1.3.0 → 1.0.0");

    // A canary says which version it shows to what share, in the table and in the history.
    billing.locator("select").selectOption("1.3.0");
    billing.locator("input[type=number]").fill("10");
    billing.locator("button:has-text('Canary')").first().click();
    page.waitForSelector("#history tbody tr[data-revision] >> nth=0 >> text=canary billing 1.3.0 to 10%");
    assertThat(billing.textContent()).contains("1.3.0 to 10%");
    billing.locator("button:has-text('Abort')").click();
    page.waitForSelector("#history tbody tr[data-revision] >> nth=0 >> text=canary-abort billing");

    // Ada is in team billing, not in the header's team, nor an admin: what the API would refuse
    // her is offered disabled, saying why.
    Locator header = page.locator("#deployments tr[data-app=header] button:has-text('Promote')").first();
    assertThat(header.isDisabled()).isTrue();
    assertThat(header.getAttribute("title")).isEqualTo("platform's app: only team platform and admins deploy it");
    assertThat(page.locator("#history button:has-text('Restore')").first().isDisabled()).isTrue();
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    page.screenshot(new Page.ScreenshotOptions().setPath(target.resolve(name + ".png")));
    String repository = System.getProperty("pergola.screenshots");
    if (repository != null && !repository.isBlank()) {
      Path dir = Path.of("..").resolve(repository).normalize();
      Files.createDirectories(dir);
      Files.copy(target.resolve(name + ".png"), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A CSS colour as getComputedStyle reports it: #2f5d50 becomes rgb(47, 93, 80). */
  private static String rgb(String hex) {
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    if (h.length() != 6) {
      return hex; // already in another notation
    }
    int value = Integer.parseInt(h, 16);
    return "rgb(" + (value >> 16) + ", " + ((value >> 8) & 0xff) + ", " + (value & 0xff) + ")";
  }

  /** A copy of the billing example as its team would change it: a new title, a new version. */
  private static Path changedBilling(String version, String title) throws IOException {
    Path changed = Files.createTempDirectory("billing-" + version + "-");
    copy(Path.of("..", "examples", "billing"), changed);
    Files.writeString(
        changed.resolve("billing.js"),
        Files.readString(changed.resolve("billing.js")).replace("const TITLE = \"Invoices\";", "const TITLE = \"" + title + "\";"));
    Files.writeString(
        changed.resolve("pergola.json"),
        Files.readString(changed.resolve("pergola.json")).replace("\"version\": \"1.0.0\"", "\"version\": \"" + version + "\""));
    return changed;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
