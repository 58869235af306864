package org.courtyard.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinuteCounterTest {

  private static final long MINUTE = 60_000;

  private final AtomicLong now = new AtomicLong(1_764_288_000_000L); // 2025-11-28T00:00Z
  private final MinuteCounter counter = new MinuteCounter(now::get);

  @Test
  void countsFallIntoTheirMinuteAndTheCurrentMinuteIsLast() {
    counter.add(3);
    now.addAndGet(MINUTE + 59_999); // the minute after, at its last millisecond
    counter.add(1);
    counter.add(1);
    now.addAndGet(2 * MINUTE); // two minutes later, nothing counted yet
    assertArrayEquals(new long[] {0, 3, 2, 0, 0}, counter.perMinute(5));
    counter.add(7);
    assertArrayEquals(new long[] {2, 0, 7}, counter.perMinute(3));
  }

  @Test
  void aSlotLastUsedADayAgoStartsFromZero() {
    counter.add(5);
    now.addAndGet(MinuteCounter.MAX_MINUTES * MINUTE); // same slot, a day later
    assertEquals(0, counter.perMinute(1)[0]);
    counter.add(2);
    assertEquals(2, counter.perMinute(1)[0]);
    assertEquals(2, LongStream.of(counter.perMinute(MinuteCounter.MAX_MINUTES)).sum());
  }

  @Test
  void concurrentAddsLoseNothing() throws InterruptedException {
    MinuteCounter shared = new MinuteCounter();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  shared.add(1);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    // the run may cross a minute boundary: the last two minutes hold every add
    assertEquals(400_000, LongStream.of(shared.perMinute(2)).sum());
  }

  @Test
  void nothingAndNegativesAreNotCountedAndTheRangeIsChecked() {
    counter.add(0);
    counter.add(-4);
    assertArrayEquals(new long[] {0}, counter.perMinute(1));
    assertThrows(IllegalArgumentException.class, () -> counter.perMinute(0));
    assertThrows(
        IllegalArgumentException.class, () -> counter.perMinute(MinuteCounter.MAX_MINUTES + 1));
  }
}
