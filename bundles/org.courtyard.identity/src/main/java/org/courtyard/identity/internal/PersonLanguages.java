package org.courtyard.identity.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.api.PreferredLanguages;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;

/**
 * The language each staff member and resident chose to be written to in: set by themselves, read by
 * the modules that send them messages ({@link PreferredLanguages}).
 */
final class PersonLanguages implements PreferredLanguages {

  private static final Texts TEXTS = Texts.of(PersonLanguages.class);

  /** The languages one can choose, as stored. */
  static final List<String> CODES = List.of("zh", "en");

  private final TenantStores stores;

  PersonLanguages(TenantStores stores) {
    this.stores = stores;
  }

  /**
   * Sets the signed-in person's language.
   *
   * @param resident whether {@code id} is a resident's person id rather than a staff user's id
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} for another language
   */
  String set(TenantSlug tenant, boolean resident, long id, String language) {
    String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (!CODES.contains(code)) {
      org.courtyard.api.FieldErrors errors = new org.courtyard.api.FieldErrors();
      errors.add("language", TEXTS.text("language.unknown"));
      errors.throwIfAny();
    }
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      resident
                          ? "update resident_account set language = ? where person_id = ?"
                          : "update staff_user set language = ? where id = ?")) {
                ps.setString(1, code);
                ps.setLong(2, id);
                ps.executeUpdate();
              }
              return null;
            });
    return code;
  }

  /** The signed-in person's language; null while they chose none. */
  String get(TenantSlug tenant, boolean resident, long id) {
    return stores
        .of(tenant)
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      resident
                          ? "select language from resident_account where person_id = ?"
                          : "select language from staff_user where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
  }

  @Override
  public Map<Long, Locale> ofStaff(TenantSlug tenant, Collection<Long> userIds) {
    return read(tenant, "select id, language from staff_user", "id", userIds);
  }

  @Override
  public Map<Long, Locale> ofResidents(TenantSlug tenant, Collection<Long> personIds) {
    return read(tenant, "select person_id, language from resident_account", "person_id", personIds);
  }

  private Map<Long, Locale> read(
      TenantSlug tenant, String select, String key, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return stores
        .of(tenant)
        .read(
            c -> {
              Map<Long, Locale> found = new HashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      select + " where " + key + " = any(?) and language is not null")) {
                ps.setArray(1, Jdbc.bigints(c, ids));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.put(rs.getLong(1), locale(rs.getString(2)));
                  }
                }
              }
              return found;
            });
  }

  static Locale locale(String code) {
    return "zh".equals(code) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }
}
