package org.courtyard.billing.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/**
 * Idempotency-Key handling for endpoints that move money. The key is claimed inside the request's
 * own transaction: a concurrent request with the same key waits on the claim until the first one
 * commits (and then replays its answer) or rolls back (and then runs itself). Only successful
 * answers are stored; a request that failed may be retried with the same key.
 */
final class Idempotency {

  private static final Texts TEXTS = Texts.of(Idempotency.class);

  static final String HEADER = "Idempotency-Key";
  static final int MAX_KEY_LENGTH = 200;

  /** An answer as it was first given. */
  record Stored(int status, byte[] body) {}

  private Idempotency() {}

  /**
   * @throws ProblemException 400 {@code idempotency-key-required} or {@code
   *     invalid-idempotency-key}
   */
  static String requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw TEXTS.problem(400, "idempotency-key-required", "idempotency.key-required");
    }
    if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw TEXTS.problem(
          400, "invalid-idempotency-key", "idempotency.key-invalid", MAX_KEY_LENGTH);
    }
    return key;
  }

  /**
   * Claims {@code key} for a new request, or returns the stored answer when the same request was
   * made before.
   *
   * @throws ProblemException 422 {@code idempotency-key-reused} when the key was used for a
   *     different request
   */
  static Optional<Stored> claim(Connection c, String key, String endpoint, String requestHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO idempotency_record (key, endpoint, request_hash) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO NOTHING")) {
      ps.setString(1, key);
      ps.setString(2, endpoint);
      ps.setString(3, requestHash);
      if (ps.executeUpdate() == 1) {
        return Optional.empty();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT endpoint, request_hash, status_code, response FROM idempotency_record"
                + " WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("idempotency record vanished: " + key);
        }
        if (!endpoint.equals(rs.getString(1)) || !requestHash.equals(rs.getString(2))) {
          throw TEXTS.problem(422, "idempotency-key-reused", "idempotency.key-reused");
        }
        int status = rs.getInt(3);
        if (rs.wasNull()) {
          throw new IllegalStateException("idempotency record without answer: " + key);
        }
        return Optional.of(new Stored(status, rs.getString(4).getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  static void complete(Connection c, String key, Stored answer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE idempotency_record SET status_code = ?, response = ? WHERE key = ?")) {
      ps.setInt(1, answer.status());
      ps.setString(2, new String(answer.body(), StandardCharsets.UTF_8));
      ps.setString(3, key);
      ps.executeUpdate();
    }
  }
}
