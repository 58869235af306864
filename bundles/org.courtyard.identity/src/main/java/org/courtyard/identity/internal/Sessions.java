package org.courtyard.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.courtyard.api.Authenticator;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.identity.internal.dto.LoginInput;
import org.courtyard.identity.internal.dto.ResidentView;
import org.courtyard.identity.internal.dto.SessionView;
import org.courtyard.identity.internal.dto.TokenView;
import org.courtyard.identity.internal.dto.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, refresh and sign-out. A session is one signed-in device: its refresh token {@code
 * cyr_<tenant>.<session>.<secret>} is stored as a hash, works once, and is replaced by the next one
 * on every refresh. Presenting a refresh token that was already replaced means it was copied: the
 * session ends, for the thief and the owner alike, who signs in again.
 */
final class Sessions {

  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
  private static final Texts TEXTS = Texts.of(Sessions.class);
  static final String REFRESH_PREFIX = "cyr_";

  private final TenantService tenants;
  private final TenantStores stores;
  private final StaffUsers users;
  private final Authenticator authenticator;
  private final AccessTokens tokens;
  private final Callers callers;
  private final AuditLog audit;
  private final SecondFactor secondFactor;
  private final Duration refreshLifetime;
  private final SecureRandom random = new SecureRandom();

  Sessions(
      TenantService tenants,
      TenantStores stores,
      StaffUsers users,
      Authenticator authenticator,
      AccessTokens tokens,
      Callers callers,
      AuditLog audit,
      SecondFactor secondFactor,
      Duration refreshLifetime) {
    this.tenants = tenants;
    this.stores = stores;
    this.users = users;
    this.authenticator = authenticator;
    this.tokens = tokens;
    this.callers = callers;
    this.audit = audit;
    this.secondFactor = secondFactor;
    this.refreshLifetime = refreshLifetime;
  }

  /**
   * Signs a staff member in. Every attempt on an existing company leaves one row in its audit log:
   * the sign-in in the session's transaction, a refusal on its own.
   */
  TokenView login(LoginInput in, String source, String userAgent) {
    try {
      return signIn(in, source, userAgent);
    } catch (ProblemException refused) {
      String slug =
          in == null || in.tenant() == null
              ? ""
              : in.tenant().strip().toLowerCase(java.util.Locale.ROOT);
      if (TenantSlug.isValid(slug) && tenants.find(slug).isPresent()) {
        String name = in.username() == null ? "" : TextRules.clip(in.username().strip(), 60);
        audit.record(
            signInAudit(TenantSlug.of(slug), "staff", "?", name, "POST /auth/login", source),
            refused.status() + " " + refused.type());
      }
      throw refused;
    }
  }

  private TokenView signIn(LoginInput in, String source, String userAgent) {
    if (in == null
        || TextRules.trimToNull(in.tenant()) == null
        || TextRules.trimToNull(in.username()) == null
        || in.password() == null) {
      throw TEXTS.problem(400, "missing-credentials", "sessions.missing-credentials");
    }
    String slug = in.tenant().strip().toLowerCase(java.util.Locale.ROOT);
    Optional<Tenant> tenant = TenantSlug.isValid(slug) ? tenants.find(slug) : Optional.empty();
    String account =
        "staff:" + slug + "/" + in.username().strip().toLowerCase(java.util.Locale.ROOT);
    if (tenant.isEmpty()) {
      authenticator.verifySecret(in.password(), null, account, source);
      throw wrongCredentials();
    }
    requireActive(tenant.get());
    TenantSlug t = TenantSlug.of(slug);
    Optional<StaffUsers.Login> user = users.forLogin(t, in.username());
    String hash = user.map(StaffUsers.Login::passwordHash).orElse(null);
    if (!authenticator.verifySecret(in.password(), hash, account, source)) {
      throw wrongCredentials();
    }
    StaffUsers.Login u = user.get();
    if (!StaffUsers.ACTIVE.equals(u.status())) {
      throw userDisabled();
    }
    if (secondFactor.status(t, u.id()).enrolled()) {
      secondFactor.verifyAtSignIn(t, u.id(), in.totp());
    }
    return openSession(t, u, "POST /auth/login", source, userAgent);
  }

