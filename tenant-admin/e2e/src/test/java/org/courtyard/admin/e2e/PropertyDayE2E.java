package org.courtyard.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.courtyard.admin.AdminConfig;
import org.courtyard.admin.AdminServer;
import org.courtyard.admin.api.ModuleInfo;
import org.courtyard.admin.api.OperatorApi;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A property company's day in a real browser against the real platform (#12). The company, its two
 * estates (东苑 and 西苑, a room each with an open bill of this month), a resident and an administrator
 * are set up through the API, as fast as the platform allows; then, in the console: the
 * administrator creates a cashier and grants the cashier role in 东苑 only; the cashier signs in with
 * the first password shown, sees 东苑 alone (in the header and in the bills), takes the bill's
 * payment at the counter and opens the receipt; a door controller reports a forced door over MQTT
 * and the alarm appears on the open alarms screen without a reload, and is taken in hand. What the
 * screens did is checked against the API too. Screenshots of the screens go to {@code docs/}.
 */
class PropertyDayE2E {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final String EAST = "东苑 East Court";
  private static final String WEST = "西苑 West Court";

  private static RunningCourtyard courtyard;
  private static AdminServer console;
  private static WebDriver browser;
  private static Path docs;
  private static String consoleUrl;

  private static String slug;
  private static String owner;
  private static long eastEstate;
  private static long eastRoom;
  private static long westRoom;
  private static long resident;
  private static final String ADMIN = "wang.fang";
  private static final String ADMIN_NAME = "Wang Fang";
  private static final String ADMIN_PASSWORD = "Property-day-Pw-4711";

  @BeforeAll
  static void start() throws Exception {
    boolean browserThere =
        Files.isExecutable(ConsoleE2E.CHROMIUM) && Files.isExecutable(ConsoleE2E.CHROMEDRIVER);
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
    docs = Files.createDirectories(Path.of(System.getProperty("courtyard.docs")));

    courtyard = RunningCourtyard.shared();
    setUpCompany();
    console = AdminServer.start(new AdminConfig(courtyard.apiUrl(), 0));
    consoleUrl = "http://127.0.0.1:" + console.port() + "/";

    ChromeOptions options = new ChromeOptions();
    options.setBinary(ConsoleE2E.CHROMIUM.toFile());
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
            .usingDriverExecutable(ConsoleE2E.CHROMEDRIVER.toFile())
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

  /**
   * The operator onboards the company with every module; with the owner's token: two estates with a
   * room each (80 m² in 东苑, 95 m² in 西苑, so their bills differ: 160.00 and 190.00), an area fee of
   * 2.00 a m² billed for this month, a resident of 东苑's room, and the administrator.
   */
  private static void setUpCompany() throws Exception {
    OperatorApi operator = new OperatorApi(courtyard.apiUrl(), courtyard.operatorPassword());
    slug = "day_" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    List<String> modules = operator.modules().stream().map(ModuleInfo::id).toList();
    owner = operator.onboard(slug, "Property Day 物业", modules).adminToken();

    eastEstate = id(post("estate/estates", Map.of("code", "EAST", "name", EAST)));
    eastRoom = room(eastEstate, "101", 80);
    long westEstate = id(post("estate/estates", Map.of("code", "WEST", "name", WEST)));
    westRoom = room(westEstate, "201", 95);

    resident =
        id(post("residents/persons", Map.of("fullName", "Chen Jing 陈静", "phone", "13900000021")));
    post(
        "residents/occupancies",
        Map.of("personId", resident, "roomId", eastRoom, "role", "owner", "moveIn", "2024-01-01"));

    Map<String, Object> fee = new LinkedHashMap<>();
    fee.put("code", "PROP");
    fee.put("name", "Property fee 物业费");
    fee.put("kind", "area");
    fee.put("unitPrice", 2);
    fee.put("effectiveFrom", "2020-01-01");
    post("billing/fee-items", fee);
    String zone = get("billing/settings").path("timeZone").asText();
    YearMonth period = YearMonth.now(ZoneId.of(zone));
    long run = id(post("billing/runs", Map.of("period", period.toString())));
    JsonNode done =
        await(
            "billing/runs/" + run,
            j -> !List.of("queued", "running").contains(j.path("status").asText()));
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("billsCreated").asInt()).as(done.toString()).isEqualTo(2);

    long admin =
        id(
            post(
                "identity/users",
                Map.of("username", ADMIN, "displayName", ADMIN_NAME, "password", ADMIN_PASSWORD)));
    post(
        "identity/users/" + admin + "/grants",
        Map.of("role", "administrator", "scope", "company", "ids", List.of()));
  }

