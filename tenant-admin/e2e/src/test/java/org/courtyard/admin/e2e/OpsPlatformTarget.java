package org.courtyard.admin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.admin.api.CreatedTenant;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The tenant contracts' target on the real platform: one company onboarded (estate, devices and
 * security enabled) in the distribution {@link RunningCourtyard} started, whose admin token makes
 * the staff members the contracts ask for (a user with the role over the whole company).
 */
final class OpsPlatformTarget implements TenantTarget {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static OpsPlatformTarget shared;

  private final String apiUrl;
  private final String slug;
  private final String adminToken;

  private OpsPlatformTarget(String apiUrl, String slug, String adminToken) {
    this.apiUrl = apiUrl;
    this.slug = slug;
    this.adminToken = adminToken;
  }

  static synchronized OpsPlatformTarget shared() {
    if (shared == null) {
      try {
        RunningCourtyard courtyard = RunningCourtyard.shared();
        String slug = "ops_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        CreatedTenant created =
            new OperatorApi(courtyard.apiUrl(), courtyard.operatorPassword())
                .onboard(slug, "Ops Contract Co.", List.of("estate", "devices", "security"));
        shared = new OpsPlatformTarget(courtyard.apiUrl(), slug, created.adminToken());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Courtyard did not start", e);
      }
    }
    return shared;
  }

  @Override
  public String baseUrl() {
    return apiUrl;
  }

  @Override
  public StaffAccount newStaff(String role) {
    String name =
        "ops" + NEXT.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6);
    String password = "Contract-pw-" + UUID.randomUUID();
    JsonNode user =
        post(
            "identity/users",
            Map.of("username", name, "displayName", "Contract " + name, "password", password));
    post(
        "identity/users/" + user.path("id").asLong() + "/grants",
        Map.of("role", role, "scope", "company", "ids", List.of()));
    return new StaffAccount(slug, name, password);
  }

  private JsonNode post(String path, Object body) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(apiUrl + "/" + path))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 201 && r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(path + " not reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
