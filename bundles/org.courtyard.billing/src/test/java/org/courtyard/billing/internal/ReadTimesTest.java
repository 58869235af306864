package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReadTimesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void timesWithAnOffsetAreTakenAsWritten() {
    assertThat(ReadTimes.parse("2026-11-30T09:00:00+08:00", SHANGHAI))
        .contains(Instant.parse("2026-11-30T01:00:00Z"));
    assertThat(ReadTimes.parse("2026-11-30T01:00Z", SHANGHAI))
        .contains(Instant.parse("2026-11-30T01:00:00Z"));
  }

  @Test
  void localTimesAndDatesAreInTheTenantsZone() {
    assertThat(ReadTimes.parse(" 2026-11-30T09:00 ", SHANGHAI))
        .contains(Instant.parse("2026-11-30T01:00:00Z"));
    assertThat(ReadTimes.parse("2026-11-30 09:00:30", SHANGHAI))
        .contains(Instant.parse("2026-11-30T01:00:30Z"));
    assertThat(ReadTimes.parse("2026-11-30", SHANGHAI))
        .contains(Instant.parse("2026-11-29T16:00:00Z"));
    assertThat(ReadTimes.parse("2026-11-30", ZoneId.of("UTC")))
        .contains(Instant.parse("2026-11-30T00:00:00Z"));
  }

  @Test
  void anythingElseIsNoTime() {
    assertThat(ReadTimes.parse("2026/11/30", SHANGHAI)).isEmpty();
    assertThat(ReadTimes.parse("30.11.2026", SHANGHAI)).isEmpty();
    assertThat(ReadTimes.parse("2026-02-30", SHANGHAI)).isEmpty();
    assertThat(ReadTimes.parse("", SHANGHAI)).isEmpty();
    assertThat(ReadTimes.parse(null, SHANGHAI)).isEmpty();
    assertThat(ReadTimes.parse("2026-11-30T09:00:00+08:00".repeat(3), SHANGHAI)).isEmpty();
  }
}
