package org.courtyard.tenancy.internal;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies tenant API tokens and operator passwords. In this order: a credential verified recently
 * is answered from the cache (a caller who proved the secret is never slowed); a source address or
 * account locked out after failed attempts is refused with 429 before any hashing; the PBKDF2
 * itself runs behind a {@link VerificationGate}. A revocation, suspension or password change wins
 * over a verification in flight (see {@link CredentialCache}).
 */
final class Credentials {

  private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);

  private static final Texts TEXTS = Texts.of(Credentials.class);

  /** Where stored credentials are read: the registry, or a fake in unit tests. */
  interface Store {
    /** The tenant, secret hash and tenant status of an unrevoked token; empty for anything else. */
    Optional<StoredToken> token(String id) throws SQLException;

    /** An active operator's password hash and whether it has a second factor. */
    Optional<StoredOperator> operator(String username) throws SQLException;
  }

  /** An active operator as sign-in sees it. */
  record StoredOperator(String passwordHash, boolean secondFactor) {}

  static final class StoredToken {
    final String tenant;
    final String secretHash;
    final String tenantStatus;

    StoredToken(String tenant, String secretHash, String tenantStatus) {
      this.tenant = tenant;
      this.secretHash = secretHash;
      this.tenantStatus = tenantStatus;
    }
  }

  private final Store store;
  private final BiPredicate<String, String> verifier;
  private final CredentialCache cache;
  private final LoginThrottle addresses;
  private final LoginThrottle accounts;
  private final VerificationGate gate;

  /**
   * @param verifier (secret, stored hash) → whether they match: {@link SecretHasher#verify}
   */
  Credentials(
      Store store,
      BiPredicate<String, String> verifier,
      CredentialCache cache,
      LoginThrottle addresses,
      LoginThrottle accounts,
      VerificationGate gate) {
    this.store = store;
    this.verifier = verifier;
    this.cache = cache;
    this.addresses = addresses;
    this.accounts = accounts;
    this.gate = gate;
  }

  /**
   * Credentials over {@code store} with the cache, throttles and gate the configuration asks for.
   */
  static Credentials configured(Store store, TenancyConfig config) {
    long window = TimeUnit.SECONDS.toNanos(config.failureWindowSeconds());
    int concurrent =
        config.concurrentVerifications() > 0
            ? config.concurrentVerifications()
            : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new Credentials(
        store,
        SecretHasher::verify,
        new CredentialCache(
            TimeUnit.SECONDS.toNanos(config.credentialCacheSeconds()), 10_000, System::nanoTime),
        new LoginThrottle(
            config.addressFailures(),
            window,
            TimeUnit.SECONDS.toNanos(config.addressLockoutSeconds()),
            100_000,
            System::nanoTime),
        new LoginThrottle(
            config.accountFailures(),
            window,
            TimeUnit.SECONDS.toNanos(config.accountLockoutSeconds()),
            100_000,
            System::nanoTime),
        new VerificationGate(
            concurrent,
            TimeUnit.MILLISECONDS.toNanos(config.verificationWaitMillis()),
            config.waitingVerifications()));
  }

  Optional<TenantSlug> tenantOfToken(String token, String source) {
    Optional<ApiToken> parsed = ApiToken.parse(token);
    if (parsed.isEmpty()) {
      refuseIfLocked(source, null);
      addresses.failed(source);
      return Optional.empty();
    }
    ApiToken t = parsed.get();
    // the token id in the key lets a revocation drop exactly this token's entries
    String key = "tk:" + t.id + ":" + SecretHasher.fingerprint(token);
    Optional<String> cached = cache.get(key);
    if (cached.isPresent()) {
      return Optional.of(TenantSlug.of(cached.get()));
    }
    String account = "tk:" + t.id;
    refuseIfLocked(source, account);
    long epoch = cache.epoch();
    Optional<StoredToken> row = read(() -> store.token(t.id));
    if (row.isEmpty()) {
      // an unknown or revoked id: no hash to check, and no account worth remembering
      addresses.failed(source);
      return Optional.empty();
    }
    if (!verify(t.secret, row.get().secretHash, source, account)) {
      return Optional.empty();
    }
    requireActive(row.get());
    if (!cache.putIfCurrent(key, row.get().tenant, epoch)) {
      // Changed while we hashed: read it again (the secret matched that hash, so no new PBKDF2).
      Optional<StoredToken> now = read(() -> store.token(t.id));
      if (now.isEmpty() || !now.get().secretHash.equals(row.get().secretHash)) {
        return Optional.empty();
      }
      requireActive(now.get());
    }
    return Optional.of(TenantSlug.of(row.get().tenant));
  }

  boolean isOperator(String username, String password, String source) {
    if (username == null || password == null) {
      return false;
    }
    String key = "op:" + SecretHasher.fingerprint(username + ":" + password);
    if (cache.get(key).isPresent()) {
      return true;
    }
    String account = operatorAccount(username);
    refuseIfLocked(source, account);
    long epoch = cache.epoch();
    Optional<StoredOperator> stored = read(() -> store.operator(username));
    if (stored.isEmpty()) {
      addresses.failed(source);
      return false;
    }
    boolean secondFactor = stored.get().secondFactor();
    // With a second factor the password alone is no success: the account's failures stay counted
    // until a code is right, so a known password cannot be used to reset the lockout on codes.
    if (!verify(password, stored.get().passwordHash(), source, account, !secondFactor)) {
      return false;
    }
    if (secondFactor) {
      throw TEXTS.problem(401, "operator-sign-in-required", "login.second-factor", username);
    }
    if (!cache.putIfCurrent(key, username, epoch)) {
      Optional<StoredOperator> now = read(() -> store.operator(username));
      return now.isPresent()
          && !now.get().secondFactor()
          && now.get().passwordHash().equals(stored.get().passwordHash());
    }
    return true;
  }

  /**
   * An operator's password at sign-in, under the same lockout and gate as HTTP Basic; a right one
   * does not clear the account's failures (that waits for {@link #operatorSignedIn}, after the
   * second factor).
   *
   * @return the account when the password is right; empty for a wrong name or password
   */
  Optional<StoredOperator> operatorPassword(String username, String password, String source) {
    if (username == null || password == null) {
      refuseIfLocked(source, null);
      addresses.failed(source);
      return Optional.empty();
    }
    String account = operatorAccount(username);
    refuseIfLocked(source, account);
    Optional<StoredOperator> stored = read(() -> store.operator(username));
    if (stored.isEmpty()) {
      addresses.failed(source);
      return Optional.empty();
    }
    return verify(password, stored.get().passwordHash(), source, account, false)
        ? stored
        : Optional.empty();
  }

  /** Refuses with 429 while the operator's account or {@code source} is locked out. */
  void refuseIfLockedOperator(String username, String source) {
    refuseIfLocked(source, username == null ? null : operatorAccount(username));
  }

  /** A wrong second-factor code: a failed login of the account and of the source. */
  void operatorCodeFailed(String username, String source) {
    if (accounts.failed(operatorAccount(username))) {
      LOG.warn("Too many failed logins for {}: locked out for a while", operatorAccount(username));
    }
    addresses.failed(source);
  }

  /** A complete operator sign-in: the account's failures are forgotten. */
  void operatorSignedIn(String username) {
    accounts.succeeded(operatorAccount(username));
  }

  /**
   * A presented credential that matches nothing (an unknown session token): counted against the
   * source, refused with 429 while the source is locked out.
   */
  void unknownCredential(String source) {
    refuseIfLocked(source, null);
    addresses.failed(source);
  }

  private static String operatorAccount(String username) {
    return "op:" + username;
  }

  /** An account another bundle keeps, checked under the same throttles and gate. */
  boolean verifyAccount(String secret, String storedHash, String account, String source) {
    if (secret == null) {
      return false;
    }
    refuseIfLocked(source, account);
    if (storedHash == null) {
      addresses.failed(source);
      return false;
    }
    return verify(secret, storedHash, source, account);
  }

  /** A PBKDF2 behind the gate, counted as a failure of the source and the account when wrong. */
  private boolean verify(String secret, String storedHash, String source, String account) {
    return verify(secret, storedHash, source, account, true);
  }

  /**
   * @param success whether a right secret clears the account's failures
   */
  private boolean verify(
      String secret, String storedHash, String source, String account, boolean success) {
    boolean ok =
        gate.verify(
            () -> {
              // locked out while this request waited for its turn: still no hashing
              refuseIfLocked(source, account);
              return verifier.test(secret, storedHash);
            });
    if (ok) {
      if (success) {
        accounts.succeeded(account);
      }
      return true;
    }
    if (accounts.failed(account)) {
      LOG.warn("Too many failed logins for {}: locked out for a while", account);
    }
    if (addresses.failed(source)) {
      LOG.info("Too many failed logins from {}: locked out for a while", source);
    }
    return false;
  }

  private void refuseIfLocked(String source, String account) {
    long left = Math.max(addresses.lockedFor(source), accounts.lockedFor(account));
    if (left > 0) {
      throw TEXTS.retryLater(
          429,
          "too-many-failed-logins",
          (left + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1),
          "login.locked");
    }
  }

  private static void requireActive(StoredToken row) {
    if (!Tenant.ACTIVE.equals(row.tenantStatus)) {
      throw TEXTS.problem(403, "tenant-suspended", "login.tenant-suspended", row.tenant);
    }
  }

  // --- invalidation: after the change is committed --------------------------------------------

  void forgetToken(String tokenId) {
    cache.invalidate((key, subject) -> key.startsWith("tk:" + tokenId + ":"));
  }

  void forgetTenant(String slug) {
    cache.invalidate((key, subject) -> key.startsWith("tk:") && subject.equals(slug));
  }

  void forgetOperators() {
    cache.invalidate((key, subject) -> key.startsWith("op:"));
  }

  private interface Read<T> {
    T get() throws SQLException;
  }

  private static <T> T read(Read<T> read) {
    try {
      return read.get();
    } catch (SQLException e) {
      throw new IllegalStateException("reading a stored credential failed", e);
    }
  }
}
