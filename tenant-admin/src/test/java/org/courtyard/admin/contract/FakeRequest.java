package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.courtyard.admin.api.StaffMe;

/**
 * A request the fake passes to a {@link FakeArea}: {@code path} is what follows {@code
 * /api/v1/<module>/} (e.g. {@code "bills/42"}), {@code query} the decoded query parameters, {@code
 * headers} with lower-case names.
 */
public record FakeRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] rawBody,
    Caller caller) {

  /** Who is calling: the company, the staff member, and the permissions held with their scope. */
  public record Caller(String tenant, long userId, String username, StaffMe me) {

    public boolean can(String permission) {
      return me.can(permission);
    }

    /** Whether the estate lies in the caller's scope for the permission. */
    public boolean canIn(String permission, long estateId) {
      return me.scopeOf(permission)
          .map(h -> h.companyWide() || h.estates().contains(estateId))
          .orElse(false);
    }
  }

  public String query(String name) {
    return query.get(name);
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The {@code Idempotency-Key} header, or null. */
  public String idempotencyKey() {
    return header("idempotency-key");
  }

  /** The JSON body, or a missing node when there is none. */
  public JsonNode body() {
    try {
      return rawBody == null || rawBody.length == 0
          ? FakeResponse.JSON.missingNode()
          : FakeResponse.JSON.readTree(rawBody);
    } catch (java.io.IOException e) {
      throw new FakeProblem(400, "invalid-json", "Invalid JSON", e.getMessage());
    }
  }

  /** Refuses unless the caller holds the permission somewhere, as the platform's filter does. */
  public void require(String permission) {
    if (!caller.can(permission)) {
      throw new FakeProblem(
          403,
          "permission-denied",
          "Permission denied",
          "This needs the permission " + permission + ".");
    }
  }

  public boolean is(String method, String pathPattern) {
    return this.method.equals(method) && path.matches(pathPattern);
  }
}
