package org.courtyard.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.courtyard.api.Authenticator;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.identity.internal.dto.UserInput;
import org.courtyard.identity.internal.dto.UserUpdate;
import org.courtyard.identity.internal.dto.UserView;

/**
 * A property company's staff accounts: who they are, whether they may sign in, their password.
 * Disabling a user or signing them out everywhere bumps their token version, so every access token
 * they hold stops working at once, and revokes their sessions, so no refresh token makes new ones.
 */
final class StaffUsers {

  static final String ACTIVE = "active";
  static final String DISABLED = "disabled";

  private static final Texts TEXTS = Texts.of(StaffUsers.class);
  static final Text USER = TEXTS.text("label.user");

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{4,19}$");
  private static final String COLUMNS =
      "id, username, display_name, phone, email, status, version, created_at, last_login_at,"
          + " exists (select 1 from staff_totp t where t.user_id = staff_user.id"
          + " and t.confirmed_at is not null) as totp";

  /** What sign-in needs of a user. */
  record Login(long id, String username, String passwordHash, String status, int tokenVersion) {}

  private final TenantStores stores;
  private final Authenticator authenticator;
  private final PasswordPolicy policy;
  private final Callers callers;

  StaffUsers(
      TenantStores stores, Authenticator authenticator, PasswordPolicy policy, Callers callers) {
    this.stores = stores;
    this.authenticator = authenticator;
    this.policy = policy;
    this.callers = callers;
  }

