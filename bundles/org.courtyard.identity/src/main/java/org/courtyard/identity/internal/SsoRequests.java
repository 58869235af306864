package org.courtyard.identity.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;

/**
 * Sign-ins sent to the company's identity provider and not back yet, in the tenant's schema. Each
 * is found by its {@code state}, lives 10 minutes and is taken once: the callback deletes it before
 * anything else, so a state (and the code it came with) cannot be replayed. Expired ones are
 * deleted whenever a new one is added; at most {@value #MAX_PENDING} wait per company, so that
 * anonymous starts cannot fill the table.
 */
final class SsoRequests {

  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX_PENDING = 10_000;

  private static final Texts TEXTS = Texts.of(SsoRequests.class);

  /** What the callback needs of its start. */
  record Pending(
      String state,
      String nonce,
      String codeVerifier,
      String browserHash,
      String redirectUri,
      String returnTo,
      int configVersion) {}

  private final TenantStores stores;

  SsoRequests(TenantStores stores) {
    this.stores = stores;
  }

  void add(TenantSlug tenant, Pending p) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              int waiting;
              try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from sso_request where expires_at < now()");
                try (ResultSet rs = s.executeQuery("select count(*) from sso_request")) {
                  rs.next();
                  waiting = rs.getInt(1);
                }
              }
              if (waiting >= MAX_PENDING) {
                throw TEXTS.problem(503, "sso-busy", "sso.busy");
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into sso_request (state, nonce, code_verifier, browser_hash,"
                          + " redirect_uri, return_to, config_version, expires_at)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.state());
                ps.setString(2, p.nonce());
                ps.setString(3, p.codeVerifier());
                ps.setString(4, p.browserHash());
                ps.setString(5, p.redirectUri());
                ps.setString(6, p.returnTo());
                ps.setInt(7, p.configVersion());
                ps.setTimestamp(8, Timestamp.from(Instant.now().plus(LIFETIME)));
                ps.executeUpdate();
              }
              return null;
            });
  }

  /** The sign-in of {@code state} if it is under way and unexpired; either way it is gone after. */
  Optional<Pending> take(TenantSlug tenant, String state) {
    return stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "delete from sso_request where state = ? returning nonce, code_verifier,"
                          + " browser_hash, redirect_uri, return_to, config_version,"
                          + " expires_at > now()")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next() || !rs.getBoolean(7)) {
                    return Optional.<Pending>empty();
                  }
                  return Optional.of(
                      new Pending(
                          state,
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getInt(6)));
                }
              }
            });
  }
}