  private static long room(long estate, String number, int area) throws Exception {
    long building =
        id(
            post(
                "estate/buildings",
                Map.of("estateId", estate, "code", "B1", "name", "Building 1")));
    long unit = id(post("estate/units", Map.of("buildingId", building, "code", "U1", "name", "1")));
    Map<String, Object> room = new LinkedHashMap<>();
    room.put("unitId", unit);
    room.put("number", number);
    room.put("floor", 1);
    room.put("area", area);
    room.put("type", "residential");
    room.put("status", "occupied");
    return id(post("estate/rooms", room));
  }

  @Test
  void anAdministratorMakesACashierOfOneEstateWhoTakesAPaymentAndPrintsTheReceipt()
      throws Exception {
    signIn(ADMIN, ADMIN_PASSWORD);
    assertThat(visible(By.id("property-scope")).getText()).isEqualTo("whole company");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".today-tile")));
    screenshot("today");

    // the estate tree and a person's page, for the README
    browser.get(consoleUrl + "estate");
    visible(By.xpath("//*[@id='estates']/vaadin-grid-cell-content[normalize-space(.)='EAST']"))
        .click();
    // the building's row, chosen by its kind's cell (a click on its name opens or closes it)
    visible(By.xpath("//*[@id='estate-tree']/vaadin-grid-cell-content[contains(., 'Building 1')]"));
    visible(
            By.xpath(
                "//*[@id='estate-tree']/vaadin-grid-cell-content[normalize-space(.)='Building']"))
        .click();
    visible(By.xpath("//*[@id='rooms']/vaadin-grid-cell-content[normalize-space(.)='101']"));
    screenshot("estate");
    browser.get(consoleUrl + "residents/person/" + resident);
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("person-name"), "Chen Jing"));
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='person-rooms']/vaadin-grid-cell-content[contains(., '101')]")));
    screenshot("person");

    // a new staff account: the console makes its first password and shows it once
    browser.get(consoleUrl + "users");
    visible(By.id("users-new")).click();
    type("users-new-username", "li.na");
    type("users-new-name", "Li Na");
    visible(By.id("users-create")).click();
    String firstPassword = visible(By.id("users-first-password")).getText();
    assertThat(firstPassword).hasSizeGreaterThanOrEqualTo(12);
    visible(By.id("users-password-done")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("users-first-password")));
    visible(By.id("user-open-li.na"));
    screenshot("users");

    // the cashier role, in 东苑 only
    visible(By.id("user-open-li.na")).click();
    visible(By.id("user-grant-role")).click();
    visible(By.xpath("//vaadin-select-item[normalize-space(.)='Cashier']")).click();
    visible(
            By.xpath(
                "//*[@id='user-grant-scope']/vaadin-radio-button[contains(., 'estates')]/label"))
        .click();
    type("user-grant-places", "East");
    visible(By.xpath("//vaadin-multi-select-combo-box-item[contains(., 'East Court')]")).click();
    // Tab leaves the field, which closes its list of choices
    visible(By.cssSelector("#user-grant-places > input")).sendKeys(Keys.TAB);
    waiting()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//vaadin-multi-select-combo-box-item[contains(., 'East Court')]")));
    visible(By.id("user-grant-add")).click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//*[@id='user-grants']/vaadin-grid-cell-content[normalize-space(.)='estates: "
                        + EAST
                        + "']")));
    screenshot("user");
    JsonNode cashier = get("identity/users?q=li.na").path("items").get(0);
    JsonNode grants = get("identity/users/" + cashier.path("id").asLong() + "/grants");
    JsonNode grant = (grants.isArray() ? grants : grants.path("items")).get(0);
    assertThat(grant.path("role").asText()).isEqualTo("cashier");
    assertThat(grant.path("scope").asText()).isEqualTo("estates");
    assertThat(grant.path("ids").toString()).isEqualTo("[" + eastEstate + "]");

    // the cashier signs in with the password shown and sees 东苑 alone
    visible(By.id("property-sign-out")).click();
    signIn("li.na", firstPassword);
    assertThat(visible(By.id("property-scope")).getText()).isEqualTo("estates: " + EAST);
    browser.get(consoleUrl + "billing/bills");
    WebElement eastBill =
        visible(By.xpath("//*[@id='bills-grid']/vaadin-grid-cell-content[contains(., '160.00')]"));
    assertThat(browser.findElements(By.xpath("//*[@id='bills-grid']/vaadin-grid-cell-content")))
        .extracting(WebElement::getText)
        .contains("EAST/B1/U1/101")
        .noneMatch(text -> text.contains("190.00"));
    eastBill.click();
    screenshot("bills");

    // the counter, filled in from the bill
    visible(By.id("bill-pay")).click();
    WebElement amount = visible(By.cssSelector("#payment-amount > input"));
    assertThat(amount.getDomProperty("value")).isEqualTo("160.00");
    assertThat(visible(By.cssSelector("#payment-room > input")).getDomProperty("value"))
        .isEqualTo(EAST + " · B1 · U1 · 101");
    visible(By.id("payment-submit")).click();
    String paid = visible(By.id("payment-done")).getText();
    assertThat(paid).contains("160.00").contains("room " + eastRoom);
    screenshot("counter");

    // the receipt, as the platform renders it
    visible(By.id("payment-receipt")).click();
    waiting().until(ExpectedConditions.urlMatches("/billing/payments/\\d+/receipt$"));
    String url = browser.getCurrentUrl();
    long payment = Long.parseLong(url.replaceAll(".*/billing/payments/(\\d+)/receipt$", "$1"));
    assertThat(paid).startsWith("Payment " + payment + " recorded");
    browser.switchTo().frame(visible(By.id("receipt-frame")));
    String receipt = visible(By.tagName("body")).getText();
    browser.switchTo().defaultContent();
    assertThat(receipt).contains("R" + payment).contains("160.00").contains("101");
    screenshot("receipt");

    // what the platform itself says: 东苑's bill paid, 西苑's still open
    assertThat(get("billing/bills?roomId=" + eastRoom).path("items").get(0).path("status").asText())
        .isEqualTo("paid");
    assertThat(get("billing/bills?roomId=" + westRoom).path("items").get(0).path("status").asText())
        .isEqualTo("open");
  }

  @Test
  void aForcedDoorAppearsOnTheOpenAlarmsScreenWithoutAReloadAndIsTakenInHand() throws Exception {
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("kind", "gate");
    location.put("ref", "North gate");
    location.put("estateId", eastEstate);
    Map<String, Object> door = new LinkedHashMap<>();
    door.put("id", "door-north");
    door.put("type", "door-controller");
    door.put("name", "North gate doors");
    door.put("location", location);
    door.put("settings", Map.of());
    String doorPassword = post("devices/devices", door).path("mqtt").path("password").asText();

    signIn(ADMIN, ADMIN_PASSWORD);
    browser.get(consoleUrl + "security/alarms");
    visible(By.id("alarms-grid"));
    waiting().until(ExpectedConditions.textMatches(By.id("alarms-updated"), Pattern.compile(".+")));
    assertThat(browser.findElements(By.cssSelector("[id^='alarm-acknowledge-']"))).isEmpty();
    // a mark on this page: gone if the page were loaded again
    JavascriptExecutor page = (JavascriptExecutor) browser;
    page.executeScript("window.propertyDayMark = 'still this page';");
    String address = browser.getCurrentUrl();

    // the door controller reports door 1 forced, as the Anmen controller does
    MqttClient controller =
        new MqttClient(courtyard.mqttUrl(), slug + "/door-north/e2e", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(slug + "/door-north");
    o.setPassword(doorPassword.toCharArray());
    o.setCleanSession(true);
    o.setConnectionTimeout(10);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    controller.connect(o);
    try {
      controller.publish("t/" + slug + "/d/door-north/up", forcedDoor(1), 1, false);
    } finally {
      controller.disconnect();
      controller.close();
    }
    JsonNode raised =
        await(
            "security/alarms?status=raised",
            j -> j.path("items").toString().contains("\"deviceId\":\"door-north\""));
    long alarm = raised.path("items").get(0).path("id").asLong();

    WebElement takeInHand = visible(By.id("alarm-acknowledge-" + alarm));
    assertThat(page.executeScript("return window.propertyDayMark;")).isEqualTo("still this page");
    assertThat(browser.getCurrentUrl()).isEqualTo(address);
    screenshot("alarms");

    takeInHand.click();
    visible(By.cssSelector("#alarm-note > textarea")).sendKeys("On my way to the north gate");
    visible(By.id("alarm-dialog-ok")).click();
    waiting()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(By.id("alarm-acknowledge-" + alarm)));
    JsonNode taken = null;
    for (JsonNode a : get("security/alarms?status=acknowledged").path("items")) {
      if (a.path("id").asLong() == alarm) {
        taken = a;
      }
    }
    assertThat(taken).as("alarm " + alarm + " acknowledged").isNotNull();
    // the sign-in's name: the display name, or the user name where the platform gives that
    assertThat(taken.path("acknowledgedBy").asText()).isIn(ADMIN_NAME, ADMIN);
    assertThat(taken.path("note").asText()).isEqualTo("On my way to the north gate");
  }

  // ------------------------------------------------------------------------------ the browser

  /** Signs in on the company's sign-in, as a new visitor; lands on Today. */
  private static void signIn(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(consoleUrl + "login?as=company");
    type("staff-company", slug);
    type("staff-user", user);
    type("staff-password", password);
    visible(By.id("staff-submit")).click();
    visible(By.id("today-tiles"));
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  private static WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void type(String fieldId, String text) {
    WebElement input = visible(By.cssSelector("#" + fieldId + " > input"));
    input.clear();
    input.sendKeys(text);
  }

  private static void screenshot(String name) throws Exception {
    Files.write(
        docs.resolve("console-property-" + name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  // ------------------------------------------------------------------------------ the API

  /**
   * An alarm frame of the Anmen door controller (the gateframe driver): header, type 2, sequence,
   * time, then door, kind 1 (forced) and active, closed by a CRC-16/CCITT.
   */
  private static byte[] forcedDoor(long seq) {
    byte[] body = {1, 1, 1};
    int len = 10 + body.length;
    ByteBuffer b = ByteBuffer.allocate(3 + len + 2);
    b.put((byte) 0xA5).put((byte) 0x5A).put((byte) len);
    b.put((byte) 1).put((byte) 0x02).putInt((int) seq).putInt(1764288000 + (int) seq).put(body);
    int crc = 0xFFFF;
    for (int i = 3; i < 3 + len; i++) {
      crc ^= (b.array()[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = ((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1) & 0xFFFF;
      }
    }
    b.putShort((short) crc);
    return b.array();
  }

  private static long id(JsonNode created) {
    long id = created.path("id").asLong();
    assertThat(id).as(created.toString()).isPositive();
    return id;
  }

  private static JsonNode get(String path) throws Exception {
    return call("GET", path, null);
  }

  private static JsonNode post(String path, Object body) throws Exception {
    return call("POST", path, body);
  }

  /** Asks until the answer is as wanted, for up to a minute. */
  private static JsonNode await(String path, Predicate<JsonNode> wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode last = get(path);
    while (!wanted.test(last)) {
      assertThat(System.nanoTime())
          .as("GET " + path + " still answers " + last)
          .isLessThan(deadline);
      Thread.sleep(250);
      last = get(path);
    }
    return last;
  }

  /** The owner's call to the company's API; anything but a 2xx fails the test. */
  private static JsonNode call(String method, String path, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(courtyard.apiUrl() + "/" + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + owner);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<String> r =
        HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode() / 100).as(method + " " + path + ": " + r.body()).isEqualTo(2);
    return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}
