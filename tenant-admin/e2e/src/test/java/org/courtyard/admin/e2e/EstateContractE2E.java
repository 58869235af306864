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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.admin.contract.EstateContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The estate screen's contract, which the console's tests run against {@code FakeEstateArea}, run
 * against the real platform started from the built distribution, so the fake cannot drift from it
 * unnoticed.
 */
public class EstateContractE2E extends EstateContract {

  @Override
  protected TenantTarget target() {
    return Company.shared();
  }

  /**
   * A property company on the running platform, onboarded once through the operator API with the
   * modules the property console's contracts need; its staff are created through the identity API
   * with the owner's token and granted a role template over the whole company.
   */
  static final class Company implements TenantTarget {

    static final String SLUG = "console_contract";
    static final List<String> MODULES = List.of("estate", "residents", "billing");
    private static final String PASSWORD = "Console-contract-4711";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Company shared;

    private final String api;
    private final String ownerToken;

    private Company(String api, String ownerToken) {
      this.api = api;
      this.ownerToken = ownerToken;
    }

    static synchronized Company shared() {
      if (shared == null) {
        try {
          RunningCourtyard courtyard = RunningCourtyard.shared();
          String operator =
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          ("operator:" + courtyard.operatorPassword())
                              .getBytes(StandardCharsets.UTF_8));
          Map<String, Object> tenant = new LinkedHashMap<>();
          tenant.put("slug", SLUG);
          tenant.put("name", "Console contract 物业");
          tenant.put("modules", MODULES);
          JsonNode onboarded = post(courtyard.apiUrl(), "operator/tenants", tenant, operator, 201);
          shared = new Company(courtyard.apiUrl(), onboarded.path("adminToken").asText());
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
      return api;
    }

    @Override
    public StaffAccount newStaff(String role) {
      String username = "staff" + NEXT.incrementAndGet();
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("username", username);
      user.put("displayName", username);
      user.put("password", PASSWORD);
      long id = post(api, "identity/users", user, "Bearer " + ownerToken, 201).path("id").asLong();
      Map<String, Object> grant = new LinkedHashMap<>();
      grant.put("role", role);
      grant.put("scope", "company");
      grant.put("ids", List.of());
      post(api, "identity/users/" + id + "/grants", grant, "Bearer " + ownerToken, 201);
      return new StaffAccount(SLUG, username, PASSWORD);
    }

    private static JsonNode post(
        String api, String path, Object body, String authorization, int expected) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/" + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
          throw new AssertionError("POST " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
      } catch (IOException e) {
        throw new AssertionError("POST " + path + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