  UserView create(TenantSlug tenant, UserInput in) {
    FieldErrors errors = new FieldErrors();
    String username = username(in.username(), errors);
    String name = TextRules.requiredLine(in.displayName(), "displayName", 100, errors);
    String phone = phone(in.phone(), errors);
    String email = email(in.email(), errors);
    password(in.password(), username, errors);
    errors.throwIfAny();
    String hash = authenticator.hashSecret(in.password());
    return stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into staff_user (username, display_name, phone, email, password_hash)"
                          + " values (?, ?, ?, ?, ?) on conflict (username) do nothing"
                          + " returning "
                          + COLUMNS)) {
                ps.setString(1, username);
                ps.setString(2, name);
                ps.setString(3, phone);
                ps.setString(4, email);
                ps.setString(5, hash);
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw Problems.duplicate(
                        TEXTS.text("users.duplicate", TextRules.quote(username)));
                  }
                  return view(rs);
                }
              }
            });
  }

  Page<UserView> list(TenantSlug tenant, String query, String status, long after, int limit) {
    String q = TextRules.trimToNull(query);
    if (status != null && !ACTIVE.equals(status) && !DISABLED.equals(status)) {
      throw FieldErrors.single(
          FieldErrors.TYPE, TEXTS.title(FieldErrors.TYPE), "status", TEXTS.text("users.status"));
    }
    List<UserView> rows =
        stores
            .of(tenant)
            .read(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "select "
                              + COLUMNS
                              + " from staff_user where id > ?"
                              + " and (?::text is null or status = ?)"
                              + " and (?::text is null or username like ? or display_name like ?"
                              + " or phone like ? or email like ?)"
                              + " order by id limit ?")) {
                    String like = q == null ? null : "%" + likeEscape(q) + "%";
                    ps.setLong(1, after);
                    ps.setString(2, status);
                    ps.setString(3, status);
                    ps.setString(4, q);
                    for (int i = 5; i <= 8; i++) {
                      ps.setString(i, like);
                    }
                    ps.setInt(9, limit + 1);
                    List<UserView> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        out.add(view(rs));
                      }
                    }
                    return out;
                  }
                });
    return Page.byId(rows, limit, UserView::id);
  }

  UserView get(TenantSlug tenant, long id) {
    return stores.of(tenant).read(c -> find(c, id)).orElseThrow(() -> notFound(id));
  }

  UserView update(TenantSlug tenant, long id, UserUpdate in) {
    FieldErrors errors = new FieldErrors();
    String name = TextRules.requiredLine(in.displayName(), "displayName", 100, errors);
    String phone = phone(in.phone(), errors);
    String email = email(in.email(), errors);
    TextRules.required(in.version(), "version", errors);
    errors.throwIfAny();
    return stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update staff_user set display_name = ?, phone = ?, email = ?,"
                          + " version = version + 1, updated_at = now()"
                          + " where id = ? and version = ? returning "
                          + COLUMNS)) {
                ps.setString(1, name);
                ps.setString(2, phone);
                ps.setString(3, email);
                ps.setLong(4, id);
                ps.setInt(5, in.version());
                try (ResultSet rs = ps.executeQuery()) {
                  if (rs.next()) {
                    return view(rs);
                  }
                }
              }
              UserView current = find(c, id).orElseThrow(() -> notFound(id));
              throw Problems.staleVersion(USER, id, current.version(), in.version());
            });
  }

  /** Enables or disables a user; disabling ends every session and token at once. */
  UserView setStatus(TenantSlug tenant, long id, String status) {
    UserView user =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update staff_user set status = ?, version = version + 1,"
                              + " updated_at = now(), token_version = token_version"
                              + " + case when ? = 'disabled' then 1 else 0 end"
                              + " where id = ? returning "
                              + COLUMNS)) {
                    ps.setString(1, status);
                    ps.setString(2, status);
                    ps.setLong(3, id);
                    try (ResultSet rs = ps.executeQuery()) {
                      if (!rs.next()) {
                        throw notFound(id);
                      }
                      UserView v = view(rs);
                      if (DISABLED.equals(status)) {
                        Sessions.revokeAll(c, id, "user-disabled");
                      }
                      return v;
                    }
                  }
                });
    callers.forgetUser(tenant, id);
    return user;
  }

  /** Sets a new password; the user's other sessions end, as after any password change. */
  void setPassword(TenantSlug tenant, long id, String password) {
    UserView user = get(tenant, id);
    FieldErrors errors = new FieldErrors();
    password(password, user.username(), errors);
    errors.throwIfAny();
    String hash = authenticator.hashSecret(password);
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update staff_user set password_hash = ?, token_version = token_version + 1,"
                          + " version = version + 1, updated_at = now() where id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                  throw notFound(id);
                }
              }
              Sessions.revokeAll(c, id, "password-changed");
              return null;
            });
    callers.forgetUser(tenant, id);
  }

  /** Ends every session of the user and invalidates every access token they hold. */
  void signOutEverywhere(TenantSlug tenant, long id) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update staff_user set token_version = token_version + 1 where id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                  throw notFound(id);
                }
              }
              Sessions.revokeAll(c, id, "signed-out-everywhere");
              return null;
            });
    callers.forgetUser(tenant, id);
  }

  /** Of {@code ids}, those that are users of the tenant. */
  java.util.Set<Long> existing(TenantSlug tenant, java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return stores
        .of(tenant)
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select id from staff_user where id = any(?)")) {
                ps.setArray(1, org.courtyard.api.jdbc.Jdbc.bigints(c, ids));
                java.util.Set<Long> found = new java.util.HashSet<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(rs.getLong(1));
                  }
                }
                return found;
              }
            });
  }

  java.util.Map<Long, org.courtyard.api.StaffDirectory.Contact> contacts(
      TenantSlug tenant, java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    return stores
        .of(tenant)
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id, display_name, email, phone from staff_user"
                          + " where id = any(?) and status = 'active'")) {
                ps.setArray(1, org.courtyard.api.jdbc.Jdbc.bigints(c, ids));
                java.util.Map<Long, org.courtyard.api.StaffDirectory.Contact> found =
                    new java.util.HashMap<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.put(
                        rs.getLong(1),
                        new org.courtyard.api.StaffDirectory.Contact(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                  }
                }
                return found;
              }
            });
  }

  Optional<Login> forLogin(TenantSlug tenant, String username) {
    String name = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    if (name == null || !USERNAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return stores
        .of(tenant)
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id, username, password_hash, status, token_version"
                          + " from staff_user where username = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next()
                      ? Optional.of(
                          new Login(
                              rs.getLong(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getInt(5)))
                      : Optional.<Login>empty();
                }
              }
            });
  }

  static Optional<UserView> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from staff_user where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  static ProblemException notFound(long id) {
    return Problems.notFound(USER, id);
  }

  private static UserView view(ResultSet rs) throws SQLException {
    return new UserView(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("status"),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(),
        Jdbc.instant(rs.getTimestamp("last_login_at")),
        rs.getBoolean("totp"));
  }

  private static String username(String raw, FieldErrors errors) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      errors.add("username", TextRules.IS_REQUIRED);
      return null;
    }
    v = v.toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(v).matches()) {
      errors.add("username", TEXTS.text("users.username"));
      return null;
    }
    return v;
  }

  private void password(String password, String username, FieldErrors errors) {
    policy.refusal(password, username).ifPresent(why -> errors.add("password", why));
  }

  private static String phone(String raw, FieldErrors errors) {
    String v = TextRules.trimToNull(raw);
    if (v != null && !PHONE.matcher(v).matches()) {
      errors.add("phone", TEXTS.text("users.phone"));
      return null;
    }
    return v;
  }

  private static String email(String raw, FieldErrors errors) {
    String v = TextRules.trimToNull(raw);
    if (v != null && (v.length() > 254 || !EMAIL.matcher(v).matches())) {
      errors.add("email", TEXTS.text("users.email"));
      return null;
    }
    return v;
  }

  private static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
