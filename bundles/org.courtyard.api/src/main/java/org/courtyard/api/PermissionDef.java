package org.courtyard.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission a module declares: the id its resource methods name in {@code @Permission}, its
 * title in English and Chinese for the role editor, and whether it moves money or opens doors (so
 * that role templates and reviews treat it with care).
 *
 * <p>Permissions whose object starts with {@code my-} ({@code billing.my-statement.read}) are
 * residents' own: a signed-in resident holds all of them, about that resident's own rooms, and no
 * staff role, API key or owner token ever does.
 */
public record PermissionDef(
    String id, String titleEn, String titleZh, boolean movesMoney, boolean opensDoors) {

  private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*){2}$");

  public PermissionDef {
    Objects.requireNonNull(titleEn, "titleEn");
    Objects.requireNonNull(titleZh, "titleZh");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "permission id must be <module>.<object>.<action>, lower case: " + id);
    }
  }

  /** A permission that neither moves money nor opens doors. */
  public static PermissionDef of(String id, String titleEn, String titleZh) {
    return new PermissionDef(id, titleEn, titleZh, false, false);
  }

  /** A permission that records, reverses or changes money: payments, refunds, prices. */
  public static PermissionDef money(String id, String titleEn, String titleZh) {
    return new PermissionDef(id, titleEn, titleZh, true, false);
  }

  /** A permission that lets people in: door decisions, credentials, remote opening. */
  public static PermissionDef doors(String id, String titleEn, String titleZh) {
    return new PermissionDef(id, titleEn, titleZh, false, true);
  }

  /**
   * A resident's own permission: {@code <module>.my-<object>.<action>}, held by every signed-in
   * resident for what concerns their own rooms, and by nobody else.
   */
  public static PermissionDef resident(String id, String titleEn, String titleZh) {
    if (!isForResidents(id)) {
      throw new IllegalArgumentException(
          "a resident's permission is <module>.my-<object>.<action>: " + id);
    }
    return new PermissionDef(id, titleEn, titleZh, false, false);
  }

  /** Whether this permission is a resident's own (see {@link #isForResidents(String)}). */
  public boolean forResidents() {
    return isForResidents(id);
  }

  /**
   * Whether {@code permissionId} names a resident's own permission: its object part starts with
   * {@code my-}.
   */
  public static boolean isForResidents(String permissionId) {
    int first = permissionId == null ? -1 : permissionId.indexOf('.');
    return first > 0 && permissionId.startsWith("my-", first + 1);
  }

  /** The module part of the id. */
  public String module() {
    return id.substring(0, id.indexOf('.'));
  }

  /** The last part of the id: {@code read}, {@code create}, {@code manage}... */
  public String action() {
    return id.substring(id.lastIndexOf('.') + 1);
  }
}
