package org.courtyard.identity.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.api.PermissionDef;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;

/**
 * Turns a verified access token into the caller: whether its user is still active with the same
 * token version, whether its session is still open, and which permissions the user holds where. All
 * of it is remembered per node so that a request costs map lookups; every change (a user disabled,
 * a grant added, a role edited, a session ended) is forgotten after it commits, so it takes effect
 * on the next request. Entries loaded while a change was being made are not kept.
 */
final class Callers {

  /** One grant: the role's entries and the scope the role was granted in. */
  record GrantRule(List<PermissionPattern> patterns, DataScope scope) {}

  /** A user as the request path needs them. */
  static final class UserState {
    final String username;
    final boolean active;
    final int tokenVersion;
    final List<GrantRule> grants;
    private final Map<String, Optional<DataScope>> held = new ConcurrentHashMap<>();

    UserState(String username, boolean active, int tokenVersion, List<GrantRule> grants) {
      this.username = username;
      this.active = active;
      this.tokenVersion = tokenVersion;
      this.grants = grants;
    }

    /** Where the user holds {@code permission}: the union of the grants whose role has it. */
    Optional<DataScope> scopeFor(String permission) {
      return held.computeIfAbsent(
          permission,
          p -> {
            DataScope scope = null;
            for (GrantRule g : grants) {
              if (g.patterns().stream().anyMatch(pattern -> pattern.matches(p))) {
                scope = scope == null ? g.scope() : scope.union(g.scope());
              }
            }
            return Optional.ofNullable(scope);
          });
    }
  }

  private record TenantCheck(boolean active, long checkedAt) {}

  /** A resident account as the request path needs it. */
  record ResidentState(String name, boolean active, int tokenVersion, long person) {}

  /** A resident holds every resident's own permission, about their own rooms, and nothing else. */
  private static final TenantPrincipal.Grants RESIDENT_GRANTS =
      permission ->
          PermissionDef.isForResidents(permission) ? Optional.of(DataScope.NONE) : Optional.empty();

  private static final int MAX_ENTRIES = 100_000;
  private static final long TENANT_RECHECK_NANOS = Duration.ofSeconds(10).toNanos();

  private final TenantService tenants;
  private final TenantStores stores;
  private final Map<String, UserState> users = new ConcurrentHashMap<>();
  private final Map<String, ResidentState> residents = new ConcurrentHashMap<>();
  private final Map<String, Boolean> sessions = new ConcurrentHashMap<>();
  private final Map<TenantSlug, TenantCheck> tenantChecks = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final List<java.util.function.Consumer<TenantSlug>> tenantListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  Callers(TenantService tenants, TenantStores stores) {
    this.tenants = tenants;
    this.stores = stores;
  }

  /** The caller a verified access token stands for, while its user and session are current. */
  Optional<TenantPrincipal> principal(AccessTokens.Claims claims) {
    TenantSlug tenant = claims.tenant();
    if (!tenantActive(tenant)) {
      return Optional.empty();
    }
    if (claims.resident()) {
      return resident(claims);
    }
    UserState user = user(tenant, claims.user());
    if (user == null || !user.active || user.tokenVersion != claims.version()) {
      return Optional.empty();
    }
    if (!sessionOpen(tenant, claims.session())) {
      return Optional.empty();
    }
    return Optional.of(
        new TenantPrincipal(
            tenant,
            TenantPrincipal.Kind.STAFF,
            Long.toString(claims.user()),
            user.username,
            user::scopeFor));
  }

  private Optional<TenantPrincipal> resident(AccessTokens.Claims claims) {
    TenantSlug tenant = claims.tenant();
    String key = tenant.value() + "/" + claims.user();
    ResidentState known = residents.get(key);
    if (known == null) {
      long before = epoch.get();
      known = stores.of(tenant).read(c -> loadResident(c, claims.user()));
      if (known != null && epoch.get() == before) {
        bound(residents);
        residents.put(key, known);
      }
    }
    if (known == null
        || !known.active()
        || known.tokenVersion() != claims.version()
        || known.person() != claims.person()
        || !sessionOpen(tenant, claims.session())) {
      return Optional.empty();
    }
    return Optional.of(
        new TenantPrincipal(
            tenant,
            TenantPrincipal.Kind.RESIDENT,
            Long.toString(known.person()),
            known.name(),
            RESIDENT_GRANTS));
  }

