package org.courtyard.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.Totp;
import org.courtyard.identity.internal.dto.TotpSetupView;

/**
 * The optional second factor: a user sets up an authenticator app (the secret is confirmed by a
 * first code before sign-in asks for it), and from then on signs in with a code as well as the
 * password. A company may require it: its users who have not set it up hold no permission but
 * setting it up until they have. Wrong codes are limited per user (5 in 5 minutes).
 */
final class SecondFactor {

  private static final int MAX_WRONG = 5;
  private static final long WINDOW_NANOS = 5L * 60 * 1_000_000_000;
  private static final Texts TEXTS = Texts.of(SecondFactor.class);

  /** Whether the user signs in with a code, and whether the company requires one. */
  record Status(boolean enrolled, boolean required) {}

  private record Wrong(int count, long since) {}

  private final TenantStores stores;
  private final Callers callers;
  private final Map<String, Wrong> wrong = new ConcurrentHashMap<>();

  SecondFactor(TenantStores stores, Callers callers) {
    this.stores = stores;
    this.callers = callers;
  }

  Status status(TenantSlug tenant, long user) {
    return stores.of(tenant).read(c -> status(c, user));
  }

  static Status status(Connection c, long user) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select exists(select 1 from staff_totp where user_id = ? and confirmed_at is not null),"
                + " (select require_totp from identity_setting)")) {
      ps.setLong(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Status(rs.getBoolean(1), rs.getBoolean(2));
      }
    }
  }

  /** A new secret for the user's app, replacing an unconfirmed one; 409 when one is in use. */
  TotpSetupView setup(TenantSlug tenant, long user, String username) {
    String secret = Totp.newSecret();
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into staff_totp (user_id, secret) values (?, ?)"
                          + " on conflict (user_id) do update set secret = excluded.secret,"
                          + " last_counter = 0 where staff_totp.confirmed_at is null")) {
                ps.setLong(1, user);
                ps.setString(2, secret);
                if (ps.executeUpdate() == 0) {
                  throw TEXTS.problem(409, "totp-already-enabled", "totp.already-enabled");
                }
              }
              return null;
            });
    return new TotpSetupView(secret, Totp.uri(tenant.value(), username, secret), Totp.DIGITS, 30);
  }

  /** Confirms the set-up with a first code: from now on sign-in asks for one. */
  void confirm(TenantSlug tenant, long user, String code) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              String secret = secret(c, user, false);
              if (secret == null) {
                throw new ProblemException(
                    409,
                    "totp-not-set-up",
                    TEXTS.text("totp.nothing-to-confirm-title"),
                    TEXTS.text("totp.nothing-to-confirm"),
                    Map.of());
              }
              consume(c, tenant, user, secret, code);
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update staff_totp set confirmed_at = now() where user_id = ?")) {
                ps.setLong(1, user);
                ps.executeUpdate();
              }
              return null;
            });
    callers.forgetUser(tenant, user);
  }

  /** Turns the second factor off with a current code; 409 when the company requires it. */
  void disable(TenantSlug tenant, long user, String code) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              Status s = status(c, user);
              if (!s.enrolled()) {
                throw TEXTS.problem(409, "totp-not-set-up", "totp.not-set-up");
              }
              if (s.required()) {
                throw TEXTS.problem(409, "totp-required-by-company", "totp.required-by-company");
              }
              consume(c, tenant, user, secret(c, user, true), code);
              delete(c, user);
              return null;
            });
    callers.forgetUser(tenant, user);
  }

  /** An administrator's reset for a user who lost the phone: they set it up again. */
  void reset(TenantSlug tenant, long user) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              if (StaffUsers.find(c, user).isEmpty()) {
                throw StaffUsers.notFound(user);
              }
              delete(c, user);
              return null;
            });
    callers.forgetUser(tenant, user);
  }

  /**
   * At sign-in, for a user with a confirmed second factor: the code must be right and unused.
   *
   * @throws ProblemException 401 {@code totp-required} or {@code totp-invalid}; 429 after too many
   *     wrong codes
   */
  void verifyAtSignIn(TenantSlug tenant, long user, String code) {
    if (code == null || code.isBlank()) {
      throw TEXTS.problem(401, "totp-required", "totp.required");
    }
    stores
        .of(tenant)
        .transaction(
            c -> {
              consume(c, tenant, user, secret(c, user, true), code);
              return null;
            });
  }

  private void consume(Connection c, TenantSlug tenant, long user, String secret, String code)
      throws SQLException {
    String key = tenant.value() + "/" + user;
    long now = System.nanoTime();
    Wrong w = wrong.get(key);
    if (w != null && now - w.since() < WINDOW_NANOS && w.count() >= MAX_WRONG) {
      throw TEXTS.retryLater(
          429,
          "too-many-wrong-codes",
          Math.max(1, (WINDOW_NANOS - (now - w.since())) / 1_000_000_000),
          "totp.too-many-wrong");
    }
    long last;
    try (PreparedStatement ps =
        c.prepareStatement("select last_counter from staff_totp where user_id = ? for update")) {
      ps.setLong(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        last = rs.next() ? rs.getLong(1) : Long.MAX_VALUE;
      }
    }
    OptionalLong step = Totp.verify(secret, code, Instant.now(), last);
    if (step.isEmpty()) {
      wrong.compute(
          key,
          (k, old) ->
              old == null || now - old.since() >= WINDOW_NANOS
                  ? new Wrong(1, now)
                  : new Wrong(old.count() + 1, old.since()));
      if (wrong.size() > 100_000) {
        wrong.clear();
      }
      throw TEXTS.problem(401, "totp-invalid", "totp.wrong");
    }
    wrong.remove(key);
    try (PreparedStatement ps =
        c.prepareStatement("update staff_totp set last_counter = ? where user_id = ?")) {
      ps.setLong(1, step.getAsLong());
      ps.setLong(2, user);
      ps.executeUpdate();
    }
  }

  private static String secret(Connection c, long user, boolean confirmed) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select secret from staff_totp where user_id = ? and (confirmed_at is not null) = ?")) {
      ps.setLong(1, user);
      ps.setBoolean(2, confirmed);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void delete(Connection c, long user) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from staff_totp where user_id = ?")) {
      ps.setLong(1, user);
      ps.executeUpdate();
    }
  }
}
