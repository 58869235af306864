package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.util.Locale;

/** A permission roles may hold, as {@code GET /identity/permissions} lists it. */
public record PermissionInfo(
    String id,
    String module,
    String titleEn,
    String titleZh,
    boolean movesMoney,
    boolean opensDoors)
    implements Serializable {

  public String title(Locale locale) {
    boolean zh = locale != null && "zh".equals(locale.getLanguage());
    String t = zh ? titleZh : titleEn;
    return t == null || t.isBlank() ? id : t;
  }
}
