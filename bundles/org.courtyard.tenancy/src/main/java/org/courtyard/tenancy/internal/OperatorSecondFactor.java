package org.courtyard.tenancy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.Totp;
import org.courtyard.api.jdbc.Jdbc;

/**
 * Operators' second factor (TOTP): an operator sets up an authenticator app, confirms it with a
 * first code, and from then on signs in with a code as well as the password (HTTP Basic is refused
 * for the account). Wrong codes are failed logins of the account (the lockout of {@link
 * Credentials}); a code's step is remembered, so a code works once. An owner may reset another
 * operator's factor: its sessions end with it.
 */
final class OperatorSecondFactor {

  private static final Texts TEXTS = Texts.of(OperatorSecondFactor.class);

  /** The realm in the authenticator app's label: {@code Courtyard (operator):name}. */
  static final String REALM = "operator";

  private final Jdbc platform;
  private final Credentials credentials;

  OperatorSecondFactor(Jdbc platform, Credentials credentials) {
    this.platform = platform;
    this.credentials = credentials;
  }

  /** A new secret, replacing one not confirmed yet; 409 when one is in use. */
  Totp.Setup setUp(String username) {
    Totp.Setup setup = Totp.setup(REALM, username);
    platform.transaction(
        c -> {
          requireOperator(c, username);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into operator_totp (username, secret) values (?, ?)"
                      + " on conflict (username) do update set secret = excluded.secret,"
                      + " last_step = 0, created_at = now() where operator_totp.confirmed_at is null")) {
            ps.setString(1, username);
            ps.setString(2, setup.secret());
            if (ps.executeUpdate() == 0) {
              throw TEXTS.problem(409, "totp-already-enabled", "totp.already-enabled");
            }
          }
          return null;
        });
    return setup;
  }

  /** Confirms the set-up with a first code: from now on sign-in asks for one. */
  void confirm(String username, String code, String source) {
    credentials.refuseIfLockedOperator(username, source);
    platform.transaction(
        c -> {
          String secret = secret(c, username, false);
          if (secret == null) {
            throw new ProblemException(
                409,
                "totp-not-set-up",
                TEXTS.title("totp-nothing-to-confirm"),
                TEXTS.text("totp.nothing-to-confirm"),
                Map.of());
          }
          consume(c, username, secret, code, source);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update operator_totp set confirmed_at = now() where username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
          }
          return null;
        });
    // a password verified for HTTP Basic before is no longer enough
    credentials.forgetOperators();
  }

  /** Turns the second factor off with a current code. */
  void disable(String username, String code, String source) {
    credentials.refuseIfLockedOperator(username, source);
    platform.transaction(
        c -> {
          String secret = secret(c, username, true);
          if (secret == null) {
            throw TEXTS.problem(409, "totp-not-set-up", "totp.not-set-up");
          }
          consume(c, username, secret, code, source);
          delete(c, username);
          return null;
        });
  }

  /** An owner's reset: the factor is gone and the account's sessions end. */
  void reset(String username) {
    platform.transaction(
        c -> {
          requireOperator(c, username);
          delete(c, username);
          OperatorSignIn.revokeAll(c, username, "second factor reset");
          return null;
        });
    credentials.forgetOperators();
  }

  /**
   * At sign-in, in the session's transaction, for an account with a confirmed factor: the code must
   * be right and unused.
   *
   * @throws ProblemException 401 {@code totp-required} without a code, {@code totp-invalid} for a
   *     wrong one (counted as a failed login)
   */
  void verifyAtSignIn(Connection c, String username, String code, String source)
      throws SQLException {
    if (code == null || code.isBlank()) {
      throw TEXTS.problem(401, "totp-required", "totp.required", username);
    }
    String secret = secret(c, username, true);
    if (secret == null) {
      return; // reset while this sign-in ran: the password was enough
    }
    consume(c, username, secret, code, source);
  }

  /** Checks {@code code} and remembers its step, or counts a failure and refuses with 401. */
  private void consume(Connection c, String username, String secret, String code, String source)
      throws SQLException {
    long last;
    try (PreparedStatement ps =
        c.prepareStatement("select last_step from operator_totp where username = ? for update")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        last = rs.next() ? rs.getLong(1) : Long.MAX_VALUE;
      }
    }
    OptionalLong step = Totp.verify(secret, code, Instant.now(), last);
    if (step.isEmpty()) {
      credentials.operatorCodeFailed(username, source);
      throw TEXTS.problem(401, "totp-invalid", "totp.invalid");
    }
    try (PreparedStatement ps =
        c.prepareStatement("update operator_totp set last_step = ? where username = ?")) {
      ps.setLong(1, step.getAsLong());
      ps.setString(2, username);
      ps.executeUpdate();
    }
  }

  private static String secret(Connection c, String username, boolean confirmed)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select secret from operator_totp where username = ?"
                + " and (confirmed_at is not null) = ?")) {
      ps.setString(1, username);
      ps.setBoolean(2, confirmed);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void delete(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("delete from operator_totp where username = ?")) {
      ps.setString(1, username);
      ps.executeUpdate();
    }
  }

  private static void requireOperator(Connection c, String username) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from operator where username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(TEXTS.text("label.operator"), username);
        }
      }
    }
  }
}
