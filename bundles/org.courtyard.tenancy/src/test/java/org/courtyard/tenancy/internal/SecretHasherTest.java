package org.courtyard.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

  private final SecretHasher hasher = new SecretHasher(new SecureRandom(), 10_000);

  @Test
  void verifiesTheSecretItHashedAndNothingElse() {
    String stored = hasher.hash("correct horse battery staple");
    assertThat(stored).startsWith("pbkdf2-sha256$10000$").doesNotContain("correct");
    assertThat(SecretHasher.verify("correct horse battery staple", stored)).isTrue();
    assertThat(SecretHasher.verify("correct horse battery stapla", stored)).isFalse();
    assertThat(SecretHasher.verify("", stored)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
  }

  @Test
  void rejectsTamperedOrForeignHashes() {
    String stored = hasher.hash("s3cret");
    String[] p = stored.split("\\$");
    assertThat(SecretHasher.verify("s3cret", "sha256$" + p[1] + "$" + p[2] + "$" + p[3])).isFalse();
    assertThat(SecretHasher.verify("s3cret", p[0] + "$1$" + p[2] + "$" + p[3])).isFalse();
    assertThat(SecretHasher.verify("s3cret", p[0] + "$" + p[1] + "$" + p[2])).isFalse();
    assertThat(SecretHasher.verify("s3cret", p[0] + "$" + p[1] + "$" + p[2] + "$AAAA")).isFalse();
    assertThat(SecretHasher.verify("s3cret", "not a hash")).isFalse();
    assertThat(SecretHasher.verify(null, stored)).isFalse();
  }

  @Test
  void tokensRoundTripAndMalformedTokensAreRejected() {
    ApiToken t = ApiToken.generate(new SecureRandom());
    ApiToken parsed = ApiToken.parse(t.toString()).orElseThrow();
    assertThat(parsed.id).isEqualTo(t.id);
    assertThat(parsed.secret).isEqualTo(t.secret);
    assertThat(ApiToken.parse("cy_short_x")).isEmpty();
    assertThat(ApiToken.parse(t.toString() + "x")).isEmpty();
    assertThat(ApiToken.parse("Bearer " + t)).isEmpty();
    assertThat(ApiToken.parse(null)).isEmpty();
  }
}
