package org.courtyard.tenancy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TokenInfo;

/** The tenant registry in schema {@code platform}, in plain JDBC. */
final class Registry implements Credentials.Store {

  private final DataSource platform;

  Registry(DataSource platform) {
    this.platform = platform;
  }

  List<Tenant> list() throws SQLException {
    try (Connection c = platform.getConnection()) {
      return query(c, null);
    }
  }

  Optional<Tenant> find(String slug) throws SQLException {
    try (Connection c = platform.getConnection()) {
      List<Tenant> found = query(c, slug);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<Tenant> query(Connection c, String slug) throws SQLException {
    String sql =
        "select t.slug, t.name, t.status, t.created_at, m.module_id, t.status_reason,"
            + " t.status_changed_at, t.plan"
            + " from tenant t left join tenant_module m on m.tenant_slug = t.slug and m.enabled"
            + (slug == null ? "" : " where t.slug = ?")
            + " order by t.slug, m.module_id";
    Map<String, Object[]> rows = new LinkedHashMap<>();
    Map<String, List<String>> modules = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (slug != null) {
        ps.setString(1, slug);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String s = rs.getString(1);
          rows.computeIfAbsent(
              s,
              k ->
                  new Object[] {
                    rsString(rs, 2),
                    rsString(rs, 3),
                    rsInstant(rs, 4),
                    rsString(rs, 6),
                    rsInstant(rs, 7),
                    rsPlan(rs, 8)
                  });
          List<String> mods = modules.computeIfAbsent(s, k -> new ArrayList<>());
          String module = rs.getString(5);
          if (module != null) {
            mods.add(module);
          }
        }
      }
    }
    List<Tenant> tenants = new ArrayList<>(rows.size());
    rows.forEach(
        (s, r) ->
            tenants.add(
                new Tenant(
                    s,
                    (String) r[0],
                    (String) r[1],
                    (String) r[3],
                    (Instant) r[4],
                    TenantSlug.SCHEMA_PREFIX + s,
                    (Instant) r[2],
                    modules.get(s),
                    planOf(r[5]))));
    return tenants;
  }

  @SuppressWarnings("unchecked")
  private static List<String> planOf(Object plan) {
    return (List<String>) plan;
  }

  private static List<String> rsPlan(ResultSet rs, int i) {
    try {
      java.sql.Array a = rs.getArray(i);
      return a == null ? null : List.of((String[]) a.getArray());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the modules the tenant may enable; null lets it enable every module. */
  void setPlan(String slug, List<String> modules) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps = c.prepareStatement("update tenant set plan = ? where slug = ?")) {
      ps.setArray(
          1, modules == null ? null : c.createArrayOf("varchar", modules.toArray(String[]::new)));
      ps.setString(2, slug);
      ps.executeUpdate();
    }
  }

