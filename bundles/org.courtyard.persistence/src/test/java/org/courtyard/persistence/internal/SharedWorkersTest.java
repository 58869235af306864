package org.courtyard.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.api.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedWorkersTest {

  private final SharedWorkers workers = new SharedWorkers(threads(4));

  @AfterEach
  void stop() throws InterruptedException {
    workers.deactivate();
  }

  @Test
  void aLaneOfOneRunsItsTasksOneAtATimeInOrder() throws Exception {
    Workers.Lane lane = workers.lane("order", 1, 1_000);
    List<Integer> seen = new CopyOnWriteArrayList<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (int i = 0; i < 500; i++) {
      int n = i;
      lane.execute(
          () -> {
            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            seen.add(n);
            concurrent.decrementAndGet();
          });
    }
    assertThat(lane.close(Duration.ofSeconds(10))).isTrue();
    assertThat(seen).hasSize(500).isSorted();
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void aLaneNeverRunsMoreThanItsShareOfThePool() throws Exception {
    Workers.Lane lane = workers.lane("bounded", 2, 100);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (int i = 0; i < 40; i++) {
      lane.execute(
          () -> {
            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            sleep(5);
            concurrent.decrementAndGet();
          });
    }
    assertThat(lane.close(Duration.ofSeconds(10))).isTrue();
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aFullLaneMakesTheCallerWaitAndOfferRefuses() throws Exception {
    Workers.Lane lane = workers.lane("full", 1, 2);
    CountDownLatch release = new CountDownLatch(1);
    lane.execute(() -> await(release));
    lane.execute(() -> {});
    assertThat(lane.size()).isEqualTo(2);
    assertThat(lane.offer(() -> {})).isFalse();

    CountDownLatch handedIn = new CountDownLatch(1);
    Thread caller =
        new Thread(
            () -> {
              lane.execute(() -> {});
              handedIn.countDown();
            });
    caller.start();
    assertThat(handedIn.await(200, TimeUnit.MILLISECONDS)).as("caller waits").isFalse();
    release.countDown();
    assertThat(handedIn.await(5, TimeUnit.SECONDS)).as("caller proceeds").isTrue();
    assertThat(lane.close(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aClosedLaneRefusesAndAFailingTaskDoesNotStopTheLane() throws Exception {
    Workers.Lane lane = workers.lane("failing", 1, 10);
    AtomicInteger ran = new AtomicInteger();
    lane.execute(
        () -> {
          throw new IllegalStateException("a task that fails");
        });
    lane.execute(ran::incrementAndGet);
    assertThat(lane.close(Duration.ofSeconds(5))).isTrue();
    assertThat(ran.get()).isEqualTo(1);
    assertThatThrownBy(() -> lane.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    assertThat(lane.offer(() -> {})).isFalse();
  }

  @Test
  void aDelayedTaskWaitsWithoutAThreadAndEntersAFullLane() throws Exception {
    Workers.Lane lane = workers.lane("later", 1, 1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ranLater = new CountDownLatch(1);
    long start = System.nanoTime();
    lane.executeLater(Duration.ofMillis(150), ranLater::countDown);
    lane.execute(() -> await(release));
    assertThat(ranLater.await(100, TimeUnit.MILLISECONDS)).as("not before its delay").isFalse();
    release.countDown();
    assertThat(ranLater.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150_000_000L);

    CountDownLatch never = new CountDownLatch(1);
    lane.executeLater(Duration.ofMillis(100), never::countDown);
    assertThat(lane.close(Duration.ofSeconds(5))).isTrue();
    assertThat(never.await(300, TimeUnit.MILLISECONDS)).as("a closed lane runs nothing").isFalse();
  }

  @Test
  void aScheduleNeverOverlapsItselfAndStopsWhenClosed() throws Exception {
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    AutoCloseable schedule =
        workers.every(
            "slow-check",
            Duration.ZERO,
            Duration.ofMillis(1),
            () -> {
              most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
              runs.incrementAndGet();
              sleep(20);
              concurrent.decrementAndGet();
            });
    sleep(300);
    schedule.close();
    sleep(50);
    int after = runs.get();
    sleep(100);
    assertThat(runs.get()).isEqualTo(after).isGreaterThan(3);
    assertThat(most.get()).isEqualTo(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static SharedWorkers.Config threads(int threads) {
    return new SharedWorkers.Config() {
      @Override
      public int threads() {
        return threads;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return SharedWorkers.Config.class;
      }
    };
  }
}
