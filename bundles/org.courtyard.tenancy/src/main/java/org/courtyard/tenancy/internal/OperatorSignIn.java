package org.courtyard.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;

/**
 * Operators' sign-in sessions: the password (and the code, for an account with a second factor)
 * once, then a random Bearer token {@code cyo_...} of which only the SHA-256 is kept. A session
 * ends after {@code idle} without a request, at its absolute expiry, at sign-out, and at once when
 * its account is disabled (the lookup requires an active account) or its password or second factor
 * is reset. Every lookup reads the table: operator requests are few, and nothing cached can then
 * outlive a revocation.
 */
final class OperatorSignIn {

  private static final Texts TEXTS = Texts.of(OperatorSignIn.class);

  static final String PREFIX = "cyo_";

  /** A session's last use is written at most this often (the idle expiry is that coarse). */
  private static final Duration TOUCH = Duration.ofSeconds(30);

  private final Jdbc platform;
  private final Credentials credentials;
  private final OperatorSecondFactor secondFactor;
  private final SecureRandom random;
  private final Duration idle;
  private final Duration lifetime;

  /** The open session of a sign-in: its token (shown once) and when it ends at the latest. */
  record Opened(String token, Instant expiresAt) {}

  OperatorSignIn(
      Jdbc platform,
      Credentials credentials,
      OperatorSecondFactor secondFactor,
      SecureRandom random,
      Duration idle,
      Duration lifetime) {
    this.platform = platform;
    this.credentials = credentials;
    this.secondFactor = secondFactor;
    this.random = random;
    this.idle = idle;
    this.lifetime = lifetime;
  }

  int idleMinutes() {
    return (int) idle.toMinutes();
  }

  /**
   * Checks the password and the code, and opens a session in the transaction that consumes the code
   * (and writes the request's audit row).
   */
  Opened signIn(String username, String password, String code, String source) {
    Optional<Credentials.StoredOperator> account =
        credentials.operatorPassword(username, password, source);
    if (account.isEmpty()) {
      throw new ProblemException(
          401,
          "invalid-credentials",
          TEXTS.title("operator-invalid-credentials"),
          TEXTS.text("login.operator-wrong"),
          Map.of());
    }
    String token = PREFIX + randomToken();
    Instant expires = Instant.now().plus(lifetime);
    platform.transaction(
        c -> {
          if (account.get().secondFactor()) {
            secondFactor.verifyAtSignIn(c, username, code, source);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into operator_session (token_hash, username, expires_at, source)"
                      + " values (?, ?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(expires));
            ps.setString(4, source);
            ps.executeUpdate();
          }
          return null;
        });
    credentials.operatorSignedIn(username);
    return new Opened(token, expires);
  }

  /** The operator of an open session of an active account; counts as the session's activity. */
  Optional<String> operatorOf(String token, String source) {
    if (token == null || !token.startsWith(PREFIX)) {
      // not an operator session at all (a tenant's token on an operator endpoint): no guess
      return Optional.empty();
    }
    if (token.length() > 100) {
      credentials.unknownCredential(source);
      return Optional.empty();
    }
    String hash = hash(token);
    Optional<String> found =
        platform.read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select s.username, s.last_used_at < now() - ? * interval '1 second'"
                          + " from operator_session s join operator o on o.username = s.username"
                          + " where s.token_hash = ? and s.revoked_at is null"
                          + " and s.expires_at > now() and o.status = 'active'"
                          + " and s.last_used_at > now() - ? * interval '1 second'")) {
                ps.setLong(1, TOUCH.toSeconds());
                ps.setString(2, hash);
                ps.setLong(3, idle.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    return Optional.empty();
                  }
                  String username = rs.getString(1);
                  if (rs.getBoolean(2)) {
                    touch(c, hash);
                  }
                  return Optional.of(username);
                }
              }
            });
    if (found.isEmpty()) {
      credentials.unknownCredential(source);
    }
    return found;
  }

  /** Ends the session of {@code token}, with the request's audit row. */
  void signOut(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return;
    }
    platform.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update operator_session set revoked_at = now(), revoked_why = 'signed out'"
                      + " where token_hash = ? and revoked_at is null")) {
            ps.setString(1, hash(token));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Ends every open session of {@code username} (disabled, password or second factor reset). */
  void revokeAll(String username, String why) {
    platform.transaction(
        c -> {
          revokeAll(c, username, why);
          return null;
        });
  }

  /** {@link #revokeAll(String, String)} in the caller's transaction. */
  static void revokeAll(Connection c, String username, String why) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update operator_session set revoked_at = now(), revoked_why = ?"
                + " where username = ? and revoked_at is null")) {
      ps.setString(1, why);
      ps.setString(2, username);
      ps.executeUpdate();
    }
  }

  private static void touch(Connection c, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update operator_session set last_used_at = now() where token_hash = ?")) {
      ps.setString(1, hash);
      ps.executeUpdate();
    }
  }

  private String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
