package org.courtyard.admin.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /auth/me}: who is signed in and, per permission held, where: {@code company}, or some
 * estates and buildings (by id).
 */
public record StaffMe(
    String tenant,
    String kind,
    String subject,
    String name,
    String displayName,
    List<Held> permissions)
    implements Serializable {

  public StaffMe {
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
  }

  /** What people call them: the display name, or the sign-in name when there is none. */
  public String shownName() {
    return displayName == null || displayName.isBlank() ? name : displayName;
  }

  /** One permission and the scope it is held in. */
  public record Held(String permission, String scope, List<Long> estates, List<Long> buildings)
      implements Serializable {

    public Held {
      estates = estates == null ? List.of() : List.copyOf(estates);
      buildings = buildings == null ? List.of() : List.copyOf(buildings);
    }

    @JsonIgnore
    public boolean companyWide() {
      return "company".equals(scope);
    }
  }

  /** Whether the permission is held anywhere (the whole company or some estates/buildings). */
  public boolean can(String permission) {
    return scopeOf(permission).isPresent();
  }

  /** Where the permission is held, empty when it is not held at all. */
  public Optional<Held> scopeOf(String permission) {
    return permissions.stream().filter(h -> h.permission().equals(permission)).findFirst();
  }
}
