package org.courtyard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium, driven as tenant-admin's end-to-end tests drive it, that times how long a page
 * takes to show a Today screen. The timing is the browser's own: a probe injected into every new
 * document before any of the page's scripts runs (DevTools {@code
 * Page.addScriptToEvaluateOnNewDocument}) watches the DOM with a {@code MutationObserver} and
 * notes, with {@code performance.now()} (milliseconds since the navigation started), the moment the
 * screen is there: as many {@code .today-tile} elements as the API has tiles for the user, and
 * billing's chart ({@code #tile-billing.billed-this-month svg rect.bar}) with a bar for every point
 * of its series. Then the end of the animation frame that renders them (a message posted from its
 * {@code requestAnimationFrame} callback is handled once the frame's style, layout and paint are
 * done): that is the time to first render. WebDriver only collects the numbers afterwards, so its
 * own latency is not in them.
 */
final class TodayBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * One load, in milliseconds since its navigation started.
   *
   * @param html the page's HTML received (Navigation Timing {@code responseEnd})
   * @param tiles the tiles and the chart in the DOM
   * @param painted the end of the frame that renders them: the time to first render
   * @param sinceClick for a screen reached by a click (signing in), the time from the click to that
   *     frame; else NaN
   */
  record Load(double html, double tiles, double painted, double sinceClick) {}

  private static final String PROBE =
      """
      (() => {
        const TILES = %d, BARS = %d;
        addEventListener('click', () => { window.__courtyardClick = performance.now(); }, true);
        const ready = () => document.querySelectorAll('.today-tile').length >= TILES
          && document.querySelectorAll('[id="tile-billing.billed-this-month"] svg rect.bar')
            .length >= BARS;
        window.__courtyardToday = new Promise(resolve => {
          const observer = new MutationObserver(() => {
            if (!ready()) return;
            const tiles = performance.now();
            observer.disconnect();
            // the frame that renders them starts with this callback; a message posted from it
            // is handled once that frame's style, layout and paint are done
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ tiles, painted: performance.now() });
              channel.port2.postMessage(0);
            });
          });
          observer.observe(document, { childList: true, subtree: true });
        });
      })();
      """;

  private static final String COLLECT =
      """
      const done = arguments[arguments.length - 1];
      if (!window.__courtyardToday) { done({ error: 'the probe is not in this page' }); return; }
      window.__courtyardToday.then(r => {
        const n = performance.getEntriesByType('navigation')[0];
        done({ html: n ? n.responseEnd : -1, tiles: r.tiles, painted: r.painted,
               click: window.__courtyardClick === undefined ? -1 : window.__courtyardClick });
      });
      """;

  /**
   * The DevTools commands go through chromedriver's own endpoint, which needs none of Selenium's
   * per-version DevTools modules; without this, Selenium warns on start that it has none for this
   * Chromium. Held here so that the setting is not collected with the logger.
   */
  private static final Logger CDP_VERSIONS =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSIONS.setLevel(Level.OFF);
  }

  private final ChromeDriver driver;
  private String probe;

  private TodayBrowser(ChromeDriver driver) {
    this.driver = driver;
  }

  /**
   * @throws IllegalStateException when Chromium or its driver is not installed
   */
  static TodayBrowser start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the browser part needs Chromium and its driver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + (Files.isExecutable(CHROMIUM) ? "" : "; " + CHROMIUM + " is missing")
              + (Files.isExecutable(CHROMEDRIVER) ? "" : "; " + CHROMEDRIVER + " is missing")
              + " (Debian: apt-get install -y chromium chromium-driver). Nothing was measured in"
              + " the browser; --no-browser measures the API alone.");
    }
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
        "--window-size=1400,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new TodayBrowser(driver);
  }

  /** The browser's version, for the report. */
  String version() {
    return String.valueOf(driver.getCapabilities().getBrowserVersion());
  }

  /**
   * From the next navigation on, a Today screen is there when it shows {@code tiles} tiles and
   * billing's chart {@code bars} bars.
   */
  void expect(long tiles, long bars) {
    if (probe != null) {
      driver.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", probe));
    }
    Map<String, Object> added =
        driver.executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of("source", String.format(Locale.ROOT, PROBE, tiles, bars)));
    probe = String.valueOf(added.get("identifier"));
  }

  /**
   * Signs in to the property console as staff of {@code company}, which lands on Today.
   *
   * @return that first Today, timed from the click on "Sign in" (its {@code painted} and {@code
   *     tiles} count from the sign-in page's navigation)
   */
  Load signIn(String consoleUrl, String company, String user, String password) {
    driver.manage().deleteAllCookies();
    driver.get(consoleUrl + "login?as=company");
    type("staff-company", company);
    type("staff-user", user);
    type("staff-password", password);
    driver.findElement(By.id("staff-submit")).click();
    return collect();
  }

  /** Opens {@code url} and waits, in the browser, for its Today screen. */
  Load load(String url) {
    driver.get(url);
    return collect();
  }

  /** The ids of the tiles the page shows, in its order ({@code tile-} left off). */
  @SuppressWarnings("unchecked")
  List<String> tileIds() {
    return (List<String>)
        driver.executeScript(
            "return [...document.querySelectorAll('.today-tile')]"
                + ".map(e => e.id.replace(/^tile-/, ''));");
  }

  /** The number a tile shows, as the page wrote it. */
  String value(String tileId) {
    return String.valueOf(
        driver.executeScript(
            "return document.getElementById('tile-' + arguments[0])"
                + ".querySelector('.tile-value').textContent.trim();",
            tileId));
  }

  /** Forgets every cached response, so that the next load is a first visit's. */
  void clearCache() {
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  @SuppressWarnings("unchecked")
  private Load collect() {
    Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(COLLECT);
    if (r.containsKey("error")) {
      throw new IllegalStateException(r.get("error") + " (" + driver.getCurrentUrl() + ")");
    }
    double painted = number(r.get("painted"));
    double click = number(r.get("click"));
    return new Load(
        number(r.get("html")),
        number(r.get("tiles")),
        painted,
        click < 0 ? Double.NaN : painted - click);
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  private void type(String fieldId, String text) {
    WebElement input = driver.findElement(By.cssSelector("#" + fieldId + " > input"));
    input.clear();
    input.sendKeys(text);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
