package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TxIdsTest {

  @Test
  void idsAreVersion7UniqueAndOrderedByTime() throws InterruptedException {
    UUID first = TxIds.next();
    Thread.sleep(3);
    UUID later = TxIds.next();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(Long.compareUnsigned(first.getMostSignificantBits(), later.getMostSignificantBits()))
        .isNegative();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(TxIds.next())).isTrue();
    }
    long millis = later.getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
  }
}
