package org.courtyard.devices.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuarantineTest {

  private long window = TimeUnit.SECONDS.toNanos(60);

  private final Quarantine q =
      new Quarantine(
          new Quarantine.Rules() {
            @Override
            public int failures() {
              return 3;
            }

            @Override
            public int hangs() {
              return 2;
            }

            @Override
            public int devices() {
              return 2;
            }

            @Override
            public int tenants() {
              return 2;
            }

            @Override
            public long windowNanos() {
              return window;
            }
          });

  private Quarantine.Level fail(String tenant, String device, boolean hang) {
    return q.fail("meter", tenant, tenant + "/" + device, "boom", hang, Instant.EPOCH);
  }

  @Test
  void aDeviceIsQuarantinedAloneUntilItsFailuresReachTheLimit() {
    assertEquals(Quarantine.Level.NONE, fail("acme", "d1", false));
    assertEquals(Quarantine.Level.NONE, fail("acme", "d1", false));
    assertNull(q.refusal("meter", "acme", "acme/d1"));
    assertEquals(Quarantine.Level.DEVICE, fail("acme", "d1", false));
    assertTrue(q.refusal("meter", "acme", "acme/d1").contains("the device is quarantined"));
    // its neighbours, of the same tenant and driver, keep decoding
    assertNull(q.refusal("meter", "acme", "acme/d2"));
    assertNull(q.refusal("meter", "zen", "zen/d1"));
  }

  @Test
  void hangsWeighMoreThanExceptions() {
    fail("acme", "d1", true);
    assertEquals(Quarantine.Level.DEVICE, fail("acme", "d1", true));
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    window = 0;
    for (int i = 0; i < 10; i++) {
      assertEquals(Quarantine.Level.NONE, fail("acme", "d1", false));
    }
    assertNull(q.refusal("meter", "acme", "acme/d1"));
  }

  @Test
  void quarantineSpreadsToTheTenantThenToTheDriverOnlyWhenSeveralFailAlike() {
    fail("acme", "d1", true);
    fail("acme", "d1", true);
    fail("acme", "d2", true);
    assertEquals(Quarantine.Level.TENANT, fail("acme", "d2", true));
    assertTrue(q.refusal("meter", "acme", "acme/d9").contains("for this tenant"));
    assertNull(q.refusal("meter", "zen", "zen/d9"), "another tenant keeps the driver");

    fail("zen", "d1", true);
    fail("zen", "d1", true);
    fail("zen", "d2", true);
    assertEquals(Quarantine.Level.DRIVER, fail("zen", "d2", true));
    assertTrue(q.refusal("meter", "third", "third/d1").contains("for every tenant"));
    assertNotNull(q.driver("meter"));
  }

  @Test
  void releasingTheDriverReleasesEveryoneItKeptAway() {
    fail("acme", "d1", true);
    fail("acme", "d1", true);
    fail("acme", "d2", true);
    fail("acme", "d2", true);
    q.releaseDriver("meter");
    assertNull(q.refusal("meter", "acme", "acme/d1"));
    assertNull(q.refusal("meter", "acme", "acme/d2"));
    assertNull(q.tenant("acme", "meter"));
  }

  @Test
  void aReleasedDeviceStartsWithACleanSlate() {
    fail("acme", "d1", true);
    fail("acme", "d1", true);
    assertTrue(q.releaseDevice("acme/d1"));
    assertEquals(Quarantine.Level.NONE, fail("acme", "d1", true), "its old hang is forgotten");
    assertEquals(false, q.releaseDevice("acme/d2"));
  }
}
