package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Failed credentials are throttled per account and per source address, answered 429 with {@code
 * Retry-After} before any hashing, while the rest of the API stays fast. Every request here comes
 * from 127.0.0.1, so the account lockout (a few wrong operator passwords) must not lock the address
 * (a valid tenant token from it still works); the address lockout is then shown on its own,
 * shortened to a few seconds for the test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ThrottleIT {

  private static final int ACCOUNT_FAILURES = 5; // TenancyConfig's default
  private static final int ADDRESS_FAILURES = 30; // TenancyConfig's default
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http anonymous;
  private Http operator;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options(
        KarafDistributionOption.editConfigurationFilePut(
            "etc/org.courtyard.tenancy.cfg", "addressLockoutSeconds", "3"));
  }

  @Before
  public void clients() throws Exception {
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
  }

  /** Status, Retry-After and body of a GET with this Authorization header (or none). */
  private static final class Answer {
    final int status;
    final String retryAfter;
    final String contentType;
    final String body;
    final long nanos;

    Answer(HttpResponse<String> r, long nanos) {
      this.status = r.statusCode();
      this.retryAfter = r.headers().firstValue("Retry-After").orElse(null);
      this.contentType = r.headers().firstValue("Content-Type").orElse("");
      this.body = r.body();
      this.nanos = nanos;
    }

    @Override
    public String toString() {
      return status + " Retry-After=" + retryAfter + " " + body;
    }
  }

  private static Answer get(String path, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + CourtyardContainer.httpPort() + "/api/v1" + path))
            .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    long start = System.nanoTime();
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r, System.nanoTime() - start);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static void assertRefusedForAWhile(Answer a) {
    assertEquals(a.toString(), 429, a.status);
    assertTrue(a.toString(), a.contentType.startsWith("application/problem+json"));
    assertTrue(a.toString(), a.body.contains("too-many-failed-logins"));
    assertTrue(a.toString(), a.retryAfter != null && a.retryAfter.matches("\\d+"));
    assertTrue(a.toString(), Integer.parseInt(a.retryAfter) >= 1);
  }

  private String issueToken(String slug) throws Exception {
    Http.Reply issued = operator.post("/operator/tenants/" + slug + "/tokens", "");
    assertEquals(issued.toString(), 201, issued.status);
    return issued.json.path("token").asText();
  }

  @Test
  public void a01_wrongOperatorPasswordsLockTheAccountNotTheAddressAndPingStaysFast()
      throws Exception {
    // the operator logs in before the attack (its credential is verified and remembered)
    String tenantToken = operator.onboard("throttle_co");
    assertEquals(200, get("/operator/tenants", operator.authorization).status);

    ExecutorService pool = Executors.newFixedThreadPool(31);
    AtomicBoolean flooding = new AtomicBoolean(true);
    List<Long> pings = Collections.synchronizedList(new ArrayList<>());
    try {
      Future<?> pinger =
          pool.submit(
              () -> {
                while (flooding.get()) {
                  Answer a = get("/ping", null);
                  assertEquals(a.toString(), 200, a.status);
                  pings.add(a.nanos);
                  Thread.sleep(20);
                }
                return null;
              });
      Thread.sleep(300); // a few pings on a quiet server first
      List<Future<Answer>> flood = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String password = "wrong-" + i;
        flood.add(pool.submit(() -> get("/operator/tenants", basic("operator", password))));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> f : flood) {
        answers.add(f.get(120, TimeUnit.SECONDS));
      }
      // keep knocking for a while: once locked, every guess is refused at once, before any hashing
      boolean lockedOut = false;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < until) {
        Answer a = get("/operator/tenants", basic("operator", "still-wrong"));
        if (lockedOut || a.status == 429) {
          assertRefusedForAWhile(a);
          lockedOut = true;
        }
        answers.add(a);
      }
      assertTrue("the account was locked out: " + answers, lockedOut);
      flooding.set(false);
      pinger.get(30, TimeUnit.SECONDS);

      int verified = 0;
      int locked = 0;
      for (Answer a : answers) {
        assertTrue(a.toString(), a.status == 401 || a.status == 429 || a.status == 503);
        assertTrue(a.toString(), a.contentType.startsWith("application/problem+json"));
        if (a.status == 401) {
          verified++;
        } else {
          assertTrue(a.toString(), a.retryAfter != null && a.retryAfter.matches("\\d+"));
          if (a.status == 429) {
            assertRefusedForAWhile(a);
            locked++;
          }
        }
      }
      // only up to the threshold (plus the verifications already running when it was reached) got
      // a PBKDF2 and its 401; the rest were refused (429, or 503 while the verifications were busy)
      assertTrue("401 answers: " + verified, verified >= 1 && verified <= ACCOUNT_FAILURES + 2);
      assertTrue("429 answers: " + locked, locked > 10);

      List<Long> sorted = new ArrayList<>(pings);
      Collections.sort(sorted);
      assertTrue("pings: " + sorted.size(), sorted.size() >= 10);
      long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
      assertTrue(
          "ping p95 " + TimeUnit.NANOSECONDS.toMillis(p95) + " ms while logins failed",
          p95 < TimeUnit.MILLISECONDS.toNanos(200));
    } finally {
      flooding.set(false);
      pool.shutdownNow();
    }

    // the account is locked, not the address: a valid tenant token never seen before works from it
    Answer tenant = get("/tenant", bearer(tenantToken));
    assertEquals(tenant.toString(), 200, tenant.status);
    // and the operator who proved the password before the attack is not slowed by it
    Answer op = get("/operator/tenants", operator.authorization);
    assertEquals(op.toString(), 200, op.status);
    assertRefusedForAWhile(get("/operator/tenants", basic("operator", "one-more-guess")));
  }

  @Test
  public void a02_manyWrongTokensFromOneAddressLockTheAddressForAWhile() throws Exception {
    String fresh = issueToken("throttle_co");
    Answer last = null;
    for (int i = 0; i <= ADDRESS_FAILURES; i++) {
      String unknown = String.format("cy_%016d_%s", i, "A".repeat(43));
      last = get("/tenant", bearer(unknown));
      if (last.status == 429) {
        break;
      }
      assertEquals(last.toString(), 401, last.status);
    }
    assertRefusedForAWhile(last);
    // a valid token not verified before is refused too while the address is locked out: no hashing
    Answer refused = get("/tenant", bearer(fresh));
    assertRefusedForAWhile(refused);
    assertTrue(refused.toString(), Integer.parseInt(refused.retryAfter) <= 3);
    // the public endpoints are not behind the lockout
    assertEquals(200, get("/ping", null).status);

    Thread.sleep(TimeUnit.SECONDS.toMillis(Integer.parseInt(refused.retryAfter)) + 200);
    Answer after = get("/tenant", bearer(fresh));
    assertEquals(after.toString(), 200, after.status);
    assertTrue(after.body, after.body.contains("throttle_co"));
  }
}
