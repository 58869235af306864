package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** A role of the company: its code, names, and the permissions (ids or patterns) it gives. */
public record Role(
    long id,
    String code,
    String nameEn,
    String nameZh,
    boolean template,
    List<String> permissions,
    int version)
    implements Serializable {

  public Role {
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
  }

  /** The name in the user's language. */
  public String name(Locale locale) {
    boolean zh = locale != null && "zh".equals(locale.getLanguage());
    String name = zh ? nameZh : nameEn;
    return name == null || name.isBlank() ? code : name;
  }

  /** The body of {@code POST /identity/roles}. */
  public record Input(String code, String nameEn, String nameZh, List<String> permissions) {}

  /** The body of {@code PUT /identity/roles/{id}}. */
  public record Update(String nameEn, String nameZh, List<String> permissions, int version) {}
}
