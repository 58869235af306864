package org.courtyard.identity.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.ApiKeyInput;
import org.courtyard.identity.internal.dto.ApiKeyView;

/**
 * API keys for integrations and devices that call the API (a door controller asking for access
 * decisions, an accounting export): {@code cyk_<tenant>_<id>_<secret>}, each with one role in one
 * scope, so that a key can do exactly what it is for. Only the SHA-256 of the 256-bit secret is
 * kept; the key is shown once. Verified keys are remembered per node, forgotten when revoked or
 * when a role changes.
 */
final class ApiKeys {

  static final String PREFIX = "cyk_";
  private static final int MAX_REMEMBERED = 50_000;
  private static final Texts TEXTS = Texts.of(ApiKeys.class);

  private record Known(TenantPrincipal principal, Instant expires, String tenant) {}

  private final TenantStores stores;
  private final TenantService tenants;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Known> verified = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();

  ApiKeys(TenantStores stores, TenantService tenants) {
    this.stores = stores;
    this.tenants = tenants;
  }

  /** The caller a presented key stands for, while it is active, unexpired and its company too. */
  Optional<TenantPrincipal> verify(String key) {
    // cyk_<slug>_<16-char id>_<43-char secret>: the slug and the secret may hold underscores, so
    // the parts are taken by their lengths from the end
    String body = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : "";
    int n = body.length();
    if (n < 3 + 1 + 16 + 1 + 43 || body.charAt(n - 44) != '_' || body.charAt(n - 61) != '_') {
      return Optional.empty();
    }
    String secret = body.substring(n - 43);
    String keyId = body.substring(n - 60, n - 44);
    String slug = body.substring(0, n - 61);
    if (!TenantSlug.isValid(slug) || !keyId.matches("^[A-Za-z0-9]{16}$")) {
      return Optional.empty();
    }
    String fingerprint = Sessions.hash(key);
    Known known = verified.get(fingerprint);
    Instant now = Instant.now();
    if (known != null && (known.expires == null || known.expires.isAfter(now))) {
      return Optional.of(known.principal);
    }
    Optional<Tenant> tenant = tenants.find(slug);
    if (tenant.isEmpty() || !Tenant.ACTIVE.equals(tenant.get().status)) {
      return Optional.empty();
    }
    TenantSlug t = TenantSlug.of(slug);
    long before = epoch.get();
    Optional<Known> loaded =
        stores
            .of(t)
            .transaction(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update staff_api_key k set last_used_at = now()"
                              + " where key_id = ? and status = 'active'"
                              + " and (expires_at is null or expires_at > now())"
                              + " returning k.id, k.name, k.secret_hash, k.scope_kind, k.scope_ids,"
                              + " k.expires_at, array(select permission from staff_role_permission p"
                              + " where p.role_id = k.role_id)")) {
                    ps.setString(1, keyId);
                    try (ResultSet rs = ps.executeQuery()) {
                      if (!rs.next()
                          || !MessageDigest.isEqual(
                              rs.getString(3).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                              Sessions.hash(secret)
                                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                        return Optional.<Known>empty();
                      }
                      List<Long> ids = Callers.longs(rs.getArray(5));
                      DataScope scope = scopeOf(rs.getString(4), ids);
                      List<PermissionPattern> patterns = new ArrayList<>();
                      for (String p : (String[]) rs.getArray(7).getArray()) {
                        if (PermissionPattern.isWellFormed(p)) {
                          patterns.add(PermissionPattern.of(p));
                        }
                      }
                      Callers.UserState rule =
                          new Callers.UserState(
                              rs.getString(2),
                              true,
                              0,
                              List.of(new Callers.GrantRule(List.copyOf(patterns), scope)));
                      return Optional.of(
                          new Known(
                              new TenantPrincipal(
                                  t,
                                  TenantPrincipal.Kind.API_KEY,
                                  "key:" + keyId,
                                  rs.getString(2),
                                  rule::scopeFor),
                              Jdbc.instant(rs.getTimestamp(6)),
                              slug));
                    }
                  }
                });
    if (loaded.isPresent() && epoch.get() == before) {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(fingerprint, loaded.get());
    }
    return loaded.map(Known::principal);
  }

  ApiKeyView create(TenantSlug tenant, ApiKeyInput in) {
    FieldErrors errors = new FieldErrors();
    String name = TextRules.requiredLine(in.name(), "name", 100, errors);
    String role = TextRules.trimToNull(in.role());
    if (role == null) {
      errors.add("role", TextRules.IS_REQUIRED);
    }
    String scope = TextRules.trimToNull(in.scope());
    Set<Long> ids = Grants.scopeIds(scope, in.ids(), errors);
    if (in.expiresAt() != null && !in.expiresAt().isAfter(Instant.now())) {
      errors.add("expiresAt", TEXTS.text("api-keys.expires"));
    }
    errors.throwIfAny();
    String keyId = randomId();
    byte[] s = new byte[32];
    random.nextBytes(s);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(s);
    String key = PREFIX + tenant.value() + "_" + keyId + "_" + secret;
    ApiKeyView created =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  long roleId = Roles.idOf(c, role).orElseThrow(() -> Roles.unknown("role", role));
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into staff_api_key (name, key_id, secret_hash, role_id,"
                              + " scope_kind, scope_ids, expires_at) values (?, ?, ?, ?, ?, ?, ?)"
                              + " returning id")) {
                    ps.setString(1, name);
                    ps.setString(2, keyId);
                    ps.setString(3, Sessions.hash(secret));
                    ps.setLong(4, roleId);
                    ps.setString(5, scope);
                    ps.setArray(6, Jdbc.bigints(c, ids));
                    ps.setTimestamp(
                        7, in.expiresAt() == null ? null : Timestamp.from(in.expiresAt()));
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return find(c, rs.getLong(1)).orElseThrow();
                    }
                  }
                });
    return withKey(created, key);
  }

  List<ApiKeyView> list(TenantSlug tenant) {
    return stores
        .of(tenant)
        .read(
            c -> {
              List<ApiKeyView> out = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(SELECT + " order by k.id");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(view(rs));
                }
              }
              return out;
            });
  }

  ApiKeyView revoke(TenantSlug tenant, long id) {
    ApiKeyView revoked =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update staff_api_key set status = 'revoked' where id = ?")) {
                    ps.setLong(1, id);
                    if (ps.executeUpdate() == 0) {
                      throw Problems.notFound(TEXTS.text("label.api-key"), id);
                    }
                  }
                  return find(c, id).orElseThrow();
                });
    forget(tenant);
    return revoked;
  }

  /** After a key was revoked or a role changed: the tenant's keys are verified again. */
  void forget(TenantSlug tenant) {
    epoch.incrementAndGet();
    verified.values().removeIf(k -> k.tenant.equals(tenant.value()));
  }

  private static final String SELECT =
      "select k.id, k.name, k.key_id, r.code, k.scope_kind, k.scope_ids, k.status, k.expires_at,"
          + " k.created_at, k.last_used_at from staff_api_key k"
          + " join staff_role r on r.id = k.role_id";

  private static Optional<ApiKeyView> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " where k.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  private static ApiKeyView view(ResultSet rs) throws SQLException {
    return new ApiKeyView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Callers.longs(rs.getArray(6)),
        rs.getString(7),
        Jdbc.instant(rs.getTimestamp(8)),
        rs.getTimestamp(9).toInstant(),
        Jdbc.instant(rs.getTimestamp(10)),
        null);
  }

  private static ApiKeyView withKey(ApiKeyView v, String key) {
    return new ApiKeyView(
        v.id(),
        v.name(),
        v.keyId(),
        v.role(),
        v.scope(),
        v.ids(),
        v.status(),
        v.expiresAt(),
        v.createdAt(),
        v.lastUsedAt(),
        key);
  }

  static DataScope scopeOf(String kind, List<Long> ids) {
    return switch (kind) {
      case "company" -> DataScope.ALL;
      case "estates" -> DataScope.of(ids, List.of());
      default -> DataScope.of(List.of(), ids);
    };
  }

  private String randomId() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
