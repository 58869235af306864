package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "abc", "a1_b2", "green_valley_property_2026"})
  void acceptsSlugsAndNamesTheirSchema(String slug) {
    TenantSlug s = TenantSlug.of(slug);
    assertThat(s.value()).isEqualTo(slug);
    assertThat(s.schema()).isEqualTo("t_" + slug);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a;drop schema x",
        "../",
        "Acme",
        "ACME",
        "ab",
        "1acme",
        "_acme",
        "acme-co",
        "acme co",
        "acme\n",
        "t_acme\"; drop schema platform cascade; --",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmno" // 41 characters
      })
  void rejectsEverythingElseWith400(String slug) {
    assertThatThrownBy(() -> TenantSlug.of(slug))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
        .hasMessageContaining("tenant slug");
  }

  @org.junit.jupiter.api.Test
  void fortyCharactersIsTheLongestSlug() {
    String forty = "a".repeat(40);
    assertThat(TenantSlug.isValid(forty)).isTrue();
    assertThat(TenantSlug.isValid(forty + "a")).isFalse();
    assertThat(TenantSlug.isValid(null)).isFalse();
  }
}
