package org.courtyard.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.courtyard.admin.AdminConfig;
import org.courtyard.admin.AdminServer;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.Tenant;
import org.courtyard.admin.contract.FakeOperatorApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser against the real platform: log in with the generated
 * operator password, onboard a property company, enable a module, see it listed; sign in as an
 * operator with a second factor (password, then the code) and create an operator account.
 */
class ConsoleE2E {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static RunningCourtyard courtyard;
  private static AdminServer console;
  private static WebDriver browser;
  private static Path screenshots;

  @BeforeAll
  static void start() throws Exception {
    boolean browserThere = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!browserThere && System.getenv("CI") == null) {
      Assumptions.abort(
          "SKIPPED: no /usr/bin/chromium and /usr/bin/chromedriver on this machine (CI installs"
              + " them; locally: apt-get install -y chromium chromium-driver)");
    }
    assertThat(browserThere)
        .as("CI must have /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
        .isTrue();
    Path tarball = Path.of(System.getProperty("courtyard.distribution"));
    assertThat(tarball).as("the built distribution").isRegularFile();
    screenshots = Files.createDirectories(Path.of(System.getProperty("courtyard.e2e.screenshots")));

    courtyard = RunningCourtyard.shared();
    console = AdminServer.start(new AdminConfig(courtyard.apiUrl(), 0));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (console != null) {
      console.stop();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  private static WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Clicks {@code by} once nothing lies over it: a dialog that just closed fades out over the page
   * for a moment, and a click in that moment would land on its overlay.
   */
  private static void click(By by) {
    waiting()
        .ignoring(ElementClickInterceptedException.class)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  private static void type(String fieldId, String text) {
    WebElement input = visible(By.cssSelector("#" + fieldId + " > input"));
    input.clear();
    input.sendKeys(text);
  }

  private static void screenshot(String name) throws Exception {
    Files.write(
        screenshots.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void logInOnboardEnableAModuleAndSeeItListed() throws Exception {
    String slug = "e2e_" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    String console = "http://127.0.0.1:" + ConsoleE2E.console.port() + "/";

    browser.get(console);
    WebElement user = visible(By.cssSelector("vaadin-login-form vaadin-text-field > input"));
    user.sendKeys("operator");
    WebElement password =
        visible(By.cssSelector("vaadin-login-form vaadin-password-field > input"));
    password.sendKeys(courtyard.operatorPassword(), Keys.ENTER);

    waiting().until(ExpectedConditions.textToBe(By.tagName("h2"), "Property companies"));
    type("onboard-slug", slug);
    type("onboard-name", "E2E 物业 " + slug);
    WebElement estate = visible(By.xpath("//vaadin-checkbox[contains(., '(estate)')]"));
    estate.findElement(By.tagName("input")).click();
    visible(By.cssSelector("#onboard:not([disabled])")).click();

    WebElement token = visible(By.cssSelector("#admin-token > input"));
    assertThat(token.getDomProperty("value")).startsWith("cy_");
    assertThat(visible(By.id("onboard-result")).getText())
        .matches("Onboarded " + slug + " in \\d+ ms \\(modules: estate\\)\\.");
    screenshot("onboarded");
    visible(By.id("token-close")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("token-close")));

    click(By.id("modules-" + slug));
    waiting().until(ExpectedConditions.textToBe(By.tagName("h2"), "Modules"));
    visible(By.cssSelector("#enable-billing:not([disabled])"));
    click(By.cssSelector("#enable-billing:not([disabled])"));
    WebElement outcome =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#module-outcomes span.outcome-success")));
    assertThat(outcome.getText()).matches("Enabled billing for " + slug + " in \\d+ ms");
    visible(By.id("disable-billing"));
    screenshot("modules");

    browser.get(console);
    waiting().until(ExpectedConditions.textToBe(By.tagName("h2"), "Property companies"));
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='billing, estate']")));
    List<String> cells =
        browser.findElements(By.cssSelector("#tenants vaadin-grid-cell-content")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(cells).contains(slug, "E2E 物业 " + slug, "billing, estate");
    screenshot("tenants");

    // what the platform itself says, not just the page
    Tenant onPlatform =
        new OperatorApi(courtyard.apiUrl(), courtyard.operatorPassword()).tenant(slug);
    assertThat(onPlatform.modules()).containsExactly("billing", "estate");
    assertThat(screenshots.resolve("tenants.png")).isNotEmptyFile();

    // the health page: every component up, the company counted, the traffic drawn
    browser.get(console + "health");
    waiting().until(ExpectedConditions.textToBe(By.tagName("h2"), "Health"));
    visible(By.cssSelector("#traffic-chart svg"));
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + slug + "']")));
    screenshot("health");
  }

  @Test
  void anOperatorWithASecondFactorSignsInWithItsCodeAndCreatesAnAccount() throws Exception {
    String suffix = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    String owner = "e2e.owner." + suffix;
    String helper = "e2e.help." + suffix;
    // the account and its second factor, set up through the API as an owner would in the console
    OperatorApi operator = new OperatorApi(courtyard.apiUrl(), courtyard.operatorPassword());
    String password = operator.createOperator(owner, "owner").password();
    OperatorApi first = OperatorApi.signIn(courtyard.apiUrl(), owner, password, null);
    String secret = first.setUpTotp().secret();
    first.confirmTotp(FakeOperatorApi.totp(secret));
    first.signOut();

    String console = "http://127.0.0.1:" + ConsoleE2E.console.port() + "/";
    browser.manage().deleteAllCookies();
    browser.get(console + "login");
    visible(By.cssSelector("vaadin-login-form vaadin-text-field > input")).sendKeys(owner);
    visible(By.cssSelector("vaadin-login-form vaadin-password-field > input"))
        .sendKeys(password, Keys.ENTER);
    // the platform answers totp-required: the second step asks for the code; the confirmation
    // used the current 30-second step, so the next one is the first still unused
    type("login-code", FakeOperatorApi.totp(secret, Instant.now().getEpochSecond() + 30));
    screenshot("login-code");
    visible(By.id("login-code-submit")).click();
    waiting().until(ExpectedConditions.textToBe(By.tagName("h2"), "Property companies"));

    browser.get(console + "operators");
    waiting().until(ExpectedConditions.textToBe(By.tagName("h2"), "Operators"));
    type("operator-username", helper);
    visible(By.id("operator-create")).click();
    WebElement shown = visible(By.id("operator-password"));
    assertThat(shown.getText()).isNotBlank();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + helper + "']")));
    screenshot("operators");

    // what the platform itself says: the account exists, read-only, and the shown password works
    assertThat(operator.operators())
        .filteredOn(o -> o.username().equals(helper))
        .singleElement()
        .matches(o -> o.role().equals("support") && o.active());
    assertThat(OperatorApi.signIn(courtyard.apiUrl(), helper, shown.getText(), null).me().role())
        .isEqualTo("support");

    visible(By.id("logout")).click();
    visible(By.cssSelector("vaadin-login-form"));
  }
}