  private static String rsString(ResultSet rs, int i) {
    try {
      return rs.getString(i);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant rsInstant(ResultSet rs, int i) {
    try {
      Timestamp t = rs.getTimestamp(i);
      return t == null ? null : t.toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** (tenant, module) pairs marked enabled, for reconciliation after a restart. */
  Map<String, List<String>> enabledModules() throws SQLException {
    Map<String, List<String>> result = new LinkedHashMap<>();
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select tenant_slug, module_id from tenant_module where enabled"
                    + " order by tenant_slug, enabled_at");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return result;
  }

  void setEnabled(String slug, String module, String version, boolean enabled) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into tenant_module (tenant_slug, module_id, enabled, version, enabled_at,"
                    + " disabled_at) values (?, ?, ?, ?, case when ? then now() end,"
                    + " case when ? then null else now() end)"
                    + " on conflict (tenant_slug, module_id) do update set enabled = excluded.enabled,"
                    + " version = coalesce(excluded.version, tenant_module.version),"
                    + " enabled_at = coalesce(excluded.enabled_at, tenant_module.enabled_at),"
                    + " disabled_at = excluded.disabled_at")) {
      ps.setString(1, slug);
      ps.setString(2, module);
      ps.setBoolean(3, enabled);
      ps.setString(4, version);
      ps.setBoolean(5, enabled);
      ps.setBoolean(6, enabled);
      ps.executeUpdate();
    }
  }

  /** Sets the tenant's status; false when there is no such tenant. */
  boolean setStatus(String slug, String status, String reason) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update tenant set status = ?,"
                    // no new reason: a tenant that stays suspended keeps the one it has
                    + " status_reason = coalesce(?, case when status = ? then status_reason end),"
                    + " status_changed_at = case when status = ? then status_changed_at"
                    + " else now() end where slug = ?")) {
      ps.setString(1, status);
      ps.setString(2, reason);
      ps.setString(3, status);
      ps.setString(4, status);
      ps.setString(5, slug);
      return ps.executeUpdate() == 1;
    }
  }

  /** What verifying a presented token needs: its tenant, secret hash and the tenant's status. */
  @Override
  public Optional<Credentials.StoredToken> token(String tokenId) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select k.tenant_slug, k.secret_hash, t.status from api_token k join tenant t"
                    + " on t.slug = k.tenant_slug where k.id = ? and k.revoked_at is null")) {
      ps.setString(1, tokenId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Credentials.StoredToken(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  List<TokenInfo> tokens(String slug) throws SQLException {
    List<TokenInfo> tokens = new ArrayList<>();
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, created_at, revoked_at from api_token where tenant_slug = ?"
                    + " order by created_at desc, id")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tokens.add(new TokenInfo(rs.getString(1), rsInstant(rs, 2), rsInstant(rs, 3)));
        }
      }
    }
    return tokens;
  }

  /** True when this call revoked the token; false when it is unknown or was revoked already. */
  boolean revokeToken(String slug, String tokenId) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update api_token set revoked_at = now()"
                    + " where id = ? and tenant_slug = ? and revoked_at is null")) {
      ps.setString(1, tokenId);
      ps.setString(2, slug);
      return ps.executeUpdate() == 1;
    }
  }

  boolean tokenRevoked(String slug, String tokenId) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select revoked_at is not null from api_token where id = ? and tenant_slug = ?")) {
      ps.setString(1, tokenId);
      ps.setString(2, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  static void insertToken(Connection c, String tokenId, String slug, String hash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into api_token (id, tenant_slug, secret_hash) values (?, ?, ?)")) {
      ps.setString(1, tokenId);
      ps.setString(2, slug);
      ps.setString(3, hash);
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<Credentials.StoredOperator> operator(String username) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select o.password_hash, exists (select 1 from operator_totp t where t.username ="
                    + " o.username and t.confirmed_at is not null) from operator o"
                    + " where o.username = ? and o.status = 'active'")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Credentials.StoredOperator(rs.getString(1), rs.getBoolean(2)))
            : Optional.empty();
      }
    }
  }

  Optional<String> operatorHash(String username) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select password_hash from operator where username = ? and status = 'active'")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  List<OperatorAccount> operators() throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select o.username, o.role, o.status, o.created_at, t.confirmed_at is not null"
                    + " from operator o left join operator_totp t on t.username = o.username"
                    + " order by o.created_at, o.username");
        ResultSet rs = ps.executeQuery()) {
      List<OperatorAccount> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(
            new OperatorAccount(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getBoolean(5)));
      }
      return out;
    }
  }

  /** Inserts an operator with a role; false when the name is taken. */
  boolean createOperator(String username, String hash, String role) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into operator (username, password_hash, role) values (?, ?, ?)"
                    + " on conflict (username) do nothing")) {
      ps.setString(1, username);
      ps.setString(2, hash);
      ps.setString(3, role);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Sets an operator's status unless that leaves no active owner, in one statement.
   *
   * @return 1 when changed, 0 when no such operator, -1 when it would leave no active owner
   */
  int setOperatorStatus(String username, String status) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update operator set status = ? where username = ? and (? = 'active' or role <>"
                    + " 'owner' or exists (select 1 from operator o where o.username <> ? and"
                    + " o.role = 'owner' and o.status = 'active'))")) {
      ps.setString(1, status);
      ps.setString(2, username);
      ps.setString(3, status);
      ps.setString(4, username);
      if (ps.executeUpdate() == 1) {
        return 1;
      }
    }
    return operators().stream().anyMatch(o -> o.username().equals(username)) ? -1 : 0;
  }

  /** Inserts the operator unless one with that name exists; true when this call created it. */
  boolean createOperatorIfAbsent(String username, String hash) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into operator (username, password_hash) values (?, ?)"
                    + " on conflict (username) do nothing")) {
      ps.setString(1, username);
      ps.setString(2, hash);
      return ps.executeUpdate() == 1;
    }
  }

  void setOperatorPassword(String username, String hash) throws SQLException {
    try (Connection c = platform.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into operator (username, password_hash) values (?, ?) on conflict"
                    + " (username) do update set password_hash = excluded.password_hash")) {
      ps.setString(1, username);
      ps.setString(2, hash);
      ps.executeUpdate();
    }
  }
}
