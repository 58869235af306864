package org.courtyard.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantSlug;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final String ALICE = "10.0.0.1";
  private static final String BOB = "10.0.0.2";

  private final SecureRandom random = new SecureRandom();
  private final SecretHasher hasher = new SecretHasher(random, 1_000);
  private final FakeStore store = new FakeStore();
  private final AtomicInteger hashes = new AtomicInteger();

  /** When set, a verification stops here until the test lets it go on. */
  private final AtomicReference<Hold> hold = new AtomicReference<>();

  private final CredentialCache cache = new CredentialCache(300 * SECOND, 1_000, System::nanoTime);
  private final Credentials credentials =
      new Credentials(
          store,
          (secret, hash) -> {
            hashes.incrementAndGet();
            Hold h = hold.getAndSet(null);
            if (h != null) {
              h.block();
            }
            return SecretHasher.verify(secret, hash);
          },
          cache,
          new LoginThrottle(10, 300 * SECOND, 60 * SECOND, 1_000, System::nanoTime),
          new LoginThrottle(3, 300 * SECOND, 60 * SECOND, 1_000, System::nanoTime),
          new VerificationGate(4, SECOND, 16));

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static final class FakeStore implements Credentials.Store {
    final Map<String, Credentials.StoredToken> tokens = new ConcurrentHashMap<>();
    final Map<String, String> operators = new ConcurrentHashMap<>();
    final java.util.Set<String> secondFactor = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Credentials.StoredToken> token(String id) {
      return Optional.ofNullable(tokens.get(id));
    }

    @Override
    public Optional<Credentials.StoredOperator> operator(String username) {
      return Optional.ofNullable(operators.get(username))
          .map(h -> new Credentials.StoredOperator(h, secondFactor.contains(username)));
    }
  }

  static final class Hold {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    void block() {
      entered.countDown();
      try {
        if (!release.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private ApiToken issue(String slug) {
    ApiToken t = ApiToken.generate(random);
    store.tokens.put(t.id, new Credentials.StoredToken(slug, hasher.hash(t.secret), Tenant.ACTIVE));
    return t;
  }

  private static String wrongSecret(ApiToken t) {
    return "cy_" + t.id + "_" + "A".repeat(43);
  }

  private boolean cachedFor(String prefix) {
    return cache.keys().stream().anyMatch(k -> k.startsWith(prefix));
  }

  @Test
  void aVerifiedTokenIsRememberedSoTheNextRequestHashesNothing() {
    ApiToken t = issue("acme");
    assertThat(credentials.tenantOfToken(t.toString(), ALICE)).contains(TenantSlug.of("acme"));
    assertThat(credentials.tenantOfToken(t.toString(), ALICE)).contains(TenantSlug.of("acme"));
    assertThat(hashes).hasValue(1);
  }

  @Test
  void aTokenLockedOutAfterWrongSecretsIsRefusedWithoutHashingEvenWithTheRightOne() {
    ApiToken t = issue("acme");
    ApiToken other = issue("acme");
    for (int i = 0; i < 3; i++) {
      assertThat(credentials.tenantOfToken(wrongSecret(t), ALICE)).isEmpty();
    }
    assertThat(hashes).hasValue(3);
    for (String presented : new String[] {wrongSecret(t), t.toString()}) {
      assertThatThrownBy(() -> credentials.tenantOfToken(presented, BOB))
          .isInstanceOfSatisfying(
              RetryLaterException.class,
              e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.type()).isEqualTo("too-many-failed-logins");
                assertThat(e.retryAfterSeconds()).isBetween(59L, 60L);
              });
    }
    assertThat(hashes).hasValue(3);
    // the address is not locked out by one account's failures: another token still works from it
    assertThat(credentials.tenantOfToken(other.toString(), ALICE)).contains(TenantSlug.of("acme"));
  }

  @Test
  void anOperatorWhoAlreadyProvedThePasswordIsNotSlowedByAnAttackOnTheAccount() {
    store.operators.put("operator", hasher.hash("right"));
    assertThat(credentials.isOperator("operator", "right", ALICE)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(credentials.isOperator("operator", "guess" + i, BOB)).isFalse();
    }
    assertThatThrownBy(() -> credentials.isOperator("operator", "guess", BOB))
        .isInstanceOf(RetryLaterException.class);
    assertThat(credentials.isOperator("operator", "right", ALICE)).isTrue();
    assertThat(hashes).hasValue(4);
  }

  @Test
  void anOperatorWithASecondFactorIsSentToSignInAndItsRightPasswordClearsNoFailures() {
    store.operators.put("ops.li", hasher.hash("right"));
    store.secondFactor.add("ops.li");
    assertThat(credentials.isOperator("ops.li", "guess", BOB)).isFalse();
    credentials.operatorCodeFailed("ops.li", BOB);
    assertThatThrownBy(() -> credentials.isOperator("ops.li", "right", ALICE))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.type()).isEqualTo("operator-sign-in-required");
              assertThat(e.detail())
                  .isEqualTo(
                      "Operator 'ops.li' has a second factor, which HTTP Basic cannot carry: sign"
                          + " in with POST /api/v1/operator/sign-in {username, password, totp} and"
                          + " send the session token as Authorization: Bearer.");
              assertThat(e.detail(Languages.CHINESE))
                  .startsWith("运维人员“ops.li”已设置二次验证")
                  .contains("{username, password, totp}");
            });
    // the right password did not reset the count: a third failure (a wrong code) locks it out
    assertThat(credentials.operatorPassword("ops.li", "right", ALICE)).isPresent();
    credentials.operatorCodeFailed("ops.li", ALICE);
    assertThatThrownBy(() -> credentials.operatorPassword("ops.li", "right", ALICE))
        .isInstanceOf(RetryLaterException.class);
    // never remembered as a valid Basic credential
    assertThat(cache.keys()).noneMatch(k -> k.startsWith("op:"));
  }

  @Test
  void aCompleteSignInClearsTheAccountsFailures() {
    store.operators.put("ops.li", hasher.hash("right"));
    assertThat(credentials.operatorPassword("ops.li", "guess", BOB)).isEmpty();
    credentials.operatorCodeFailed("ops.li", BOB);
    credentials.operatorSignedIn("ops.li");
    assertThat(credentials.operatorPassword("ops.li", "guess", BOB)).isEmpty();
    assertThat(credentials.operatorPassword("ops.li", "guess", BOB)).isEmpty();
    assertThat(credentials.operatorPassword("ops.li", "right", ALICE)).isPresent();
  }

  @Test
  void anAddressLockedOutIsRefusedBeforeAnyLookupOrHashButOthersAreServed() {
    ApiToken t = issue("acme");
    for (int i = 0; i < 10; i++) {
      assertThat(credentials.tenantOfToken("cy_not-a-token-" + i, ALICE)).isEmpty();
    }
    assertThatThrownBy(() -> credentials.tenantOfToken(t.toString(), ALICE))
        .isInstanceOfSatisfying(
            RetryLaterException.class, e -> assertThat(e.status()).isEqualTo(429));
    assertThatThrownBy(() -> credentials.isOperator("operator", "x", ALICE))
        .isInstanceOf(RetryLaterException.class);
    assertThat(hashes).hasValue(0);
    assertThat(credentials.tenantOfToken(t.toString(), BOB)).contains(TenantSlug.of("acme"));
  }

  /** Starts a verification of {@code presented} and returns once it is hashing. */
  private <T> Future<T> inFlight(java.util.concurrent.Callable<T> verification, Hold h)
      throws InterruptedException {
    hold.set(h);
    Future<T> f = pool.submit(verification);
    assertThat(h.entered.await(10, TimeUnit.SECONDS)).isTrue();
    return f;
  }

  @Test
  void aRevocationDuringAVerificationWinsAndNothingIsCachedAfterIt() throws Exception {
    ApiToken t = issue("acme");
    Hold h = new Hold();
    Future<Optional<TenantSlug>> first =
        inFlight(() -> credentials.tenantOfToken(t.toString(), ALICE), h);
    // what TenantTokens.revoke does: commit, then forget
    store.tokens.remove(t.id);
    credentials.forgetToken(t.id);
    h.release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(cachedFor("tk:" + t.id)).isFalse();
    assertThat(credentials.tenantOfToken(t.toString(), ALICE)).isEmpty();
    assertThat(cachedFor("tk:")).isFalse();
  }

  @Test
  void aSuspensionDuringAVerificationWins() throws Exception {
    ApiToken t = issue("acme");
    Hold h = new Hold();
    Future<Optional<TenantSlug>> first =
        inFlight(() -> credentials.tenantOfToken(t.toString(), ALICE), h);
    Credentials.StoredToken row = store.tokens.get(t.id);
    store.tokens.put(
        t.id, new Credentials.StoredToken(row.tenant, row.secretHash, Tenant.SUSPENDED));
    credentials.forgetTenant("acme");
    h.release.countDown();

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ProblemException.class)
        .cause()
        .hasMessageContaining("suspended");
    assertThat(cachedFor("tk:")).isFalse();
    assertThatThrownBy(() -> credentials.tenantOfToken(t.toString(), ALICE))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void anOffboardingDuringAVerificationWins() throws Exception {
    ApiToken t = issue("acme");
    Hold h = new Hold();
    Future<Optional<TenantSlug>> first =
        inFlight(() -> credentials.tenantOfToken(t.toString(), ALICE), h);
    store.tokens.clear();
    credentials.forgetTenant("acme");
    h.release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(cachedFor("tk:")).isFalse();
  }

  @Test
  void aNewOperatorPasswordDuringAVerificationOfTheOldOneWins() throws Exception {
    store.operators.put("operator", hasher.hash("old"));
    Hold h = new Hold();
    Future<Boolean> first = inFlight(() -> credentials.isOperator("operator", "old", ALICE), h);
    store.operators.put("operator", hasher.hash("new"));
    credentials.forgetOperators();
    h.release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(cachedFor("op:")).isFalse();
    assertThat(credentials.isOperator("operator", "old", ALICE)).isFalse();
    assertThat(credentials.isOperator("operator", "new", ALICE)).isTrue();
  }

  @Test
  void aChangeToAnotherTenantDuringAVerificationDoesNotRefuseIt() throws Exception {
    ApiToken t = issue("acme");
    Hold h = new Hold();
    Future<Optional<TenantSlug>> first =
        inFlight(() -> credentials.tenantOfToken(t.toString(), ALICE), h);
    credentials.forgetTenant("globex");
    h.release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).contains(TenantSlug.of("acme"));
  }

  @Test
  void aGuessQueuedForTheGateIsRefusedWithoutHashingIfTheAccountGotLockedMeanwhile()
      throws Exception {
    VerificationGate gate = new VerificationGate(1, 10 * SECOND, 16);
    LoginThrottle accounts =
        new LoginThrottle(3, 300 * SECOND, 60 * SECOND, 1_000, System::nanoTime);
    Credentials oneAtATime =
        new Credentials(
            store,
            (secret, hash) -> {
              hashes.incrementAndGet();
              Hold h = hold.getAndSet(null);
              if (h != null) {
                h.block();
              }
              return SecretHasher.verify(secret, hash);
            },
            cache,
            new LoginThrottle(10, 300 * SECOND, 60 * SECOND, 1_000, System::nanoTime),
            accounts,
            gate);
    store.operators.put("operator", hasher.hash("right"));
    Hold h = new Hold();
    Future<Boolean> first = inFlight(() -> oneAtATime.isOperator("operator", "guess-1", ALICE), h);
    Future<Boolean> queued = pool.submit(() -> oneAtATime.isOperator("operator", "guess-2", BOB));
    // the second guess is past the lockout check and waits for the only permit; then the account
    // is locked out by guesses elsewhere
    long deadline = System.nanoTime() + 10 * SECOND;
    while (gate.waiting() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(gate.waiting()).isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      accounts.failed("op:operator");
    }
    h.release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isFalse();
    assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RetryLaterException.class);
    assertThat(hashes).hasValue(1);
  }
}
