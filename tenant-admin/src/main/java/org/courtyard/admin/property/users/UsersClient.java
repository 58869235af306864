package org.courtyard.admin.property.users;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;

/**
 * The identity endpoints the users-and-roles screens call ({@code /identity/...}): staff accounts,
 * their grants, roles, the permission list and the audit log. Every refusal comes back as the API's
 * {@link ApiProblem}.
 */
public final class UsersClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public UsersClient(TenantApi api) {
    this.api = api;
  }

  // ------------------------------------------------------------------------------ users

  /** The staff list, paged by the API; filters {@code q} and {@code status}. */
  public CursorDataProvider<StaffUser> users() {
    return CursorDataProvider.of(api, "identity/users", StaffUser.class);
  }

  public StaffUser user(long id) {
    return api.get("identity/users/" + id, StaffUser.class);
  }

  public StaffUser create(NewUser user) {
    return api.post("identity/users", user, StaffUser.class);
  }

  public StaffUser disable(long id) {
    return api.post("identity/users/" + id + "/disable", null, StaffUser.class);
  }

  public StaffUser enable(long id) {
    return api.post("identity/users/" + id + "/enable", null, StaffUser.class);
  }

  /** Ends every session of the user at once. */
  public void signOutEverywhere(long id) {
    api.post("identity/users/" + id + "/sign-out", null, Void.class);
  }

  /** Removes the user's second factor (a lost phone): they set it up again. */
  public void resetTotp(long id) {
    api.delete("identity/users/" + id + "/totp");
  }

  public List<Grant> grants(long user) {
    return api.get(
        "identity/users/" + user + "/grants", Map.of(), new TypeReference<List<Grant>>() {});
  }

  public Grant grant(long user, Grant.Input grant) {
    return api.post("identity/users/" + user + "/grants", grant, Grant.class);
  }

  public void takeBack(long user, long grant) {
    api.delete("identity/users/" + user + "/grants/" + grant);
  }

  // ------------------------------------------------------------------------------ roles

  public List<Role> roles() {
    return api.get("identity/roles", Map.of(), new TypeReference<List<Role>>() {});
  }

  public Role createRole(Role.Input role) {
    return api.post("identity/roles", role, Role.class);
  }

  public Role updateRole(long id, Role.Update role) {
    return api.put("identity/roles/" + id, role, Role.class);
  }

  public void deleteRole(long id) {
    api.delete("identity/roles/" + id);
  }

  public List<PermissionInfo> permissions() {
    return api.get("identity/permissions", Map.of(), new TypeReference<List<PermissionInfo>>() {});
  }

  // ------------------------------------------------------------------------------ API keys

  public List<ApiKey> apiKeys() {
    return api.get("identity/api-keys", Map.of(), new TypeReference<List<ApiKey>>() {});
  }

  /** Creates a key; the answer holds its secret, this once. */
  public ApiKey createApiKey(ApiKey.Input key) {
    return api.post("identity/api-keys", key, ApiKey.class);
  }

  public ApiKey revokeApiKey(long id) {
    return api.post("identity/api-keys/" + id + "/revoke", null, ApiKey.class);
  }

  // ------------------------------------------------------------------------------ audit

  /** The audit log, newest first; filters {@code who, operation, object, from, to}. */
  public CursorDataProvider<AuditEntry> audit() {
    return CursorDataProvider.of(api, "identity/audit", AuditEntry.class);
  }

  /** The rows the same filters select, as the API's CSV. */
  public String auditCsv(Map<String, ?> filter) {
    return api.text("identity/audit.csv", filter);
  }

  // ------------------------------------------------------------------------------ places

  /**
   * The estates (or buildings) the signed-in user may see, to scope a grant with; empty when the
   * user may not read them or the estate module does not answer (ids are typed then).
   */
  public List<Place> places(String scope) {
    String path = "buildings".equals(scope) ? "estate/buildings" : "estate/estates";
    try {
      List<Place> out = new ArrayList<>();
      for (Named n : api.page(path, Map.of("limit", 500), Named.class).items()) {
        out.add(new Place(n.id(), n.name()));
      }
      return out;
    } catch (ApiProblem | ApiUnreachable e) {
      return List.of();
    }
  }

  private record Named(long id, String name) implements Serializable {}
}
