package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.courtyard.api.TenantSlug;
import org.junit.jupiter.api.Test;

class InteractiveMeterTest {

  private static final TenantSlug A = TenantSlug.of("acme");
  private static final TenantSlug B = TenantSlug.of("bravo");
  private static final TenantSlug C = TenantSlug.of("cedar");

  @Test
  void nobodyServedAtFirst() {
    InteractiveMeter meter = new InteractiveMeter();
    assertThat(meter.othersServedWithin(A, 60_000)).isFalse();
  }

  @Test
  void aTenantsOwnRequestsDoNotCountForIt() {
    InteractiveMeter meter = new InteractiveMeter();
    meter.note("acme");
    meter.note("acme");
    assertThat(meter.othersServedWithin(A, 60_000)).isFalse();
    assertThat(meter.othersServedWithin(B, 60_000)).isTrue();
  }

  @Test
  void anotherTenantSeenEarlierStillCountsAfterOwnRequests() {
    InteractiveMeter meter = new InteractiveMeter();
    meter.note("bravo");
    meter.note("acme");
    meter.note("acme");
    assertThat(meter.othersServedWithin(A, 60_000)).isTrue();
    meter.note("cedar");
    assertThat(meter.othersServedWithin(C, 60_000)).isTrue();
    assertThat(meter.othersServedWithin(A, 60_000)).isTrue();
  }

  @Test
  void operatorsAndUnauthenticatedCountForEveryTenant() {
    InteractiveMeter meter = new InteractiveMeter();
    meter.note("");
    assertThat(meter.othersServedWithin(A, 60_000)).isTrue();
    assertThat(meter.othersServedWithin(B, 60_000)).isTrue();
  }

  @Test
  void oldRequestsAreForgotten() throws InterruptedException {
    InteractiveMeter meter = new InteractiveMeter();
    meter.note("bravo");
    Thread.sleep(30);
    assertThat(meter.othersServedWithin(A, 10)).isFalse();
    assertThat(meter.othersServedWithin(A, 60_000)).isTrue();
  }
}