  /**
   * Opens a session for a user whose credentials were verified (by password, or by the company's
   * identity provider): the session row, the sign-in's audit row, and the tokens.
   *
   * @param operation what the audit row calls the sign-in, such as {@code POST /auth/login}
   */
  TokenView openSession(
      TenantSlug t, StaffUsers.Login u, String operation, String source, String userAgent) {
    UUID sid = UUID.randomUUID();
    String secret = secret();
    Instant expires = Instant.now().plus(refreshLifetime);
    UserView view =
        stores
            .of(t)
            .transaction(
                c -> {
                  insertSession(c, sid, u.id(), null, secret, expires, source, userAgent);
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update staff_user set last_login_at = now() where id = ?")) {
                    ps.setLong(1, u.id());
                    ps.executeUpdate();
                  }
                  AuditLog.insert(
                      c,
                      signInAudit(
                          t, "staff", Long.toString(u.id()), u.username(), operation, source),
                      "ok");
                  return StaffUsers.find(c, u.id()).orElseThrow();
                });
    return answer(t, Holder.staff(view, u.tokenVersion()), sid, secret, expires);
  }

  /**
   * A new session of a staff user or (when {@code user} is null) a resident account, inside the
   * caller's transaction: only the refresh secret's hash is kept.
   */
  static void insertSession(
      Connection c,
      UUID sid,
      Long user,
      Long resident,
      String secret,
      Instant expires,
      String source,
      String userAgent)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into staff_session (id, user_id, resident_id, refresh_hash, expires_at,"
                + " source, user_agent) values (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, sid);
      Jdbc.setLong(ps, 2, user);
      Jdbc.setLong(ps, 3, resident);
      ps.setString(4, hash(secret));
      ps.setTimestamp(5, Timestamp.from(expires));
      ps.setString(6, TextRules.clip(source, 64));
      ps.setString(7, TextRules.clip(userAgent, 200));
      ps.executeUpdate();
    }
  }

  /**
   * Who a session is for: a staff user (with their {@code user} view) or a resident account (with
   * its {@code resident} view), and the token version access tokens carry.
   */
  record Holder(UserView user, ResidentView resident, int tokenVersion) {
    static Holder staff(UserView user, int tokenVersion) {
      return new Holder(user, null, tokenVersion);
    }

    static Holder resident(ResidentView resident, int tokenVersion) {
      return new Holder(null, resident, tokenVersion);
    }

    String kind() {
      return user != null ? "staff" : "resident";
    }

    long id() {
      return user != null ? user.id() : resident.accountId();
    }

    /** Who audit rows name: the staff user, or the resident's person (as their requests do). */
    String auditId() {
      return Long.toString(user != null ? user.id() : resident.personId());
    }

    String name() {
      return user != null ? user.username() : resident.fullName();
    }
  }

  TokenView refresh(String refreshToken) {
    Refresh r = parse(refreshToken).orElseThrow(Sessions::invalidRefresh);
    Optional<Tenant> tenant = tenants.find(r.tenant.value());
    if (tenant.isEmpty()) {
      throw invalidRefresh();
    }
    requireActive(tenant.get());
    String next = secret();
    Instant expires = Instant.now().plus(refreshLifetime);
    Rotated rotated =
        stores
            .of(r.tenant)
            .transaction(
                c -> {
                  Rotated done = rotate(c, r, next, expires);
                  if (done != null && !done.reused) {
                    AuditLog.insert(
                        c,
                        signInAudit(
                            r.tenant,
                            done.holder.kind(),
                            done.holder.auditId(),
                            done.holder.name(),
                            "POST /auth/refresh",
                            null),
                        "ok");
                  }
                  return done;
                });
    if (rotated == null) {
      throw invalidRefresh();
    }
    if (rotated.reused) {
      callers.forgetSession(r.tenant, r.session);
      LOG.warn(
          "A replaced refresh token of session {} ({}) was presented again: session ended",
          r.session,
          r.tenant);
      throw invalidRefresh();
    }
    return answer(r.tenant, rotated.holder, r.session, next, expires);
  }

  /** Ends the session the caller's token belongs to. */
  void logout(TenantSlug tenant, UUID session) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update staff_session set revoked_at = now(), revoked_why = 'signed-out'"
                          + " where id = ? and revoked_at is null")) {
                ps.setObject(1, session);
                ps.executeUpdate();
              }
              return null;
            });
    callers.forgetSession(tenant, session);
  }

  List<SessionView> list(TenantSlug tenant, long user) {
    return stores
        .of(tenant)
        .read(
            c -> {
              if (StaffUsers.find(c, user).isEmpty()) {
                throw StaffUsers.notFound(user);
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id, created_at, refreshed_at, expires_at, revoked_at, revoked_why,"
                          + " source, user_agent from staff_session where user_id = ?"
                          + " and expires_at > now() - interval '7 days'"
                          + " order by created_at desc limit 100")) {
                ps.setLong(1, user);
                List<SessionView> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new SessionView(
                            rs.getString(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(),
                            Jdbc.instant(rs.getTimestamp(5)),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                  }
                }
                return out;
              }
            });
  }

  Duration refreshLifetime() {
    return refreshLifetime;
  }

  /** Revokes every open session of staff user {@code user}, inside the caller's transaction. */
  static void revokeAll(Connection c, long user, String why) throws SQLException {
    revokeAllOf(c, "user_id", user, why);
  }

  /**
   * Revokes every open session of resident account {@code account}, in the caller's transaction.
   */
  static void revokeAllOfResident(Connection c, long account, String why) throws SQLException {
    revokeAllOf(c, "resident_id", account, why);
  }

  private static void revokeAllOf(Connection c, String column, long id, String why)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update staff_session set revoked_at = now(), revoked_why = ?"
                + " where "
                + column
                + " = ? and revoked_at is null")) {
      ps.setString(1, why);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  static RequestAudit signInAudit(
      TenantSlug tenant, String kind, String id, String name, String operation, String source) {
    return new RequestAudit(
        tenant,
        kind,
        id,
        name,
        operation,
        null,
        List.of(),
        operation.endsWith("refresh") ? "tokens refreshed" : "sign-in",
        TextRules.clip(source, 64),
        null);
  }

  private record Refresh(TenantSlug tenant, UUID session, String secret) {}

  private record Rotated(Holder holder, boolean reused) {}

  private static Rotated rotate(Connection c, Refresh r, String next, Instant expires)
      throws SQLException {
    String presented = hash(r.secret);
    try (PreparedStatement ps =
        c.prepareStatement(
            "select s.user_id, s.refresh_hash, s.previous_hash,"
                + " coalesce(u.status, a.status), coalesce(u.token_version, a.token_version),"
                + " s.resident_id, a.person_id, a.display_name"
                + " from staff_session s left join staff_user u on u.id = s.user_id"
                + " left join resident_account a on a.id = s.resident_id"
                + " where s.id = ? and s.revoked_at is null and s.expires_at > now()"
                + " for update of s")) {
      ps.setObject(1, r.session);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Long user = Jdbc.getLong(rs, "user_id");
        String current = rs.getString(2);
        String previous = rs.getString(3);
        if (!StaffUsers.ACTIVE.equals(rs.getString(4))) {
          return null;
        }
        int tokenVersion = rs.getInt(5);
        ResidentView resident =
            user == null ? new ResidentView(rs.getLong(6), rs.getLong(7), rs.getString(8)) : null;
        if (MessageDigest.isEqual(bytes(presented), bytes(current))) {
          try (PreparedStatement u =
              c.prepareStatement(
                  "update staff_session set previous_hash = refresh_hash, refresh_hash = ?,"
                      + " refreshed_at = now(), expires_at = ? where id = ?")) {
            u.setString(1, hash(next));
            u.setTimestamp(2, Timestamp.from(expires));
            u.setObject(3, r.session);
            u.executeUpdate();
          }
          return new Rotated(
              user == null
                  ? Holder.resident(resident, tokenVersion)
                  : Holder.staff(StaffUsers.find(c, user).orElseThrow(), tokenVersion),
              false);
        }
        if (previous != null && MessageDigest.isEqual(bytes(presented), bytes(previous))) {
          try (PreparedStatement u =
              c.prepareStatement(
                  "update staff_session set revoked_at = now(), revoked_why = 'refresh-reused'"
                      + " where id = ?")) {
            u.setObject(1, r.session);
            u.executeUpdate();
          }
          return new Rotated(null, true);
        }
        return null;
      }
    }
  }

  TokenView answer(
      TenantSlug tenant, Holder holder, UUID sid, String secret, Instant refreshExpires) {
    String access =
        holder.user() != null
            ? tokens.issue(tenant, holder.id(), holder.name(), sid, holder.tokenVersion())
            : tokens.issueResident(
                tenant,
                holder.id(),
                holder.resident().personId(),
                holder.name(),
                sid,
                holder.tokenVersion());
    return new TokenView(
        access,
        "Bearer",
        tokens.lifetime().toSeconds(),
        REFRESH_PREFIX + tenant.value() + "." + sid + "." + secret,
        Duration.between(Instant.now(), refreshExpires).toSeconds(),
        holder.user(),
        holder.resident(),
        holder.user() != null && setupRequired(tenant, holder.id()));
  }

  /** Whether the company requires a second factor the user has not set up yet. */
  private boolean setupRequired(TenantSlug tenant, long user) {
    SecondFactor.Status s = secondFactor.status(tenant, user);
    return s.required() && !s.enrolled();
  }

  private static Optional<Refresh> parse(String token) {
    if (token == null || !token.startsWith(REFRESH_PREFIX)) {
      return Optional.empty();
    }
    String[] parts = token.substring(REFRESH_PREFIX.length()).split("\\.");
    if (parts.length != 3 || !TenantSlug.isValid(parts[0]) || parts[2].length() != 43) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Refresh(TenantSlug.of(parts[0]), UUID.fromString(parts[1]), parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  String secret() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** SHA-256: refresh secrets are 256 random bits, nothing a slow hash would protect better. */
  static String hash(String secret) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static void requireActive(Tenant tenant) {
    if (!Tenant.ACTIVE.equals(tenant.status)) {
      throw suspended(tenant.slug);
    }
  }

  /** 403 {@code tenant-suspended}: company {@code slug} may not sign in. */
  static ProblemException suspended(String slug) {
    return TEXTS.problem(403, "tenant-suspended", "sessions.tenant-suspended", slug);
  }

  /** 403 {@code user-disabled}: the account's credentials were right, but it may not sign in. */
  static ProblemException userDisabled() {
    return TEXTS.problem(403, "user-disabled", "sessions.user-disabled");
  }

  private static ProblemException wrongCredentials() {
    return TEXTS.problem(401, "invalid-credentials", "sessions.wrong-credentials");
  }

  private static ProblemException invalidRefresh() {
    return TEXTS.problem(401, "invalid-refresh-token", "sessions.invalid-refresh");
  }
}