  private static ResidentState loadResident(java.sql.Connection c, long account)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select person_id, status, token_version, display_name from resident_account"
                + " where id = ?")) {
      ps.setLong(1, account);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new ResidentState(
            rs.getString(4),
            ResidentAccounts.ACTIVE.equals(rs.getString(2)),
            rs.getInt(3),
            rs.getLong(1));
      }
    }
  }

  /** After a resident account was disabled or signed out everywhere. */
  void forgetResident(TenantSlug tenant, long account) {
    epoch.incrementAndGet();
    residents.remove(tenant.value() + "/" + account);
    String prefix = tenant.value() + "/";
    sessions.keySet().removeIf(k -> k.startsWith(prefix));
  }

  /** Also told when a tenant's callers are forgotten: other remembered credentials (API keys). */
  void onForgetTenant(java.util.function.Consumer<TenantSlug> listener) {
    tenantListeners.add(listener);
  }

  void forgetUser(TenantSlug tenant, long user) {
    epoch.incrementAndGet();
    users.remove(tenant.value() + "/" + user);
    String prefix = tenant.value() + "/";
    // a user's sessions may have been revoked with them
    sessions.keySet().removeIf(k -> k.startsWith(prefix));
  }

  void forgetSession(TenantSlug tenant, UUID session) {
    epoch.incrementAndGet();
    sessions.remove(tenant.value() + "/" + session);
  }

  /** After a role changed: every user of the tenant may hold other permissions now. */
  void forgetTenant(TenantSlug tenant) {
    tenantListeners.forEach(l -> l.accept(tenant));
    epoch.incrementAndGet();
    String prefix = tenant.value() + "/";
    users.keySet().removeIf(k -> k.startsWith(prefix));
    residents.keySet().removeIf(k -> k.startsWith(prefix));
    sessions.keySet().removeIf(k -> k.startsWith(prefix));
    tenantChecks.remove(tenant);
  }

  private boolean tenantActive(TenantSlug tenant) {
    long now = System.nanoTime();
    TenantCheck check = tenantChecks.get(tenant);
    if (check == null || now - check.checkedAt() > TENANT_RECHECK_NANOS) {
      Optional<Tenant> t = tenants.find(tenant.value());
      check = new TenantCheck(t.isPresent() && Tenant.ACTIVE.equals(t.get().status), now);
      tenantChecks.put(tenant, check);
    }
    return check.active();
  }

  UserState user(TenantSlug tenant, long id) {
    String key = tenant.value() + "/" + id;
    UserState known = users.get(key);
    if (known != null) {
      return known;
    }
    long before = epoch.get();
    UserState loaded = stores.of(tenant).read(c -> load(c, id));
    if (loaded != null && epoch.get() == before) {
      bound(users);
      users.put(key, loaded);
    }
    return loaded;
  }

  private boolean sessionOpen(TenantSlug tenant, UUID session) {
    String key = tenant.value() + "/" + session;
    Boolean known = sessions.get(key);
    if (known != null) {
      return known;
    }
    long before = epoch.get();
    boolean open =
        stores
            .of(tenant)
            .read(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "select 1 from staff_session where id = ? and revoked_at is null")) {
                    ps.setObject(1, session);
                    try (ResultSet rs = ps.executeQuery()) {
                      return rs.next();
                    }
                  }
                });
    if (epoch.get() == before) {
      bound(sessions);
      sessions.put(key, open);
    }
    return open;
  }

  private static UserState load(java.sql.Connection c, long id) throws java.sql.SQLException {
    String username;
    boolean active;
    int tokenVersion;
    try (PreparedStatement ps =
        c.prepareStatement("select username, status, token_version from staff_user where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        username = rs.getString(1);
        active = StaffUsers.ACTIVE.equals(rs.getString(2));
        tokenVersion = rs.getInt(3);
      }
    }
    List<GrantRule> grants = new ArrayList<>();
    SecondFactor.Status factor = SecondFactor.status(c, id);
    if (factor.required() && !factor.enrolled()) {
      // the company requires a second factor: until it is set up, nothing but setting it up
      return new UserState(username, active, tokenVersion, List.of());
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select g.scope_kind, g.scope_ids,"
                + " array(select permission from staff_role_permission p where p.role_id = g.role_id)"
                + " from staff_grant g where g.user_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Long> ids = longs(rs.getArray(2));
          DataScope scope =
              switch (rs.getString(1)) {
                case "company" -> DataScope.ALL;
                case "estates" -> DataScope.of(ids, List.of());
                default -> DataScope.of(List.of(), ids);
              };
          List<PermissionPattern> patterns = new ArrayList<>();
          for (String p : strings(rs.getArray(3))) {
            if (PermissionPattern.isWellFormed(p)) {
              patterns.add(PermissionPattern.of(p));
            }
          }
          grants.add(new GrantRule(List.copyOf(patterns), scope));
        }
      }
    }
    return new UserState(username, active, tokenVersion, List.copyOf(grants));
  }

  static List<Long> longs(Array array) throws java.sql.SQLException {
    return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
  }

  private static List<String> strings(Array array) throws java.sql.SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static void bound(Map<?, ?> map) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
  }
}
