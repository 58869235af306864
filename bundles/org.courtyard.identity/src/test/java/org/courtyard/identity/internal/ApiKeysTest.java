package org.courtyard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

  /** Keys that are not well-formed are refused before anything is looked up (stores are null). */
  @Test
  void malformedKeysAreNothing() {
    ApiKeys keys = new ApiKeys(null, null);
    assertThat(keys.verify("cyk_")).isEmpty();
    assertThat(keys.verify("cyk_acme_short_secret")).isEmpty();
    assertThat(keys.verify("cyk_Bad-Slug_ABCDEFGHJKLMNPQR_" + "a".repeat(43))).isEmpty();
    assertThat(keys.verify("cyk_acme_ABCDEFGHJKLMNP_R_" + "a".repeat(43))).isEmpty();
  }
}
