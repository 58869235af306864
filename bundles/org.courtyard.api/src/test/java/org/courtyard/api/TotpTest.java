package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238 appendix B, SHA-1 seed, the last six digits of its eight. */
  @Test
  void theRfcVectorsComeOut() {
    byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    assertThat(Totp.code(seed, 59 / 30)).isEqualTo("287082");
    assertThat(Totp.code(seed, 1111111109L / 30)).isEqualTo("081804");
    assertThat(Totp.code(seed, 1234567890L / 30)).isEqualTo("005924");
    assertThat(Totp.code(seed, 2000000000L / 30)).isEqualTo("279037");
  }

  @Test
  void base32RoundTrips() {
    byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    String s = Totp.base32(seed);
    assertThat(s).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.base32Decode(s)).isEqualTo(seed);
    assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
  }

  @Test
  void aCodeIsAcceptedInItsWindowOnceAndNeverBackwards() {
    String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    Instant at = Instant.ofEpochSecond(1111111109L);
    long step = at.getEpochSecond() / 30;
    assertThat(Totp.verify(secret, "081804", at, 0)).hasValue(step);
    assertThat(Totp.verify(secret, "081804", at.plusSeconds(30), 0)).hasValue(step);
    assertThat(Totp.verify(secret, "081804", at.plusSeconds(90), 0)).isEmpty();
    assertThat(Totp.verify(secret, "081804", at, step)).isEmpty();
    assertThat(Totp.verify(secret, "81804", at, 0)).isEmpty();
    assertThat(Totp.verify(secret, "abcdef", at, 0)).isEmpty();
  }

  @Test
  void theUriIsWhatAuthenticatorAppsRead() {
    assertThat(Totp.uri("acme", "li.lei", "ABC"))
        .startsWith("otpauth://totp/Courtyard%20%28acme%29%3Ali.lei?secret=ABC&issuer=Courtyard");
  }

  @Test
  void aSetUpSecretGivesTheCodesItsUriPromises() {
    Totp.Setup setup = Totp.setup("operator", "ops.li");
    assertThat(setup.uri()).contains("secret=" + setup.secret()).contains("period=30");
    Instant now = Instant.now();
    String code = Totp.code(setup.secret(), now);
    assertThat(Totp.verify(setup.secret(), code, now, 0)).hasValue(now.getEpochSecond() / 30);
  }
}
