package org.courtyard.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.courtyard.admin.contract.FakeOperatorApi;
import org.junit.jupiter.api.Test;

class OperatorApiTest {

  @Test
  void problemJsonBecomesTitleAndDetail() {
    try (FakeOperatorApi fake = FakeOperatorApi.start("pw")) {
      OperatorApi api = new OperatorApi(fake.baseUrl() + "/", "pw");

      assertThatThrownBy(() -> api.onboard("Bad Slug", "x", List.of()))
          .isInstanceOfSatisfying(
              ApiProblem.class,
              p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.shortType()).isEqualTo("invalid-tenant-slug");
                assertThat(p.title()).isEqualTo("Invalid tenant slug");
                assertThat(p.detail()).contains("\"Bad Slug\"");
              });
    }
  }

  @Test
  void aWrongPasswordIs401() {
    try (FakeOperatorApi fake = FakeOperatorApi.start("pw")) {
      assertThatThrownBy(() -> new OperatorApi(fake.baseUrl(), "nope").tenants())
          .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
    }
  }

  @Test
  void nobodyListeningIsUnreachableNamingTheUrl() {
    assertThatThrownBy(() -> new OperatorApi("http://127.0.0.1:9/api/v1", "pw").health())
        .isInstanceOf(ApiUnreachable.class)
        .hasMessage("Courtyard API not reachable at http://127.0.0.1:9/api/v1");
  }

  @Test
  void anErrorPageThatIsNotProblemJsonIsStillReadable() {
    ApiProblem p = OperatorApi.problem(502, "<html><body><h1>Bad Gateway</h1></body></html>");

    assertThat(p.title()).isEqualTo("HTTP 502");
    assertThat(p.detail()).isEqualTo("Bad Gateway");
    assertThat(OperatorApi.problem(503, "").detail()).isNull();
  }

  @Test
  void slugRuleIsThePlatforms() {
    assertThat(SlugRule.isValid("acme")).isTrue();
    assertThat(SlugRule.isValid("a_1")).isTrue();
    assertThat(SlugRule.isValid("ab")).isFalse();
    assertThat(SlugRule.isValid("1abc")).isFalse();
    assertThat(SlugRule.isValid("acme-co")).isFalse();
    assertThat(SlugRule.isValid("a" + "b".repeat(39))).isTrue();
    assertThat(SlugRule.isValid("a" + "b".repeat(40))).isFalse();
  }
}
