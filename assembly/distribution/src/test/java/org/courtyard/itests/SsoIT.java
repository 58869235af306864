package org.courtyard.itests;

import static org.courtyard.itests.Http.STAFF_PASSWORD;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Sign-in through a company's own OpenID Connect provider, against a real one (mock-oauth2-server,
 * started in the test JVM by {@link TestIdentityProvider}). The tests play the browser with an HTTP
 * client that follows no redirect: Courtyard's start, the provider's login page (a user name and
 * the claims it puts in the ID token), Courtyard's callback, Courtyard's tokens. Refused: a state
 * that is unknown, replayed or from another browser, an ID token for another client, unknown users
 * unless the company creates them, unverified e-mail addresses, disabled users, redirects
 * elsewhere.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SsoIT {

  private static final String EAST = "sso_east";
  private static final String WEST = "sso_west";
  private static final String EAST_SECRET = "east-client-secret-2718";
  private static final HttpClient BROWSER =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static Http anonymous;
  private static Http east;
  private static Http west;
  private static String courtyard;
  private static String provider;
  private static String usedCallback;
  private static String usedCookie;

  @Configuration
  public Option[] config() {
    // the provider runs here, in the test JVM; the container only learns its address
    return CourtyardContainer.options(
        systemProperty("courtyard.it.oidc").value(TestIdentityProvider.start()));
  }

  @Before
  public void tenants() throws Exception {
    if (east != null) {
      return;
    }
    provider = System.getProperty("courtyard.it.oidc");
    courtyard = "http://127.0.0.1:" + CourtyardContainer.httpPort();
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    east = anonymous.tenant(operator.onboard(EAST, List.of()));
    west = anonymous.tenant(operator.onboard(WEST, List.of()));
    Http.Reply li =
        east.post(
            "/identity/users",
            map(
                "username",
                "li.lei",
                "displayName",
                "李雷",
                "email",
                "li.lei@east.example.com",
                "password",
                STAFF_PASSWORD));
    assertEquals(li.toString(), 201, li.status);
  }

  @Test
  public void a01_theSettingsAreAdministeredAndTheSecretIsNeverShown() throws Exception {
    Http.Reply empty = east.get("/identity/sso");
    assertEquals(empty.toString(), 200, empty.status);
    assertFalse(empty.json.path("enabled").asBoolean());
    assertFalse(empty.json.path("clientSecretSet").asBoolean());
    assertEquals("preferred_username", empty.json.path("matchClaim").asText());
    assertFalse(empty.json.path("createUsers").asBoolean());
    assertEquals(
        courtyard + "/api/v1/auth/sso/" + EAST + "/callback",
        empty.json.path("callbackUrl").asText());

    assertEquals("sso-not-configured", problem(start(EAST, null).response));
    assertEquals("sso-not-configured", problem(start("sso_nobody", null).response));

    Http.Reply noSecret =
        east.put(
            "/identity/sso", eastSettings(null, false, null, empty.json.path("version").asInt()));
    assertEquals(noSecret.toString(), 422, noSecret.status);
    assertTrue(noSecret.text, noSecret.text.contains("clientSecret"));
    Map<String, Object> plainHttp = eastSettings(EAST_SECRET, false, null, 0);
    plainHttp.put("issuer", "http://idp.example.com/" + EAST);
    Http.Reply insecure = east.put("/identity/sso", plainHttp);
    assertEquals(insecure.toString(), 422, insecure.status);
    assertTrue(insecure.text, insecure.text.contains("\"field\":\"issuer\""));
    Http.Reply noRole = east.put("/identity/sso", eastSettings(EAST_SECRET, true, "no_such", 0));
    assertEquals(noRole.toString(), 422, noRole.status);
    assertTrue(noRole.text, noRole.text.contains("createRole"));

    Http.Reply saved = east.put("/identity/sso", eastSettings(EAST_SECRET, false, null, 0));
    assertEquals(saved.toString(), 200, saved.status);
    assertTrue(saved.json.path("enabled").asBoolean());
    assertTrue(saved.json.path("clientSecretSet").asBoolean());
    assertEquals(1, saved.json.path("version").asInt());
    assertFalse(saved.text, saved.text.contains(EAST_SECRET));
    Http.Reply read = east.get("/identity/sso");
    assertFalse(read.text, read.text.contains(EAST_SECRET));
    assertTrue(read.json.path("clientSecretSet").asBoolean());
    Http.Reply stale = east.put("/identity/sso", eastSettings(EAST_SECRET, false, null, 0));
    assertEquals(stale.toString(), 409, stale.status);

    // the audit row of the change masks the secret too
    Http.Reply audit = east.get("/identity/audit?operation=" + enc("PUT /identity/sso"));
    assertTrue(audit.text, audit.json.path("items").size() >= 1);
    assertFalse(audit.text, audit.text.contains(EAST_SECRET));

    Http cashier = east.staff(EAST, "cashier.one", "cashier", "company");
    Http.Reply denied = cashier.get("/identity/sso");
    assertEquals(denied.toString(), 403, denied.status);
    assertEquals("identity.sso.manage", denied.json.path("permission").asText());
  }

  @Test
  public void a02_aSignInAtTheProviderEndsInCourtyardTokens() throws Exception {
    Start start = start(EAST, "/admin/");
    assertEquals(start.response.toString(), 302, start.response.statusCode());
    Map<String, String> asked = query(start.location());
    assertTrue(
        start.location(), start.location().startsWith(provider + "/" + EAST + "/authorize?"));
    assertEquals("code", asked.get("response_type"));
    assertEquals("courtyard-" + EAST, asked.get("client_id"));
    assertEquals(courtyard + "/api/v1/auth/sso/" + EAST + "/callback", asked.get("redirect_uri"));
    assertEquals("openid profile email", asked.get("scope"));
    assertEquals("S256", asked.get("code_challenge_method"));
    assertEquals(43, asked.get("code_challenge").length());
    assertNotNull(asked.get("nonce"));
    assertNotNull(start.cookie);

    String callback = login(start, "li.lei", map("preferred_username", "li.lei", "name", "Li Lei"));
    assertTrue(
        callback, callback.startsWith(courtyard + "/api/v1/auth/sso/" + EAST + "/callback?"));
    HttpResponse<String> done = get(callback, start.cookie);
    assertEquals(done.toString() + " " + done.body(), 302, done.statusCode());
    assertEquals("no-store", done.headers().firstValue("Cache-Control").orElse(""));
    String location = done.headers().firstValue("Location").orElseThrow();
    assertTrue(location, location.startsWith(courtyard + "/admin/#"));
    Map<String, String> tokens = form(location.substring(location.indexOf('#') + 1));
    assertEquals("Bearer", tokens.get("tokenType"));
    assertEquals("900", tokens.get("expiresIn"));
    assertTrue(
        tokens.get("refreshToken"), tokens.get("refreshToken").startsWith("cyr_" + EAST + "."));
    usedCallback = callback;
    usedCookie = start.cookie;

    Http li = anonymous.tenant(tokens.get("accessToken"));
    Http.Reply me = li.get("/auth/me");
    assertEquals(me.toString(), 200, me.status);
    assertEquals("staff", me.json.path("kind").asText());
    assertEquals("li.lei", me.json.path("name").asText());
    Http.Reply refreshed =
        anonymous.post("/auth/refresh", map("refreshToken", tokens.get("refreshToken")));
    assertEquals(refreshed.toString(), 200, refreshed.status);

    // without a redirect the callback answers the tokens as JSON
    HttpResponse<String> json = signIn(EAST, null, "li.lei", map("preferred_username", "li.lei"));
    assertEquals(json.body(), 200, json.statusCode());
    JsonNode body = Http.JSON.readTree(json.body());
    assertEquals("li.lei", body.path("user").path("username").asText());
    assertEquals(200, anonymous.tenant(body.path("accessToken").asText()).get("/auth/me").status);

    Http.Reply audit = east.get("/identity/audit?operation=" + enc("GET /auth/sso/callback"));
    int ok = 0;
    for (JsonNode row : audit.json.path("items")) {
      if (row.path("outcome").asText().equals("ok")
          && row.path("principalName").asText().equals("li.lei")) {
        ok++;
      }
    }
    assertEquals(audit.text, 2, ok);
  }

  @Test
  public void a03_aCallbackIsUsedOnce() throws Exception {
    HttpResponse<String> replay = get(usedCallback, usedCookie);
    assertEquals(replay.body(), 401, replay.statusCode());
    assertEquals("sso-state-invalid", problem(replay));
    assertTrue(replay.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
  }

  @Test
  public void a04_aWrongStateAnotherBrowserAndForeignRedirectsAreRefused() throws Exception {
    String callbackPath = courtyard + "/api/v1/auth/sso/" + EAST + "/callback";
    String made = "A".repeat(43);
    HttpResponse<String> forged =
        get(callbackPath + "?code=abc&state=" + made, "cy_sso_" + made.substring(0, 12) + "=x");
    assertEquals(forged.body(), 401, forged.statusCode());
    assertEquals("sso-state-invalid", problem(forged));
    assertEquals("sso-state-invalid", problem(get(callbackPath + "?code=abc", null)));

    // the provider sends the browser back, but not the browser that started: refused, and used up
    Start start = start(EAST, null);
    String callback = login(start, "li.lei", map("preferred_username", "li.lei"));
    HttpResponse<String> stranger = get(callback, null);
    assertEquals(stranger.body(), 401, stranger.statusCode());
    assertEquals("sso-state-invalid", problem(stranger));
    assertEquals("sso-state-invalid", problem(get(callback, start.cookie)));

    // the provider says no
    Start cancelled = start(EAST, null);
    String state = query(cancelled.location()).get("state");
    HttpResponse<String> denied =
        get(callbackPath + "?error=access_denied&state=" + state, cancelled.cookie);
    assertEquals(denied.body(), 401, denied.statusCode());
    assertEquals("sso-refused-by-provider", problem(denied));

    for (String elsewhere :
        List.of(
            "https://evil.example.com/",
            "//evil.example.com/x",
            "/\\evil.example.com",
            "http://localhost:" + CourtyardContainer.httpPort() + "/admin/",
            courtyard + "/admin/#here",
            "javascript:alert(1)")) {
      HttpResponse<String> r = start(EAST, elsewhere).response;
      assertEquals(elsewhere + ": " + r.body(), 400, r.statusCode());
      assertEquals("sso-redirect-invalid", problem(r));
    }
    assertEquals(302, start(EAST, courtyard + "/console/?tab=1").response.statusCode());

    Http.Reply audit = east.get("/identity/audit?operation=" + enc("GET /auth/sso/callback"));
    assertTrue(audit.text, audit.text.contains("401 sso-state-invalid"));
    assertTrue(audit.text, audit.text.contains("401 sso-refused-by-provider"));
  }

  @Test
  public void a05_anIdTokenForAnotherClientIsRefused() throws Exception {
    HttpResponse<String> r =
        signIn(EAST, null, "li.lei", map("preferred_username", "li.lei", "aud", "another-client"));
    assertEquals(r.body(), 401, r.statusCode());
    assertEquals("sso-id-token-invalid", problem(r));
  }

  @Test
  public void a06_unknownUsersAreCreatedOnlyWhenTheCompanySaysSo() throws Exception {
    Map<String, Object> claims =
        map(
            "preferred_username",
            "new.person",
            "name",
            "New Person",
            "email",
            "new.person@east.example.com");
    HttpResponse<String> unknown = signIn(EAST, null, "new.person", claims);
    assertEquals(unknown.body(), 401, unknown.statusCode());
    assertEquals("sso-user-unknown", problem(unknown));
    assertEquals(0, east.get("/identity/users?q=new.person").json.path("items").size());

    int version = east.get("/identity/sso").json.path("version").asInt();
    Http.Reply create = east.put("/identity/sso", eastSettings(null, true, "cashier", version));
    assertEquals(create.toString(), 200, create.status);
    assertTrue(create.json.path("clientSecretSet").asBoolean());

    HttpResponse<String> first = signIn(EAST, null, "new.person", claims);
    assertEquals(first.body(), 200, first.statusCode());
    JsonNode tokens = Http.JSON.readTree(first.body());
    assertEquals("new.person", tokens.path("user").path("username").asText());
    assertEquals("New Person", tokens.path("user").path("displayName").asText());
    assertEquals("new.person@east.example.com", tokens.path("user").path("email").asText());
    long id = tokens.path("user").path("id").asLong();
    Http.Reply grants = east.get("/identity/users/" + id + "/grants");
    assertEquals(grants.toString(), 1, grants.json.size());
    assertEquals("cashier", grants.json.get(0).path("role").asText());
    assertEquals("company", grants.json.get(0).path("scope").asText());
    Http.Reply me = anonymous.tenant(tokens.path("accessToken").asText()).get("/auth/me");
    assertTrue(me.text, me.text.contains("identity.tenant.read"));

    // the next sign-in finds the same account; there is no password to sign in with
    HttpResponse<String> again = signIn(EAST, null, "new.person", claims);
    assertEquals(again.body(), 200, again.statusCode());
    assertEquals(id, Http.JSON.readTree(again.body()).path("user").path("id").asLong());
    assertEquals(1, east.get("/identity/users?q=new.person").json.path("items").size());
    Http.Reply password =
        anonymous.post(
            "/auth/login",
            map("tenant", EAST, "username", "new.person", "password", STAFF_PASSWORD));
    assertEquals(password.toString(), 401, password.status);

    HttpResponse<String> unusable =
        signIn(EAST, null, "someone", map("preferred_username", "Some One!"));
    assertEquals(unusable.body(), 401, unusable.statusCode());
    assertEquals("sso-claim-invalid", problem(unusable));
  }

  @Test
  public void a07_anExistingUserIsMatchedByEmail() throws Exception {
    Http.Reply han =
        west.post(
            "/identity/users",
            map(
                "username",
                "hanmeimei",
                "displayName",
                "韩梅梅",
                "email",
                "Han.Meimei@west.example.com",
                "password",
                STAFF_PASSWORD));
    assertEquals(han.toString(), 201, han.status);
    Map<String, Object> settings =
        map(
            "enabled",
            true,
            "issuer",
            provider + "/" + WEST,
            "clientId",
            "courtyard-" + WEST,
            "clientSecret",
            "west-secret-31415",
            "matchClaim",
            "email",
            "createUsers",
            false,
            "redirectOrigins",
            List.of("http://127.0.0.1:5173"),
            "version",
            0);
    Http.Reply saved = west.put("/identity/sso", settings);
    assertEquals(saved.toString(), 200, saved.status);

    HttpResponse<String> r =
        signIn(
            WEST,
            "http://127.0.0.1:5173/signed-in",
            "idp-subject-42",
            map(
                "email",
                "han.meimei@west.example.com",
                "email_verified",
                true,
                "preferred_username",
                "li.lei"));
    assertEquals(r.body(), 302, r.statusCode());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(location, location.startsWith("http://127.0.0.1:5173/signed-in#accessToken="));
    String access = form(location.substring(location.indexOf('#') + 1)).get("accessToken");
    Http.Reply me = anonymous.tenant(access).get("/auth/me");
    assertEquals(me.toString(), 200, me.status);
    assertEquals("hanmeimei", me.json.path("name").asText());
    assertEquals(WEST, me.json.path("tenant").asText());

    HttpResponse<String> unverified =
        signIn(
            WEST,
            null,
            "idp-subject-42",
            map("email", "han.meimei@west.example.com", "email_verified", false));
    assertEquals(unverified.body(), 401, unverified.statusCode());
    assertEquals("sso-email-unverified", problem(unverified));
  }

  @Test
  public void a08_aDisabledUserIsRefused() throws Exception {
    long id = east.get("/identity/users?q=li.lei").json.path("items").get(0).path("id").asLong();
    assertEquals(200, east.post("/identity/users/" + id + "/disable", map()).status);
    HttpResponse<String> r = signIn(EAST, null, "li.lei", map("preferred_username", "li.lei"));
    assertEquals(r.body(), 403, r.statusCode());
    assertEquals("user-disabled", problem(r));
    assertEquals(200, east.post("/identity/users/" + id + "/enable", map()).status);
    assertEquals(
        200, signIn(EAST, null, "li.lei", map("preferred_username", "li.lei")).statusCode());
  }

  @Test
  public void a09_aProviderThatDoesNotAnswerIsAGatewayProblem() throws Exception {
    Map<String, Object> settings = eastSettings(null, false, null, 0);
    settings.put("issuer", "http://127.0.0.1:" + CourtyardContainer.freePort() + "/gone");
    settings.put("version", east.get("/identity/sso").json.path("version").asInt());
    Http.Reply saved = east.put("/identity/sso", settings);
    assertEquals(saved.toString(), 200, saved.status);
    HttpResponse<String> r = start(EAST, null).response;
    assertEquals(r.body(), 502, r.statusCode());
    assertEquals("sso-provider-unavailable", problem(r));
  }

  // ------------------------------------------------------------------ the browser

  /** Courtyard's answer to a start, and the cookie it set for the callback. */
  private record Start(HttpResponse<String> response, String cookie) {
    String location() {
      return response.headers().firstValue("Location").orElseThrow();
    }
  }

  private static Start start(String tenant, String redirect) throws Exception {
    String url =
        courtyard
            + "/api/v1/auth/sso/"
            + tenant
            + "/start"
            + (redirect == null ? "" : "?redirect=" + enc(redirect));
    HttpResponse<String> r = get(url, null);
    String cookie =
        r.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
    return new Start(r, cookie);
  }

  /**
   * At the provider: opens its login page and submits it with a user name (the token's subject) and
   * the claims; returns where the provider sends the browser back.
   */
  private static String login(Start start, String username, Map<String, Object> claims)
      throws Exception {
    HttpResponse<String> page = get(start.location(), null);
    assertEquals(page.body(), 200, page.statusCode());
    HttpResponse<String> submitted =
        BROWSER.send(
            HttpRequest.newBuilder(URI.create(start.location()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + enc(username)
                            + "&claims="
                            + enc(Http.JSON.writeValueAsString(claims))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(submitted.body(), 302, submitted.statusCode());
    return submitted.headers().firstValue("Location").orElseThrow();
  }

  /** A whole sign-in in one browser; Courtyard's answer to the callback. */
  private static HttpResponse<String> signIn(
      String tenant, String redirect, String username, Map<String, Object> claims)
      throws Exception {
    Start start = start(tenant, redirect);
    assertEquals(start.response.body(), 302, start.response.statusCode());
    return get(login(start, username, claims), start.cookie);
  }

  private static HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return BROWSER.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String problem(HttpResponse<String> r) throws Exception {
    assertTrue(
        r.statusCode() + " " + r.body(),
        r.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    return Http.JSON.readTree(r.body()).path("type").asText().replace("urn:courtyard:problem:", "");
  }

  private static Map<String, String> query(String url) {
    return form(URI.create(url).getRawQuery());
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> out = new HashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Map<String, Object> eastSettings(
      String secret, boolean create, String role, Object version) {
    Map<String, Object> m =
        map(
            "enabled",
            true,
            "issuer",
            provider + "/" + EAST,
            "clientId",
            "courtyard-" + EAST,
            "matchClaim",
            "preferred_username",
            "createUsers",
            create,
            "createRole",
            role,
            "createScope",
            "company",
            "redirectOrigins",
            List.of(),
            "version",
            version);
    if (secret != null) {
      m.put("clientSecret", secret);
    }
    return m;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
