package org.courtyard.admin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The tenant contracts' target on the real platform: one company onboarded through the operator API
 * with every module the container offers, staff created through the company's own API with their
 * role over the whole company, as an administrator would.
 */
public final class RealTenantTarget implements TenantTarget {

  public static final String COMPANY = "e2e_contract";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static RealTenantTarget shared;

  private final String baseUrl;
  private final String ownerToken;

  private RealTenantTarget(String baseUrl, String ownerToken) {
    this.baseUrl = baseUrl;
    this.ownerToken = ownerToken;
  }

  /** The target for this JVM, onboarding its company on first use. */
  public static synchronized RealTenantTarget shared() {
    if (shared == null) {
      try {
        RunningCourtyard courtyard = RunningCourtyard.shared();
        String basic =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        ("operator:" + courtyard.operatorPassword())
                            .getBytes(StandardCharsets.UTF_8));
        List<String> modules = new ArrayList<>();
        for (JsonNode m : call(courtyard.apiUrl(), "GET", "operator/modules", null, basic)) {
          modules.add(m.path("id").asText());
        }
        JsonNode created =
            call(
                courtyard.apiUrl(),
                "POST",
                "operator/tenants",
                Map.of("slug", COMPANY, "name", "E2E Contract Co.", "modules", modules),
                basic);
        shared = new RealTenantTarget(courtyard.apiUrl(), created.path("adminToken").asText());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the contract company could not be set up", e);
      }
    }
    return shared;
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public StaffAccount newStaff(String role) {
    String name = "staff" + NEXT.incrementAndGet();
    String password = "Contract-e2e-Pw-" + (9000 + NEXT.get());
    String bearer = "Bearer " + ownerToken;
    try {
      JsonNode user =
          call(
              baseUrl,
              "POST",
              "identity/users",
              Map.of("username", name, "displayName", name, "password", password),
              bearer);
      call(
          baseUrl,
          "POST",
          "identity/users/" + user.path("id").asLong() + "/grants",
          Map.of("role", role, "scope", "company", "ids", List.of()),
          bearer);
    } catch (Exception e) {
      throw new IllegalStateException("staff " + name + " could not be created", e);
    }
    return new StaffAccount(COMPANY, name, password);
  }

  private static JsonNode call(
      String base, String method, String path, Object body, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/" + path))
            .timeout(Duration.ofSeconds(120))
            .header("Accept", "application/json")
            .header("Authorization", authorization);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<String> r =
        HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}
