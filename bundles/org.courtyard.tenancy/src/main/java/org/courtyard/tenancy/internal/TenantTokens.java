package org.courtyard.tenancy.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.TokenInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's API tokens: issuing them (the secret is shown once and stored only as a hash), listing
 * and revoking them. Verifying them is {@link Credentials}'s job.
 */
final class TenantTokens {

  private static final Logger LOG = LoggerFactory.getLogger(TenantTokens.class);

  private static final Texts TEXTS = Texts.of(TenantTokens.class);

  /** A token not yet stored, with the hash that will be. */
  static final class NewToken {
    private final ApiToken token;
    private final String hash;

    private NewToken(ApiToken token, String hash) {
      this.token = token;
      this.hash = hash;
    }

    /** Stores the token for {@code slug} in the connection's transaction. */
    void insert(Connection c, String slug) throws SQLException {
      Registry.insertToken(c, token.id, slug, hash);
    }

    /** The token as the tenant uses it; shown once. */
    @Override
    public String toString() {
      return token.toString();
    }
  }

  private final DataSource platform;
  private final Registry registry;
  private final Tenants tenants;
  private final Credentials credentials;
  private final SecureRandom random;
  private final SecretHasher hasher;

  TenantTokens(
      DataSource platform,
      Registry registry,
      Tenants tenants,
      Credentials credentials,
      SecureRandom random,
      SecretHasher hasher) {
    this.platform = platform;
    this.registry = registry;
    this.tenants = tenants;
    this.credentials = credentials;
    this.random = random;
    this.hasher = hasher;
  }

  /** A fresh token and its hash; hashed here so no lock or connection is held meanwhile. */
  NewToken newToken() {
    ApiToken token = ApiToken.generate(random);
    return new NewToken(token, hasher.hash(token.secret));
  }

  String issue(String slug) {
    TenantSlug s = TenantSlug.of(slug);
    tenants.require(s.value());
    NewToken token = newToken();
    try (Connection c = platform.getConnection()) {
      token.insert(c, s.value());
    } catch (SQLException e) {
      throw new IllegalStateException("issuing a token failed", e);
    }
    return token.toString();
  }

  List<TokenInfo> list(String slug) {
    tenants.require(TenantSlug.of(slug).value());
    try {
      return registry.tokens(slug);
    } catch (SQLException e) {
      throw new IllegalStateException("listing tokens failed", e);
    }
  }

  void revoke(String slug, String tokenId) {
    tenants.require(TenantSlug.of(slug).value());
    try {
      if (!registry.revokeToken(slug, tokenId)) {
        if (registry.tokenRevoked(slug, tokenId)) {
          throw TEXTS.problem(409, "token-revoked", "tenant.token-revoked", tokenId);
        }
        throw TEXTS.problem(404, "token-not-found", "tenant.token-not-found", slug, tokenId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("revoking a token failed", e);
    }
    credentials.forgetToken(tokenId);
    LOG.info("Revoked token {} of tenant {}", tokenId, slug);
  }
}
