package org.courtyard.identity.internal;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.identity.internal.dto.SsoSettingsUpdate;
import org.courtyard.identity.internal.dto.SsoSettingsView;

/**
 * A company's federated sign-in settings: its OpenID Connect provider, the client Courtyard is
 * there, which claim names a staff account, whether unknown users are created and with what grant,
 * and the origins a sign-in may return to. One row per tenant; the client secret is kept as the
 * provider issued it, because it is sent to the provider as it is, and never shown again.
 */
final class SsoSettings {

  static final String PREFERRED_USERNAME = "preferred_username";
  static final String EMAIL = "email";

  private static final int MAX_ORIGINS = 20;
  private static final Texts TEXTS = Texts.of(SsoSettings.class);
  private static final String COLUMNS =
      "issuer, client_id, client_secret, match_claim, create_users, create_role,"
          + " create_scope_kind, create_scope_ids, redirect_origins, enabled, version";

  /** The settings as the sign-in needs them, secret included. */
  record Config(
      boolean enabled,
      String issuer,
      String clientId,
      String clientSecret,
      String matchClaim,
      boolean createUsers,
      String createRole,
      String createScope,
      List<Long> createScopeIds,
      List<String> redirectOrigins,
      int version) {}

  private final TenantStores stores;

  SsoSettings(TenantStores stores) {
    this.stores = stores;
  }

  Config config(TenantSlug tenant) {
    return stores.of(tenant).read(SsoSettings::read);
  }

  /**
   * The settings for an admin; {@code apiBase} is the address of {@code /api/v1/} as the admin
   * reached it, for the callback and start addresses.
   */
  SsoSettingsView view(TenantSlug tenant, URI apiBase) {
    return view(tenant, config(tenant), apiBase);
  }

  SsoSettingsView update(TenantSlug tenant, SsoSettingsUpdate in, URI apiBase) {
    FieldErrors errors = new FieldErrors();
    boolean enabled = Boolean.TRUE.equals(TextRules.required(in.enabled(), "enabled", errors));
    String issuer = TextRules.optionalLine(in.issuer(), "issuer", 500, errors);
    if (issuer != null && !isIssuer(issuer)) {
      errors.add("issuer", TEXTS.text("sso-settings.issuer"));
    }
    String clientId = TextRules.optionalLine(in.clientId(), "clientId", 255, errors);
    String secret =
        in.clientSecret() == null
            ? null
            : TextRules.optionalLine(in.clientSecret(), "clientSecret", 1000, errors);
    String claim = TextRules.trimToNull(in.matchClaim());
    if (claim == null) {
      claim = PREFERRED_USERNAME;
    } else if (!claim.equals(PREFERRED_USERNAME) && !claim.equals(EMAIL)) {
      errors.add("matchClaim", TEXTS.text("sso-settings.match-claim"));
    }
    boolean create = Boolean.TRUE.equals(in.createUsers());
    String role = TextRules.optionalLine(in.createRole(), "createRole", 40, errors);
    String scope = TextRules.trimToNull(in.createScope());
    if (scope == null) {
      scope = "company";
    }
    List<Long> ids =
        List.copyOf(
            Grants.scopeIds(scope, "createScope", in.createScopeIds(), "createScopeIds", errors));
    List<String> origins = origins(in.redirectOrigins(), errors);
    TextRules.required(in.version(), "version", errors);
    if (enabled && issuer == null) {
      errors.add("issuer", TEXTS.text("sso-settings.required-to-enable"));
    }
    if (enabled && clientId == null) {
      errors.add("clientId", TEXTS.text("sso-settings.required-to-enable"));
    }
    errors.throwIfAny();
    String matchClaim = claim;
    String createScope = scope;
    Config saved =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  if (role != null && Roles.idOf(c, role).isEmpty()) {
                    throw Roles.unknown("createRole", role);
                  }
                  Config current = read(c);
                  String keptSecret = in.clientSecret() == null ? current.clientSecret() : secret;
                  if (enabled && keptSecret == null) {
                    throw FieldErrors.single(
                        FieldErrors.TYPE,
                        TEXTS.title(FieldErrors.TYPE),
                        "clientSecret",
                        TEXTS.text("sso-settings.required-to-enable"));
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update sso_config set enabled = ?, issuer = ?, client_id = ?,"
                              + " client_secret = ?, match_claim = ?, create_users = ?,"
                              + " create_role = ?, create_scope_kind = ?, create_scope_ids = ?,"
                              + " redirect_origins = ?, version = version + 1,"
                              + " updated_at = now() where version = ?")) {
                    ps.setBoolean(1, enabled);
                    ps.setString(2, issuer);
                    ps.setString(3, clientId);
                    ps.setString(4, keptSecret);
                    ps.setString(5, matchClaim);
                    ps.setBoolean(6, create);
                    ps.setString(7, role);
                    ps.setString(8, createScope);
                    ps.setArray(9, Jdbc.bigints(c, ids));
                    ps.setArray(10, Jdbc.texts(c, origins));
                    ps.setInt(11, in.version());
                    if (ps.executeUpdate() == 0) {
                      throw Problems.staleVersion(
                          TEXTS.text("label.sso-settings"), "sso", current.version(), in.version());
                    }
                  }
                  return read(c);
                });
    return view(tenant, saved, apiBase);
  }

  static boolean isIssuer(String raw) {
    return Origins.providerAddress(raw).filter(u -> u.getRawQuery() == null).isPresent();
  }

  private static List<String> origins(List<String> raw, FieldErrors errors) {
    if (raw == null) {
      return List.of();
    }
    if (raw.size() > MAX_ORIGINS) {
      errors.add("redirectOrigins", TEXTS.text("list.at-most", MAX_ORIGINS));
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String o : raw) {
      Optional<String> origin = Origins.allowedOrigin(o);
      if (origin.isEmpty()) {
        errors.add("redirectOrigins", TEXTS.text("sso-settings.origins", TextRules.quote(o)));
        return List.of();
      }
      out.add(origin.get());
    }
    return List.copyOf(out);
  }

  private static SsoSettingsView view(TenantSlug tenant, Config c, URI apiBase) {
    return new SsoSettingsView(
        c.enabled(),
        c.issuer(),
        c.clientId(),
        c.clientSecret() != null,
        c.matchClaim(),
        c.createUsers(),
        c.createRole(),
        c.createScope(),
        c.createScopeIds(),
        c.redirectOrigins(),
        apiBase.resolve(SsoResource.callbackPath(tenant)).toString(),
        apiBase.resolve(SsoResource.startPath(tenant)).toString(),
        c.version());
  }

  private static Config read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from sso_config");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Config(
          rs.getBoolean("enabled"),
          rs.getString("issuer"),
          rs.getString("client_id"),
          rs.getString("client_secret"),
          rs.getString("match_claim"),
          rs.getBoolean("create_users"),
          rs.getString("create_role"),
          rs.getString("create_scope_kind"),
          Callers.longs(rs.getArray("create_scope_ids")),
          texts(rs.getArray("redirect_origins")),
          rs.getInt("version"));
    }
  }

  private static List<String> texts(java.sql.Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
