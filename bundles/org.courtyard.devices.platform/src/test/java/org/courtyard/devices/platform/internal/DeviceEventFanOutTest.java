package org.courtyard.devices.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.TenantSlug;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.devices.platform.DecodedMessage;
import org.courtyard.devices.platform.RegisteredDevice;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceRecord;
import org.courtyard.persistence.internal.SharedWorkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceEventFanOutTest {

  private static final TenantSlug A = TenantSlug.of("tenant_a");
  private static final TenantSlug B = TenantSlug.of("tenant_b");

  /** The platform's own shared workers, not a stand-in: the fan-out is tested on real lanes. */
  private final SharedWorkers workers = new SharedWorkers(4);

  private final DeviceEventFanOut fanOut = new DeviceEventFanOut(workers);

  @AfterEach
  void stop() throws InterruptedException {
    workers.deactivate();
  }

  @Test
  void aListenerStuckOnOneTenantStallsNeitherTheWriterNorTheOtherTenant() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Long> seenOfB = Collections.synchronizedList(new ArrayList<>());
    List<Long> seenOfA = Collections.synchronizedList(new ArrayList<>());
    DeviceEventListener listener =
        events -> {
          if (events.get(0).tenant().equals(A)) {
            await(release);
            events.forEach(e -> seenOfA.add(value(e)));
          } else {
            events.forEach(e -> seenOfB.add(value(e)));
          }
        };
    fanOut.add(listener);
    Thread writer = Thread.currentThread();
    for (long i = 1; i <= 50; i++) {
      fanOut.stored(A, List.of(accepted(A, i)));
      fanOut.stored(B, List.of(accepted(B, i)));
    }
    // the writer got here while tenant A's listener is stuck; B's records all arrive, in order
    assertThat(Thread.currentThread()).isSameAs(writer);
    awaitSize(seenOfB, 50);
    assertThat(seenOfB).isSorted().doesNotHaveDuplicates();
    assertThat(seenOfA).isEmpty();
    release.countDown();
    awaitSize(seenOfA, 50);
    assertThat(seenOfA).isSorted().doesNotHaveDuplicates();
    assertThat(fanOut.undelivered()).isZero();
  }

  @Test
  void aRemovedListenerGetsWhatWaitsForItFirst() {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    DeviceEventListener slow =
        events -> {
          sleep(20);
          events.forEach(e -> seen.add(value(e)));
        };
    fanOut.add(slow);
    for (long i = 1; i <= 20; i++) {
      fanOut.stored(A, List.of(accepted(A, i)));
    }
    fanOut.remove(slow);
    assertThat(seen).hasSize(20).isSorted();
    fanOut.stored(A, List.of(accepted(A, 21)));
    assertThat(seen).hasSize(20);
  }

  @Test
  void aListenerTooFarBehindIsNotGivenTheExcessAndItIsCounted() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    fanOut.add(
        events -> {
          entered.countDown();
          await(release);
          events.forEach(e -> seen.add(value(e)));
        });
    List<DecodedMessage> thousand = new ArrayList<>();
    for (long i = 0; i < 1_000; i++) {
      thousand.add(accepted(A, i));
    }
    fanOut.stored(A, thousand);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    int more = DeviceEventFanOut.MAX_PENDING / 1_000 + 2;
    for (int b = 0; b < more; b++) {
      fanOut.stored(A, thousand);
    }
    release.countDown();
    // the first batch was taken by the stuck delivery; MAX_PENDING more waited; two were refused
    awaitSize(seen, DeviceEventFanOut.MAX_PENDING + 1_000);
    assertThat(fanOut.undelivered()).isEqualTo(2_000);
  }

  private static long value(DeviceEvent e) {
    return ((DeviceRecord.MeterReading) e.record()).value().longValue();
  }

  private static DecodedMessage accepted(TenantSlug tenant, long seq) {
    RegisteredDevice device =
        new RegisteredDevice(tenant, "m1", "water-meter", "jsonmeter", Map.of(), "", 7L);
    DeviceRecord r =
        new DeviceRecord.MeterReading(
            "1", DeviceRecord.MeterKind.WATER, BigDecimal.valueOf(seq), "m3", Instant.EPOCH);
    return new DecodedMessage(
        device, seq, Instant.now(), DecodeResult.of(seq, List.of(Decoded.good(r))), new byte[0]);
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (list.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(list).hasSize(size);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
