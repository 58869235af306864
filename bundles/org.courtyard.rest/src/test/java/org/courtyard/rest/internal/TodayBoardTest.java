package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TodayBoardTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch never = new CountDownLatch(1);
  private final TenantPrincipal owner = new TenantPrincipal(TenantSlug.of("acme"), "t1");

  @AfterEach
  void stop() {
    never.countDown();
    pool.shutdownNow();
  }

  /** A lane of the shared workers, on a plain pool: enough for the board's use. */
  private final Workers workers =
      new Workers() {
        @Override
        public int threads() {
          return 4;
        }

        @Override
        public Lane lane(String name, int maxConcurrent, int capacity) {
          return new Lane() {
            @Override
            public void execute(Runnable task) {
              pool.execute(task);
            }

            @Override
            public boolean offer(Runnable task) {
              pool.execute(task);
              return true;
            }

            @Override
            public void executeLater(Duration delay, Runnable task) {
              pool.execute(task);
            }

            @Override
            public int size() {
              return 0;
            }

            @Override
            public boolean close(Duration timeout) {
              return true;
            }
          };
        }

        @Override
        public AutoCloseable every(
            String name, Duration initialDelay, Duration period, Runnable t) {
          return () -> {};
        }
      };

  private static TodayTiles module(String id, Runnable before, String... tiles) {
    return new TodayTiles() {
      @Override
      public String moduleId() {
        return id;
      }

      @Override
      public List<TodayTile> tiles(TenantPrincipal caller) {
        before.run();
        return java.util.Arrays.stream(tiles)
            .map(t -> TodayTile.count(id + "." + t, id + ".x.read", t, t, 1, "/api/v1/" + id))
            .toList();
      }
    };
  }

  private static List<String> ids(TodayBoard.Result r) {
    return r.tiles().stream().map(TodayTile::id).toList();
  }

  @Test
  void modulesComeInTheOrderOfTheirIdsAndTheirTilesInTheirOwn() {
    TodayBoard board = new TodayBoard(workers, Duration.ofSeconds(5));
    board.add(module("security", () -> {}, "open-alarms"));
    board.add(module("billing", () -> {}, "collected", "arrears"));
    board.add(module("devices", () -> {}, "offline", "faulty"));
    TodayBoard.Result r = board.tiles(owner, List.of("security", "devices", "billing"));
    assertThat(ids(r))
        .containsExactly(
            "billing.collected",
            "billing.arrears",
            "devices.offline",
            "devices.faulty",
            "security.open-alarms");
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void aModuleTheTenantHasNotEnabledIsNotAsked() {
    TodayBoard board = new TodayBoard(workers, Duration.ofSeconds(5));
    board.add(module("billing", () -> {}, "collected"));
    board.add(
        module(
            "security",
            () -> {
              throw new AssertionError("asked");
            },
            "open-alarms"));
    TodayBoard.Result r = board.tiles(owner, List.of("estate", "billing"));
    assertThat(ids(r)).containsExactly("billing.collected");
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void aFailingOrSlowModuleIsMissingAndTheOthersAreAnswered() {
    TodayBoard board = new TodayBoard(workers, Duration.ofMillis(300));
    board.add(module("billing", () -> {}, "collected"));
    board.add(
        module(
            "devices",
            () -> {
              throw new IllegalStateException("database gone");
            },
            "offline"));
    board.add(
        module(
            "security",
            () -> {
              try {
                never.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "open-alarms"));
    long start = System.nanoTime();
    TodayBoard.Result r = board.tiles(owner, List.of("billing", "devices", "security"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(ids(r)).containsExactly("billing.collected");
    assertThat(r.missing()).containsExactly("devices", "security");
  }

  @Test
  void aModuleThatLeavesIsNoLongerAsked() {
    TodayBoard board = new TodayBoard(workers, Duration.ofSeconds(5));
    TodayTiles billing = module("billing", () -> {}, "collected");
    board.add(billing);
    board.remove(billing);
    assertThat(board.tiles(owner, List.of("billing")).tiles()).isEmpty();
  }
}
