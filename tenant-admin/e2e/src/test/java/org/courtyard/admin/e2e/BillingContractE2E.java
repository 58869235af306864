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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.admin.api.CreatedTenant;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.contract.BillingContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The billing screens' contract, which the console's tests run against {@code FakeBillingArea}, run
 * against the real platform started from the built distribution, so the fake cannot drift from it
 * unnoticed. A room with an open bill is made the way staff would: estate, building, unit and room
 * through the estate API, then a one-off fee charged to the room.
 */
public class BillingContractE2E extends BillingContract {

  @Override
  protected TenantTarget target() {
    return Company.shared();
  }

  @Override
  protected long roomWithOpenBill() {
    return Company.shared().roomWithOpenBill();
  }

  /**
   * A property company on the running platform, onboarded once through the operator API with
   * estate, residents and billing; its staff are created through the identity API with the owner's
   * token and granted a role template over the whole company.
   */
  static final class Company implements TenantTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Company shared;

    private final String api;
    private final String slug;
    private final String ownerToken;
    private long unitId;
    private long feeItemId;

    private Company(String api, String slug, String ownerToken) {
      this.api = api;
      this.slug = slug;
      this.ownerToken = ownerToken;
    }

    static synchronized Company shared() {
      if (shared == null) {
        try {
          RunningCourtyard courtyard = RunningCourtyard.shared();
          String slug = "bill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
          CreatedTenant created =
              new OperatorApi(courtyard.apiUrl(), courtyard.operatorPassword())
                  .onboard(slug, "Billing contract 物业", List.of("estate", "residents", "billing"));
          shared = new Company(courtyard.apiUrl(), slug, created.adminToken());
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
      String username = "billing" + NEXT.incrementAndGet();
      String password = "Contract-pw-" + UUID.randomUUID();
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("username", username);
      user.put("displayName", username);
      user.put("password", password);
      long id = post("identity/users", user, 201).path("id").asLong();
      Map<String, Object> grant = new LinkedHashMap<>();
      grant.put("role", role);
      grant.put("scope", "company");
      grant.put("ids", List.of());
      post("identity/users/" + id + "/grants", grant, 201);
      return new StaffAccount(slug, username, password);
    }

    /** A new room in the company's one estate, with a one-off fee of 300.00 charged to it. */
    synchronized long roomWithOpenBill() {
      if (unitId == 0) {
        long estate =
            post("estate/estates", Map.of("code", "E1", "name", "Contract estate"), 201)
                .path("id")
                .asLong();
        long building =
            post(
                    "estate/buildings",
                    Map.of("estateId", estate, "code", "B1", "name", "Building 1"),
                    201)
                .path("id")
                .asLong();
        unitId =
            post("estate/units", Map.of("buildingId", building, "code", "U1", "name", "U1"), 201)
                .path("id")
                .asLong();
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("code", "REPAIR");
        fee.put("name", "Repair fund 维修基金");
        fee.put("kind", "one_off");
        fee.put("unitPrice", 300);
        fee.put("effectiveFrom", "2020-01-01");
        feeItemId = post("billing/fee-items", fee, 201).path("id").asLong();
      }
      Map<String, Object> room = new LinkedHashMap<>();
      room.put("unitId", unitId);
      room.put("number", String.valueOf(100 + NEXT.incrementAndGet()));
      room.put("floor", 1);
      room.put("area", 89.5);
      room.put("type", "residential");
      room.put("status", "occupied");
      long roomId = post("estate/rooms", room, 201).path("id").asLong();
      post("billing/fee-items/" + feeItemId + "/charges", Map.of("roomIds", List.of(roomId)), 201);
      return roomId;
    }

    private JsonNode post(String path, Object body, int expected) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/" + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + ownerToken)
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
