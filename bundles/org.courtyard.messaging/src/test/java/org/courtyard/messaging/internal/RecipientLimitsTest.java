package org.courtyard.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.courtyard.api.TenantSlug;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Message;
import org.junit.jupiter.api.Test;

class RecipientLimitsTest {

  private Instant now = Instant.parse("2026-12-06T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final RecipientLimits limits = new RecipientLimits(3, Duration.ofMinutes(10), clock);

  private static Message code(String tenant, String email, String purpose) {
    return Message.text(
        TenantSlug.of(tenant), Address.email(email), purpose, Locale.ENGLISH, "Code", "123456");
  }

  private void sendIfAllowed(Message m) {
    if (limits.wait(m).isZero()) {
      limits.count(m);
    }
  }

  @Test
  void theFourthMessageWithinTheWindowWaitsUntilTheFirstLeavesIt() {
    Message m = code("acme", "zhang@example.com", "sign-in-code");
    sendIfAllowed(m);
    now = now.plusSeconds(60);
    sendIfAllowed(m);
    sendIfAllowed(m);

    assertThat(limits.wait(m)).isEqualTo(Duration.ofMinutes(9));
    now = now.plus(Duration.ofMinutes(9));
    assertThat(limits.wait(m)).isZero();
  }

  @Test
  void recipientsPurposesAndTenantsCountApart() {
    for (int i = 0; i < 3; i++) {
      sendIfAllowed(code("acme", "zhang@example.com", "sign-in-code"));
    }

    assertThat(limits.wait(code("acme", "ZHANG@Example.com", "sign-in-code"))).isPositive();
    assertThat(limits.wait(code("acme", "li@example.com", "sign-in-code"))).isZero();
    assertThat(limits.wait(code("acme", "zhang@example.com", "emergency-notice"))).isZero();
    assertThat(limits.wait(code("other", "zhang@example.com", "sign-in-code"))).isZero();
  }

  @Test
  void askingCountsNothing() {
    Message m = code("acme", "zhang@example.com", "sign-in-code");
    for (int i = 0; i < 10; i++) {
      assertThat(limits.wait(m)).isZero();
    }
  }

  @Test
  void recipientsQuietForAWholeWindowAreForgotten() {
    for (int i = 0; i < 10_000; i++) {
      sendIfAllowed(code("acme", "r" + i + "@example.com", "notice"));
    }
    now = now.plus(Duration.ofMinutes(11));
    sendIfAllowed(code("acme", "late@example.com", "notice"));
    assertThat(limits.recipients()).isLessThanOrEqualTo(10_001);
    for (int i = 0; i < 10_000; i++) {
      sendIfAllowed(code("acme", "s" + i + "@example.com", "notice"));
    }

    assertThat(limits.recipients()).isLessThan(20_000);
  }
}
