package org.courtyard.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies the credentials the REST layer receives. Secrets are only ever compared as KDF hashes.
 */
@ProviderType
public interface Authenticator {

  /** The tenant a valid, unrevoked tenant API token belongs to; empty for anything else. */
  Optional<TenantSlug> tenantOfToken(String token);

  /** Whether {@code username}/{@code password} is a valid operator credential. */
  boolean isOperator(String username, String password);

  /**
   * {@link #tenantOfToken(String)} for a request from {@code source} (the client's address as the
   * server saw it; null when unknown), with failed attempts throttled per source and per token.
   *
   * @throws RetryLaterException 429 while the source or the token is locked out after failed
   *     attempts, 503 while too many verifications are already running
   */
  default Optional<TenantSlug> tenantOfToken(String token, String source) {
    return tenantOfToken(token);
  }

  /**
   * {@link #isOperator(String, String)} for a request from {@code source} (null when unknown), with
   * failed attempts throttled per source and per user name. A password alone is not enough for an
   * account with a second factor: it signs in through {@link OperatorSessions#signIn}.
   *
   * @throws ProblemException 401 {@code operator-sign-in-required} when the password is right but
   *     the account has a second factor
   * @throws RetryLaterException 429 while the source or the account is locked out after failed
   *     attempts, 503 while too many verifications are already running
   */
  default boolean isOperator(String username, String password, String source) {
    return isOperator(username, password);
  }

  /**
   * Checks a secret of an account another bundle keeps (a staff user's password, an API key's
   * secret) under the same guard as the platform's own credentials: the lockout after repeated
   * failures per source and per account, and the bound on concurrent hash verifications.
   *
   * @param storedHash the account's hash as {@link #hashSecret(String)} wrote it; null when there
   *     is no such account (the attempt then counts against the source only)
   * @param account names the account across tenants, such as {@code staff:acme/li.lei}
   * @param source the client's address as the server saw it; null when unknown
   * @throws RetryLaterException 429 while the source or the account is locked out, 503 while too
   *     many verifications are already running
   */
  boolean verifySecret(String secret, String storedHash, String account, String source);

  /** A salted, slow hash of a password for {@link #verifySecret}; the plain text is not kept. */
  String hashSecret(String secret);
}
