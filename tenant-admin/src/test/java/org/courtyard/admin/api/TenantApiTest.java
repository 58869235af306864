package org.courtyard.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.courtyard.admin.contract.FakeTenantApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantApiTest {

  static FakeTenantApi fake;

  record Row(long id, String name) {}

  @BeforeAll
  static void start() {
    fake = FakeTenantApi.start();
    fake.staff("acme", "admin", "pw-Admin-1").grant("administrator");
    fake.staff("acme", "guard", "pw-Guard-1").grant("guard");
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private static TenantApi admin() {
    return TenantApi.signIn(fake.baseUrl(), "ACME ", "admin", "pw-Admin-1", null);
  }

  @Test
  void meListsThePermissionsWithTheirScope() {
    StaffMe me = admin().me();

    assertThat(me.tenant()).isEqualTo("acme");
    assertThat(me.can("billing.bill.read")).isTrue();
    assertThat(me.scopeOf("billing.bill.read").orElseThrow().companyWide()).isTrue();
  }

  @Test
  void aTokenCloseToItsEndIsRenewedBeforeTheCall() {
    fake.accessTokenSeconds(30); // inside the renewal margin: every call renews first
    try {
      TenantApi api = admin();
      int before = fake.refreshes();
      api.me();
      api.me();
      assertThat(fake.refreshes()).isEqualTo(before + 2);
    } finally {
      fake.accessTokenSeconds(900);
    }
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
    TenantApi api = admin();
    int before = fake.refreshes();
    fake.expireAccessTokens();

    assertThat(api.me().name()).isEqualTo("admin");
    assertThat(fake.refreshes()).isEqualTo(before + 1);
  }

  @Test
  void afterSignOutTheClientIsSignedOutEverywhere() {
    TenantApi api = admin();
    int open = fake.openSessions();

    api.signOut();

    assertThat(api.signedOut()).isTrue();
    assertThat(fake.openSessions()).isEqualTo(open - 1);
    assertThatThrownBy(api::me).isInstanceOf(ApiProblem.class);
  }

  @Test
  void aRefusedRefreshMeansSignedOut() {
    TenantApi api = admin();
    api.signOut();
    TenantApi other = admin();
    fake.expireAccessTokens();
    other.signOut(); // ends the session: its refresh token no longer works
    assertThat(other.signedOut()).isTrue();
  }

  @Test
  void errorsArriveAsProblemsWhoseDetailUsersRead() {
    TenantApi guard = TenantApi.signIn(fake.baseUrl(), "acme", "guard", "pw-Guard-1", null);

    assertThatThrownBy(() -> guard.get("example/rows", Row.class))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(403);
              assertThat(p.shortType()).isEqualTo("permission-denied");
              assertThat(p.detail()).isEqualTo("This needs the permission example.row.read.");
            });
    assertThatThrownBy(() -> TenantApi.signIn(fake.baseUrl(), "acme", "guard", "nope", null))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.shortType()).isEqualTo("invalid-credentials"));
  }

  @Test
  void pagesComeWithTheirNextCursor() {
    TenantApi api = admin();

    Page<Row> first = api.page("example/rows", Map.of("limit", 10), Row.class);
    Page<Row> second =
        api.page("example/rows", Map.of("limit", 10, "cursor", first.nextCursor()), Row.class);

    assertThat(first.items()).hasSize(10);
    assertThat(first.items().get(0)).isEqualTo(new Row(1, "row 0001"));
    assertThat(second.items().get(0).id()).isEqualTo(11);
    assertThat(TenantApi.query(Map.of("q", "a b"))).isEqualTo("?q=a+b");
  }

  @Test
  void anUnreachableApiIsNamed() {
    assertThatThrownBy(() -> TenantApi.signIn("http://127.0.0.1:9/api/v1", "a", "b", "c", null))
        .isInstanceOf(ApiUnreachable.class);
  }
}
