package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of what the property console relies on in the tenant API, written once and run against
 * {@link FakeTenantApi} and the real platform. A subclass names its {@link #target()}; area
 * contracts ({@code BillingContract extends TenantApiContract}) add their own tests and are run by
 * two small classes of the area: {@code FakeBillingContractTest} (target {@link
 * FakeTarget#shared()}) here and {@code BillingContractE2E} in tenant-admin/e2e.
 *
 * <p>This base has no tests of its own (so area contracts do not repeat them); the sign-in's are in
 * {@link StaffAuthContract}. It offers raw HTTP helpers so that a contract states the wire format,
 * not what the console's client makes of it.
 */
public abstract class TenantApiContract {

  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Where the contract runs. */
  protected abstract TenantTarget target();

  /** An answer: status, content type and body (null when empty). */
  protected record Answer(int status, String contentType, JsonNode body) {

    public boolean isProblem(int expectedStatus, String typeSuffix) {
      return status == expectedStatus
          && contentType != null
          && contentType.startsWith("application/problem+json")
          && body != null
          && body.path("type").asText().endsWith(":" + typeSuffix)
          && body.path("status").asInt() == expectedStatus
          && !body.path("title").asText().isEmpty();
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Signs in and answers the access token (asserting the sign-in worked). */
  protected String accessToken(TenantTarget.StaffAccount who) {
    Answer a = signIn(who, null);
    assertEquals(describe(a), 200, a.status());
    return a.body().path("accessToken").asText();
  }

  /** {@code POST auth/login}; {@code totp} may be null. */
  protected Answer signIn(TenantTarget.StaffAccount who, String totp) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", who.tenant());
    body.put("username", who.username());
    body.put("password", who.password());
    if (totp != null) {
      body.put("totp", totp);
    }
    return send("POST", "auth/login", body, null);
  }

  /** One request; {@code body} is written as JSON unless null, {@code bearer} may be null. */
  protected Answer send(String method, String path, Object body, String bearer) {
    return send(method, path, body, bearer, Map.of());
  }

  protected Answer send(
      String method, String path, Object body, String bearer, Map<String, String> headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(target().baseUrl() + "/" + path))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/json");
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      headers.forEach(b::header);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      }
      HttpResponse<String> r =
          HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = r.body();
      JsonNode node = null;
      if (text != null && !text.isBlank()) {
        try {
          node = JSON.readTree(text);
        } catch (IOException e) {
          node = JSON.getNodeFactory().textNode(text);
        }
      }
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), node);
    } catch (IOException e) {
      throw new AssertionError("API not reachable at " + target().baseUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Asserts a list answer's shape: {@code items} (array) and {@code nextCursor}. */
  protected static void assertPage(Answer a) {
    assertEquals(describe(a), 200, a.status());
    assertTrue(describe(a), a.body().path("items").isArray());
    assertTrue(describe(a), a.body().has("nextCursor"));
  }

  /** {@code POST}s a CSV file ({@code text/csv}), as an import is sent. */
  protected Answer upload(String path, String csv, String bearer) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(target().baseUrl() + "/" + path))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/json")
              .header("Authorization", "Bearer " + bearer)
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> r =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), body);
    } catch (IOException e) {
      throw new AssertionError("API not reachable at " + target().baseUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  protected static String describe(Answer a) {
    return a.status() + " " + a.contentType() + " " + a.body();
  }

  protected static void assertProblem(Answer a, int status, String type) {
    assertTrue(describe(a), a.isProblem(status, type));
  }

  static void assertNonBlank(String what, JsonNode node) {
    assertNotNull(what, node);
    assertFalse(what + " is blank", node.asText().isBlank());
  }
}
